/** Many signatures checked on worker threads give exactly the in-thread answers, refusals and reasons included. */
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { formatPublicKey, rawPublicKey } from '../../../../../electron/services/sync/keys';
import { createSignaturePool, type SignaturePool } from '../../../../../electron/services/sync/signaturePool';
import { createSignatureVerifier, signEntry, verifyEntrySignatures } from '../../../../../electron/services/sync/signatures';
import type { SyncEntry } from '../../../../../shared/sync/syncEntry';

const pools: SignaturePool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});

function author() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeyText: formatPublicKey(rawPublicKey(publicKey)) };
}

/** 240 signed entries from two authors, with a few spoiled ones among them. */
function arrivals() {
  const [alice, bob] = [author(), author()];
  const items = Array.from({ length: 240 }, (_, i) => {
    const who = i % 3 === 0 ? alice : bob;
    const entry = signEntry({ id: `e${i}`, op: { type: 'editClaim', claimId: `c${i % 7}`, changes: { statement: `wording ${i}` } } } as unknown as SyncEntry, who.privateKey);
    return { entry: entry as SyncEntry, publicKeyText: who.publicKeyText };
  });
  // Changed after signing, deep inside the batch (a worker's share).
  items[201] = { ...items[201]!, entry: { ...items[201]!.entry, op: { type: 'editClaim', claimId: 'c0', changes: { statement: 'forged' } } } as unknown as SyncEntry };
  // Signed by Alice, claimed to be Bob's.
  items[222] = { ...items[222]!, publicKeyText: items[0]!.publicKeyText === items[222]!.publicKeyText ? items[1]!.publicKeyText : items[0]!.publicKeyText };
  items[3] = { ...items[3]!, entry: { ...items[3]!.entry, signature: 'not base64' } as SyncEntry };
  const { signature: _s, ...unsigned } = items[150]!.entry as SyncEntry & { signature: string };
  items[150] = { ...items[150]!, entry: unsigned as SyncEntry };
  return items;
}

describe('signature pool', () => {
  it('refuses a bad signature inside a large batch with the same reason as a check on this thread', async () => {
    const items = arrivals();
    const pool = createSignaturePool({ size: 2, minBatch: 16 });
    pools.push(pool);
    const verify = createSignatureVerifier();
    const expected = items.map(({ entry, publicKeyText }) => verify(entry, publicKeyText));
    const answers = await verifyEntrySignatures(items, pool);
    expect(pool.threads()).toBe(2);
    expect(answers).toEqual(expected);
    expect(answers[201]).toEqual({ ok: false, reason: 'bad-signature', message: 'the signature does not match the entry and its author’s key' });
    expect(answers[222]).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(answers[3]).toMatchObject({ ok: false, reason: 'malformed-signature' });
    expect(answers[150]).toMatchObject({ ok: false, reason: 'missing-signature' });
    expect(answers.filter((a) => a.ok)).toHaveLength(236);
    // With this thread kept free, the workers alone give the same answers.
    expect(await verifyEntrySignatures(items, pool, { here: false })).toEqual(expected);
  });

  it('leaves no threads after close, and starts again when asked', async () => {
    const items = arrivals();
    const pool = createSignaturePool({ size: 2, minBatch: 16 });
    pools.push(pool);
    await verifyEntrySignatures(items, pool);
    expect(pool.threads()).toBe(2);
    await pool.close();
    expect(pool.threads()).toBe(0);
    expect((await verifyEntrySignatures(items, pool)).filter((a) => !a.ok)).toHaveLength(4);
    await pool.close();
    expect(pool.threads()).toBe(0);
  });

  it('ends idle workers by itself', async () => {
    const pool = createSignaturePool({ size: 1, minBatch: 16, idleMs: 20 });
    pools.push(pool);
    await verifyEntrySignatures(arrivals(), pool);
    expect(pool.threads()).toBe(1);
    await expect.poll(() => pool.threads(), { timeout: 5000 }).toBe(0);
  });

  it('checks a small batch on this thread without starting a worker', async () => {
    const pool = createSignaturePool({ size: 2, minBatch: 1000 });
    pools.push(pool);
    const answers = await verifyEntrySignatures(arrivals(), pool);
    expect(answers.filter((a) => !a.ok)).toHaveLength(4);
    expect(pool.threads()).toBe(0);
  });
});
