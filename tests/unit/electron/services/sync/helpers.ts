/** Shared makers for the sync transport tests. */
import { createRandomSyncKey, type SyncKey } from '../../../../../electron/services/sync/syncKey';
import { encryptBatch, type EncryptedBatch } from '../../../../../electron/services/sync/syncCipher';
import type { SyncTransport } from '../../../../../electron/services/sync/transport';
import type { SyncEntry } from '../../../../../shared/sync/syncEntry';

export const PROJECT_ID = 'p-sync-test';

export function testKey(): SyncKey {
  return createRandomSyncKey(PROJECT_ID).key;
}

export function entry(id: string, text = `change ${id}`): SyncEntry {
  return { id, hlc: '001795855049004-0000000000', op: { type: 'editClaim', statement: text } };
}

/** `count` batches from `device`, each with `perBatch` entries; ids `<device>-b<i>` and `<device>-e<i>-<j>`. */
export function makeBatches(key: SyncKey, device: string, count: number, perBatch = 1, from = 0): EncryptedBatch[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const entries = Array.from({ length: perBatch }, (_, j) => entry(`${device}-e${i}-${j}`));
    return encryptBatch(key, { id: `${device}-b${i}`, device, entries });
  });
}

/** Pulls until nothing more waits (bounded); returns every batch and the last cursor. */
export async function pullAll(
  transport: SyncTransport,
  cursor: string | null = null,
  maxRounds = 1000,
): Promise<{ batches: EncryptedBatch[]; cursor: string | null; rounds: number; problems: string[] }> {
  const batches: EncryptedBatch[] = [];
  const problems: string[] = [];
  let rounds = 0;
  for (; rounds < maxRounds; rounds++) {
    const page = await transport.pull(cursor);
    batches.push(...page.batches);
    problems.push(...page.problems.map((p) => `${p.where}: ${p.message}`));
    cursor = page.cursor;
    if (!page.more) return { batches, cursor, rounds: rounds + 1, problems };
  }
  throw new Error('pullAll: still more after maxRounds');
}
