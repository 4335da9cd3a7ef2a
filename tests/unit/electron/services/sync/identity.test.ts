import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../../../electron/services/settings';
import { IdentityFileError, loadOrCreateIdentity } from '../../../../../electron/services/sync/identity';
import { formatPublicKey, keyIdOf, parsePublicKey, publicKeyObject, rawPublicKey } from '../../../../../electron/services/sync/keys';
import { createSignatureVerifier, signEntry, verifyEntrySignature } from '../../../../../electron/services/sync/signatures';
import { runFactcheck } from '../../../../support/runProcess';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sync-identity-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('identity', () => {
  it('is created on first use with an owner-only key file and is the same on every later load', async () => {
    const home = join(dir, 'first');
    const first = await loadOrCreateIdentity(home);
    expect(first.publicKey).toMatch(/^ed25519:[A-Za-z0-9_-]{43}$/);
    expect(first.keyId).toBe(keyIdOf(first.publicKey));
    expect(first.keyId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(first.deviceId).toMatch(/^[0-9a-f]{20}$/);
    if (process.platform !== 'win32') expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateIdentity(home);
    expect([again.publicKey, again.keyId, again.deviceId]).toEqual([first.publicKey, first.keyId, first.deviceId]);
    // The stored private key signs what the stored public key verifies.
    const signed = signEntry({ id: 'e1', text: 'x' }, again.privateKey);
    expect(verifyEntrySignature(signed, first.publicKey)).toEqual({ ok: true });
  });

  it('two processes starting at once end up with one identity', async () => {
    const home = join(dir, 'race');
    const all = await Promise.all(Array.from({ length: 6 }, () => loadOrCreateIdentity(home)));
    expect(new Set(all.map((i) => i.publicKey)).size).toBe(1);
    expect(new Set(all.map((i) => i.deviceId)).size).toBe(1);
  });

  it('a copied identity on another computer keeps the key but gets its own device id', async () => {
    const a = await loadOrCreateIdentity(join(dir, 'laptop-a'));
    const bHome = join(dir, 'laptop-b');
    await loadOrCreateIdentity(bHome);
    await writeFile(join(bHome, 'identity.json'), await readFile(a.file));
    const b = await loadOrCreateIdentity(bHome);
    expect(b.publicKey).toBe(a.publicKey);
    expect(b.deviceId).not.toBe(a.deviceId);
  });

  it('tightens a key file restored with loose permissions', async () => {
    if (process.platform === 'win32') return;
    const home = join(dir, 'loose');
    const identity = await loadOrCreateIdentity(home);
    await chmod(identity.file, 0o644);
    await loadOrCreateIdentity(home);
    expect((await stat(identity.file)).mode & 0o777).toBe(0o600);
  });

  it('never replaces a damaged identity file, and says what to do', async () => {
    const home = join(dir, 'damaged');
    const identity = await loadOrCreateIdentity(home);
    await writeFile(identity.file, '{"format":"factcheck-identity", "vers');
    await expect(loadOrCreateIdentity(home)).rejects.toThrow(IdentityFileError);
    await expect(loadOrCreateIdentity(home)).rejects.toThrow(/damaged; it was left as it is/);
    expect(await readFile(identity.file, 'utf8')).toBe('{"format":"factcheck-identity", "vers');
  });
});

describe('public keys in text', () => {
  it('round-trips and rejects mistyped keys with a message', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const raw = rawPublicKey(publicKey);
    const text = formatPublicKey(raw);
    expect(parsePublicKey(`  ${text}\n`).equals(raw)).toBe(true);
    expect(rawPublicKey(publicKeyObject(text)).equals(raw)).toBe(true);
    expect(() => parsePublicKey(text.slice(8))).toThrow(/starts with "ed25519:"/);
    expect(() => parsePublicKey(text.slice(0, -1))).toThrow(/incomplete or mistyped/);
    expect(() => parsePublicKey(text + 'A')).toThrow(/incomplete or mistyped/);
  });
});

