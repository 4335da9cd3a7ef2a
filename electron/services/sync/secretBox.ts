/**
 * Keeps small secrets (a CouchDB password, a sync passphrase) protected at rest in the data folder.
 * The binding may supply the operating system's protection (Electron's safeStorage: Keychain,
 * DPAPI, libsecret); without one, secrets are sealed with AES-256-GCM under a random key kept in
 * its own owner-only file (0600) in the data folder, so a copied project file or sync state never
 * carries them and a casual read of the share settings shows no password.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Turns a secret into an opaque string and back. */
export interface SecretProtector {
  /** Names the protection, for the record ("os" or "data-folder-key"). */
  readonly kind: string;
  seal(secret: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

const KEY_FILE = 'secret.key';
const PREFIX = 'aesgcm1:';

/** The data-folder protector: a random 256-bit key in `<dataDir>/sync/secret.key` (mode 0600). */
export function dataFolderProtector(dataDir: string): SecretProtector {
  const file = path.join(dataDir, 'sync', KEY_FILE);
  let key: Promise<Buffer> | null = null;
  const loadKey = (): Promise<Buffer> =>
    (key ??= (async () => {
      try {
        const stored = await fs.readFile(file);
        if (stored.length === 32) return stored;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const fresh = randomBytes(32);
      try {
        // 'wx': a key another process wrote first wins.
        await fs.writeFile(file, fresh, { mode: 0o600, flag: 'wx' });
        return fresh;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        return fs.readFile(file);
      }
    })());
  return {
    kind: 'data-folder-key',
    async seal(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', await loadKey(), iv);
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async open(sealed) {
      if (!sealed.startsWith(PREFIX)) throw new Error('not a sealed secret');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', await loadKey(), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
