import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectNoClearText } from '../../../../support/clearText';
import { RecoveryCodeError, decodeRecoveryCode, encodeRecoveryCode } from '../../../../../electron/services/sync/recoveryCode';
import {
  SyncCipherError,
  attachmentRemoteName,
  decryptAttachment,
  decryptBatch,
  encryptAttachment,
  encryptBatch,
  newBatchId,
} from '../../../../../electron/services/sync/syncCipher';
import {
  DEFAULT_SCRYPT,
  SyncKey,
  SyncKeyError,
  createRandomSyncKey,
  createSyncKeyFromPassphrase,
  unlockSyncKey,
} from '../../../../../electron/services/sync/syncKey';

/** Cheap scrypt for tests that are not about the cost (the default is tested once below). */
const FAST = { N: 2 ** 12, r: 8, p: 1 };
const PROJECT = 'project-7f3a';
const entries = [
  { id: 'e1', op: { type: 'addClaim', statement: 'The bridge cost 4 billion euros' } },
  { id: 'e2', op: { type: 'setClaimant', claimant: 'Minister Ana Duarte' } },
];

describe('sync key from a passphrase', () => {
  it('unlocks on every copy with the same passphrase and the stored descriptor (default scrypt N = 2^17)', async () => {
    const key = await createSyncKeyFromPassphrase(PROJECT, 'correct horse battery staple');
    expect(key.descriptor.kdf).toMatchObject({ name: 'scrypt', ...DEFAULT_SCRYPT });
    const stored = JSON.parse(JSON.stringify(key.descriptor));
    const other = await unlockSyncKey(stored, { passphrase: 'correct horse battery staple' }, PROJECT);
    const batch = encryptBatch(key, { id: 'b-1', device: 'dev1', entries });
    expect(decryptBatch(other, batch)).toEqual({ id: 'b-1', device: 'dev1', entries });
  });

  it('says "wrong passphrase" for a wrong passphrase, without touching any batch', async () => {
    const key = await createSyncKeyFromPassphrase(PROJECT, 'correct horse battery staple', FAST);
    const attempt = unlockSyncKey(key.descriptor, { passphrase: 'correct horse battery stapler' });
    await expect(attempt).rejects.toThrow(SyncKeyError);
    await expect(unlockSyncKey(key.descriptor, { passphrase: 'wrong' })).rejects.toMatchObject({ kind: 'wrong-passphrase', message: expect.stringMatching(/^Wrong passphrase/) });
  });

  it('treats a descriptor whose salt was swapped like a wrong passphrase (it cannot unlock)', async () => {
    const key = await createSyncKeyFromPassphrase(PROJECT, 'correct horse battery staple', FAST);
    const swapped = { ...key.descriptor, kdf: { ...key.descriptor.kdf, salt: 'A'.repeat(22) } };
    await expect(unlockSyncKey(swapped, { passphrase: 'correct horse battery staple' })).rejects.toMatchObject({ kind: 'wrong-passphrase' });
  });

  it('normalises the passphrase (the same words typed on two keyboards give the same key)', async () => {
    const key = await createSyncKeyFromPassphrase(PROJECT, 'Caf\u00e9 au lait, s\u2019il vous pla\u00eet', FAST);
    await expect(unlockSyncKey(key.descriptor, { passphrase: 'Cafe\u0301 au lait, s\u2019il vous pla\u00eet' })).resolves.toBeTruthy();
  });

  it('refuses a short passphrase, another project, and absurd or damaged descriptors', async () => {
    await expect(createSyncKeyFromPassphrase(PROJECT, 'short', FAST)).rejects.toMatchObject({ kind: 'weak-passphrase' });
    const key = await createSyncKeyFromPassphrase(PROJECT, 'correct horse battery staple', FAST);
    await expect(unlockSyncKey(key.descriptor, { passphrase: 'correct horse battery staple' }, 'another')).rejects.toMatchObject({ kind: 'other-project' });
    const huge = { ...key.descriptor, kdf: { ...key.descriptor.kdf, N: 2 ** 30 } };
    await expect(unlockSyncKey(huge, { passphrase: 'x' })).rejects.toMatchObject({ kind: 'bad-descriptor' });
    await expect(unlockSyncKey({ format: 'x' }, { passphrase: 'x' })).rejects.toMatchObject({ kind: 'bad-descriptor' });
  });
});