describe('entry signatures', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  const entry = { id: 'e-1', keyId: 'k', device: 'd', hlc: '001795855049004-0000000000', op: { type: 'setVerdict', level: 'false', note: 'Größe ✓' } };

  it('verifies a signed entry whatever its key order, and after a JSON round trip', () => {
    const signed = signEntry(entry, privateKey);
    expect(signed.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(verifyEntrySignature(signed, publicKey)).toEqual({ ok: true });
    const reordered = JSON.parse(JSON.stringify({ signature: signed.signature, op: { note: 'Größe ✓', level: 'false', type: 'setVerdict' }, hlc: entry.hlc, device: 'd', keyId: 'k', id: 'e-1' }));
    expect(verifyEntrySignature(reordered, publicKey)).toEqual({ ok: true });
  });

  it('refuses a changed field, another key, a missing or malformed signature, naming the reason', () => {
    const signed = signEntry(entry, privateKey);
    expect(verifyEntrySignature({ ...signed, op: { ...entry.op, level: 'true' } }, publicKey)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verifyEntrySignature({ ...signed, extra: 1 }, publicKey)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verifyEntrySignature(signed, other.publicKey)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(verifyEntrySignature(entry, publicKey)).toMatchObject({ ok: false, reason: 'missing-signature' });
    expect(verifyEntrySignature({ ...signed, signature: 'abc' }, publicKey)).toMatchObject({ ok: false, reason: 'malformed-signature' });
    expect(verifyEntrySignature({ ...signed, n: Number.NaN }, publicKey)).toMatchObject({ ok: false, reason: 'not-canonical' });
  });

  it('property: any JSON entry signs and verifies; any change to it is caught', () => {
    const verifier = createSignatureVerifier();
    const keyText = formatPublicKey(rawPublicKey(publicKey));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), fc.jsonValue(), (fields, key, changed) => {
        const e = { ...fields, id: 'x' };
        const signed = signEntry(e, privateKey);
        expect(verifier(JSON.parse(JSON.stringify(signed)), keyText).ok).toBe(true);
        if (key === 'signature' || key === '__proto__') return;
        const tampered = { ...signed, [key]: changed };
        const same = JSON.stringify(JSON.parse(JSON.stringify(tampered))) === JSON.stringify(JSON.parse(JSON.stringify(signed)));
        const sameCanonical = key in signed && JSON.stringify(signed[key as keyof typeof signed]) === JSON.stringify(changed);
        if (!same && !sameCanonical) expect(verifier(tampered, keyText).ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('factcheck identity', () => {
  it('prints your name from Settings and a public key that verifies your signatures', async () => {
    const home = join(dir, 'cli');
    await new SettingsStore(home).updateSettings({ userName: 'Ana Checker' });
    const run = await runFactcheck(['identity', '--data-dir', home]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('name: Ana Checker');
    const publicKey = /^public key: (ed25519:\S+)$/.exec(lines[1]!)?.[1];
    expect(publicKey).toBeDefined();
    const identity = await loadOrCreateIdentity(home);
    expect(publicKey).toBe(identity.publicKey);
    expect(lines[2]).toBe(`key id: ${identity.keyId}`);
    expect(verifyEntrySignature(signEntry({ id: 'a' }, identity.privateKey), publicKey!).ok).toBe(true);
    const json = await runFactcheck(['identity', '--json'], { env: { FACTCHECK_HOME: home } });
    expect(JSON.parse(json.stdout)).toEqual({ name: 'Ana Checker', publicKey, keyId: identity.keyId, deviceId: identity.deviceId });
  });

  it('is listed in --help and refuses stray arguments with exit 2', async () => {
    const help = await runFactcheck(['--help']);
    expect(help.stdout).toContain('identity');
    expect((await runFactcheck(['identity', 'extra'])).code).toBe(2);
  });
});
