/**
 * The person's signing identity and this installation's device id, kept in the data folder:
 *   identity.json  the Ed25519 key pair (private key as JWK), file mode 0600;
 *   device.json    a random device id, kept apart so copying identity.json to a second computer
 *                  (same person, two laptops) still gives that computer its own device id.
 * Both are created on first use and never replaced: a damaged identity file is reported, not
 * overwritten, because a new key would silently cut the person off from their projects.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isErrno } from '../fsErrors';
import { createFileExclusively } from './exclusiveFile';
import { formatPublicKey, keyIdFromRaw, parsePublicKey, rawPublicKey } from './keys';

export const IDENTITY_FILE = 'identity.json';
export const DEVICE_FILE = 'device.json';

export interface Identity {
  /** Short name of the public key (see keys.ts). */
  readonly keyId: string;
  /** "ed25519:<base64url>", what others paste to add this person as a member. */
  readonly publicKey: string;
  /** This installation: lower-case hex, safe as a file name on any file system. */
  readonly deviceId: string;
  readonly privateKey: KeyObject;
  readonly publicKeyObject: KeyObject;
  readonly createdAt: string;
  /** Where it is stored. */
  readonly file: string;
}

export class IdentityFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'IdentityFileError';
  }
}

const IdentityFileSchema = z.object({
  format: z.literal('factcheck-identity'),
  version: z.literal(1),
  publicKey: z.string(),
  privateKey: z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string(), d: z.string() }),
  createdAt: z.string(),
});

const DeviceFileSchema = z.object({
  format: z.literal('factcheck-device'),
  version: z.literal(1),
  deviceId: z.string().regex(/^[0-9a-f]{20}$/),
  createdAt: z.string(),
});

/** 80 random bits as 20 lower-case hex digits (no case, so no clash on case-insensitive disks). */
export function newDeviceId(): string {
  return randomBytes(10).toString('hex');
}

async function readJson(file: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return undefined;
    throw err;
  }
  try {
    return JSON.parse(text);
  } catch {
    return { damaged: true };
  }
}

/** Owner-only permissions, also for a file restored from a backup with looser ones. */
async function keepPrivate(file: string): Promise<void> {
  if (process.platform === 'win32') return;
  const stat = await fs.stat(file);
  if ((stat.mode & 0o077) !== 0) await fs.chmod(file, 0o600);
}

async function loadOrCreateKeyPair(dataDir: string): Promise<z.infer<typeof IdentityFileSchema> & { file: string }> {
  const file = path.join(dataDir, IDENTITY_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    const raw = await readJson(file);
    if (raw !== undefined) {
      const parsed = IdentityFileSchema.safeParse(raw);
      if (!parsed.success) {
        throw new IdentityFileError(
          `The identity file ${file} is damaged; it was left as it is. Restore it from a backup, or move it away to create a new identity (owners must then add your new public key to their projects).`,
          file,
        );
      }
      await keepPrivate(file);
      return { ...parsed.data, file };
    }
    const { privateKey } = generateKeyPairSync('ed25519');
    const jwk = privateKey.export({ format: 'jwk' });
    const record = {
      format: 'factcheck-identity' as const,
      version: 1 as const,
      publicKey: formatPublicKey(Buffer.from(jwk.x as string, 'base64url')),
      privateKey: { kty: 'OKP' as const, crv: 'Ed25519' as const, x: jwk.x as string, d: jwk.d as string },
      createdAt: new Date().toISOString(),
    };
    await fs.mkdir(dataDir, { recursive: true });
    // Another process may create it first: then the loop reads theirs.
    if (await createFileExclusively(file, JSON.stringify(record, null, 2) + '\n', 0o600)) return { ...record, file };
  }
  throw new IdentityFileError(`Could not create the identity file ${file}`, file);
}

async function loadOrCreateDeviceId(dataDir: string): Promise<string> {
  const file = path.join(dataDir, DEVICE_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    const raw = await readJson(file);
    if (raw !== undefined) {
      const parsed = DeviceFileSchema.safeParse(raw);
      if (!parsed.success) throw new IdentityFileError(`The device file ${file} is damaged; move it away to get a new device id.`, file);
      return parsed.data.deviceId;
    }
    const record = { format: 'factcheck-device', version: 1, deviceId: newDeviceId(), createdAt: new Date().toISOString() };
    await fs.mkdir(dataDir, { recursive: true });
    if (await createFileExclusively(file, JSON.stringify(record, null, 2) + '\n')) return record.deviceId;
  }
  throw new IdentityFileError(`Could not create the device file ${file}`, file);
}

/** Loads this person's identity from `dataDir`, creating key pair and device id on first use. */
export async function loadOrCreateIdentity(dataDir: string): Promise<Identity> {
  const stored = await loadOrCreateKeyPair(dataDir);
  const deviceId = await loadOrCreateDeviceId(dataDir);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: stored.privateKey, format: 'jwk' });
  } catch {
    throw new IdentityFileError(`The identity file ${stored.file} holds no usable private key; it was left as it is.`, stored.file);
  }
  const publicKeyObject = createPublicKey(privateKey);
  const raw = rawPublicKey(publicKeyObject);
  if (!raw.equals(parsePublicKey(stored.publicKey))) {
    throw new IdentityFileError(`The identity file ${stored.file} is inconsistent (its public key does not match its private key).`, stored.file);
  }
  return {
    keyId: keyIdFromRaw(raw),
    publicKey: formatPublicKey(raw),
    deviceId,
    privateKey,
    publicKeyObject,
    createdAt: stored.createdAt,
    file: stored.file,
  };
}