describe('random sync key and recovery code', () => {
  it('shows a readable recovery code that unlocks the key, forgiving case, spaces and O/I/L', async () => {
    const { key, recoveryCode } = createRandomSyncKey(PROJECT);
    expect(recoveryCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){10}[0-9A-HJKMNP-TV-Z]{5}$/);
    const typed = recoveryCode.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    const unlocked = await unlockSyncKey(key.descriptor, { recoveryCode: typed });
    expect(decryptBatch(unlocked, encryptBatch(key, { id: 'b', device: 'd', entries })).entries).toEqual(entries);
  });

  it('reports a typo as a typo, and another key’s code as a wrong recovery code', async () => {
    const { key, recoveryCode } = createRandomSyncKey(PROJECT);
    const chars = recoveryCode.split('');
    const at = chars.findIndex((c) => c !== '-' && c !== 'A');
    chars[at] = 'A';
    await expect(unlockSyncKey(key.descriptor, { recoveryCode: chars.join('') })).rejects.toThrow(/typo/);
    await expect(unlockSyncKey(key.descriptor, { recoveryCode: recoveryCode.slice(6) })).rejects.toThrow(/has 55 letters and digits; this one has 50/);
    await expect(unlockSyncKey(key.descriptor, { recoveryCode: recoveryCode.replace(/^./, 'U') })).rejects.toThrow(/has no "U"/);
    const other = createRandomSyncKey(PROJECT);
    await expect(unlockSyncKey(key.descriptor, { recoveryCode: other.recoveryCode })).rejects.toMatchObject({ kind: 'wrong-recovery-code' });
  });

  it('a passphrase key can be shown as a recovery code too, and a random key asks for its code', async () => {
    const key = await createSyncKeyFromPassphrase(PROJECT, 'correct horse battery staple', FAST);
    await expect(unlockSyncKey(key.descriptor, { recoveryCode: key.recoveryCode() })).resolves.toBeTruthy();
    const { key: random } = createRandomSyncKey(PROJECT);
    await expect(unlockSyncKey(random.descriptor, { passphrase: 'correct horse battery staple' })).rejects.toThrow(/recovery code/);
  });

  it('property: every key round-trips through its code; every single-character change is caught', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat(54), fc.nat(31), (bytes, position, replacement) => {
        const code = encodeRecoveryCode(bytes);
        expect(decodeRecoveryCode(code).equals(Buffer.from(bytes))).toBe(true);
        const plain = code.replace(/-/g, '');
        const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        const swapped = alphabet[replacement]!;
        if (swapped === plain[position]) return;
        const typo = plain.slice(0, position) + swapped + plain.slice(position + 1);
        let decoded: Buffer | null = null;
        try {
          decoded = decodeRecoveryCode(typo);
        } catch (err) {
          expect(err).toBeInstanceOf(RecoveryCodeError);
        }
        // A change the 15 check bits miss would still have to decode to another key, never to this one.
        if (decoded) expect(decoded.equals(Buffer.from(bytes))).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});

describe('batch encryption', () => {
  const { key } = createRandomSyncKey(PROJECT);

  it('hides the entries and carries only ids, key reference, IV and ciphertext', () => {
    const batch = encryptBatch(key, { id: 'b-1', device: 'dev1', entries });
    expect(Object.keys(batch).sort()).toEqual(['data', 'device', 'id', 'iv', 'k', 'v']);
    const text = JSON.stringify(batch);
    expectNoClearText(text, ['bridge', 'Ana Duarte', 'addClaim', 'e1']);
    // Fresh IV each time: the same batch never encrypts the same way twice.
    expect(encryptBatch(key, { id: 'b-1', device: 'dev1', entries }).data).not.toBe(batch.data);
  });

  it('names a tampered batch as tampered: changed byte, renamed, re-attributed, moved to another project', async () => {
    const batch = encryptBatch(key, { id: 'b-1', device: 'dev1', entries });
    const bytes = Buffer.from(batch.data, 'base64url');
    bytes[5] ^= 1;
    const variants = [
      { ...batch, data: bytes.toString('base64url') },
      { ...batch, id: 'b-2' },
      { ...batch, device: 'dev2' },
      { ...batch, data: batch.data.slice(0, 10) },
    ];
    for (const variant of variants) {
      expect(() => decryptBatch(key, variant)).toThrow(SyncCipherError);
      expect(() => decryptBatch(key, variant)).toThrow(/was altered or damaged/);
    }
    const sameSecretOtherProject = await unlockSyncKey(
      { ...key.descriptor, projectId: 'other' },
      { recoveryCode: key.recoveryCode() },
    ).catch((err: unknown) => err);
    // The descriptor check covers the project id, so the swap is caught before any batch is read…
    expect(sameSecretOtherProject).toMatchObject({ kind: 'wrong-recovery-code' });
    // …and the project id is associated data, so even the same secret under another project refuses the batch.
    const { check: _check, ...body } = key.descriptor;
    const twin = SyncKey.fromSecret(decodeRecoveryCode(key.recoveryCode()), { ...body, projectId: 'other' });
    expect(twin.keyRef).toBe(key.keyRef);
    expect(() => decryptBatch(twin, batch)).toThrow(/was altered or damaged/);
  });

  it('says a batch from another key is from another key, and refuses what is no batch at all', () => {
    const other = createRandomSyncKey(PROJECT).key;
    const batch = encryptBatch(other, { id: 'b-1', device: 'dev1', entries });
    expect(() => decryptBatch(key, batch)).toThrow(/encrypted with a different sync key/);
    expect(() => decryptBatch(key, { hello: 1 })).toThrow(/malformed/);
    expect(() => encryptBatch(key, { id: '../x', device: 'dev1', entries })).toThrow(/invalid batch id/);
  });

  it('makes batch ids that start with the device id and never repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newBatchId('dev1')));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^dev1-[0-9a-f]{16}$/);
  });
});

describe('attachments', () => {
  const { key } = createRandomSyncKey(PROJECT);
  const bytes = Buffer.from('%PDF-1.7 report on the bridge budget');
  const sha = createHash('sha256').update(bytes).digest('hex');

  it('travel under a keyed name that does not reveal the content hash, and decrypt to the same bytes', () => {
    const name = attachmentRemoteName(key, sha);
    expect(name).toMatch(/^[0-9a-f]{64}$/);
    expect(name).not.toBe(sha);
    expect(attachmentRemoteName(createRandomSyncKey(PROJECT).key, sha)).not.toBe(name);
    const blob = encryptAttachment(key, sha, bytes);
    expect(blob.includes(Buffer.from('bridge'))).toBe(false);
    expect(decryptAttachment(key, sha, blob).equals(bytes)).toBe(true);
  });

  it('refuse a changed body or a body presented under another hash', () => {
    const blob = encryptAttachment(key, sha, bytes);
    const changed = Buffer.from(blob);
    changed[changed.length - 20] ^= 1;
    expect(() => decryptAttachment(key, sha, changed)).toThrow(/altered or damaged/);
    const otherSha = createHash('sha256').update('other').digest('hex');
    expect(() => decryptAttachment(key, otherSha, blob)).toThrow(/altered or damaged/);
  });
});
