/** Receiving many signed entries: the merge made while the pool checks them equals checking first, then merging; a forged one is refused with its reason. */
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateIdentity } from '../../../../../electron/services/sync/identity';
import { createSignaturePool } from '../../../../../electron/services/sync/signaturePool';
import { EntryStamper } from '../../../../../electron/services/sync/stamper';
import { checkAndMergeIncoming, checkIncoming } from '../../../../../electron/services/sync/teamSync';
import { commitChange } from '../../../../../shared/history';
import type { HistoryEntry, Project } from '../../../../../shared/operations';
import { wireEntry } from '../../../../../shared/sync/entryStamp';
import { mergeEntries } from '../../../../../shared/sync/merge';
import { sampleProject } from '../../../shared/helpers';
import { tempDir } from '../helpers';

const pool = createSignaturePool({ size: 2, minBatch: 8 });
afterEach(() => pool.close());

async function arrival() {
  const home = await tempDir();
  const [alice, bob] = [await loadOrCreateIdentity(`${home}/alice`), await loadOrCreateIdentity(`${home}/bob`)];
  const aliceStamper = new EntryStamper(alice);
  let shared: Project = sampleProject();
  for (const [who, name, role] of [[alice, 'Alice', 'owner'], [bob, 'Bob', 'editor']] as const) {
    const made = commitChange(shared, { kind: 'do', op: { type: 'setMember', member: { name, publicKey: who.publicKey, keyId: who.keyId, role } } }, aliceStamper.meta({ author: 'Alice', at: '2026-11-28T10:00:00.000Z', id: `m-${name}` }));
    shared = { ...made.project, history: [...made.project.history.slice(0, -1), aliceStamper.seal(made.entry)] };
  }
  const bobStamper = new EntryStamper(bob);
  bobStamper.observe(shared);
  let bobCopy = shared;
  const sent: HistoryEntry[] = [];
  for (let i = 0; i < 40; i++) {
    const made = commitChange(bobCopy, { kind: 'do', op: { type: 'editClaim', claimId: 'c1', changes: { statement: `wording ${i}` } } }, bobStamper.meta({ author: 'Bob', at: '2026-11-28T10:00:01.000Z', id: `b-${i}` }));
    sent.push(bobStamper.seal(made.entry));
    bobCopy = made.project;
  }
  return { shared, received: sent.map(wireEntry) };
}

describe('receiving many signed entries', () => {
  it('merges while checking, to the same project as checking first', async () => {
    const { shared, received } = await arrival();
    const { entries, merge } = await checkAndMergeIncoming(shared, received, null, pool);
    expect(pool.threads()).toBe(2);
    expect(entries.some((e) => e.unverified)).toBe(false);
    // The store's merge of the checked entries answers with that same result.
    expect(mergeEntries(shared, entries)).toBe(merge);
    expect(merge.project).toStrictEqual(mergeEntries({ ...shared }, (await checkIncoming(shared, received)).entries).project);
    expect(merge.project.claims.find((c) => c.id === 'c1')?.statement).toBe('wording 39');
  });

  it('refuses a forged entry deep in the batch with the reason, and merges the rest', async () => {
    const { shared, received } = await arrival();
    const forged = received.map((e, i) => (i === 33 ? { ...e, op: { type: 'editClaim', claimId: 'c1', changes: { statement: 'forged' } } } : e));
    const { entries, merge } = await checkAndMergeIncoming(shared, forged, null, pool);
    expect(entries[33]!.unverified).toBe('the signature does not match the entry and its author’s key');
    expect(entries.filter((e) => e.unverified)).toHaveLength(1);
    expect(merge.project).toStrictEqual(mergeEntries({ ...shared }, (await checkIncoming(shared, forged)).entries).project);
    const refused = merge.project.history.find((e) => e.id === 'b-33');
    expect(refused?.rejected).toBe('its signature could not be verified (the signature does not match the entry and its author’s key)');
    expect(merge.project.conflicts).toEqual([expect.objectContaining({ kind: 'rejected', entryId: 'b-33' })]);
    expect(merge.project.claims.find((c) => c.id === 'c1')?.statement).toBe('wording 39');
  });
});
