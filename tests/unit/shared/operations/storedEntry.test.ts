import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainStoredEntry, readStoredEntry } from '../../../../shared/operations';
import { StoredHistoryEntrySchema } from '../../../../shared/operations/schema';
import { FAST_CHECKED_FIELDS, STORED_ENTRY_FIELDS } from '../../../../shared/operations/storedEntry';

const entry = {
  seq: 3,
  id: 'h3',
  at: '2026-11-25T10:00:03.000Z',
  author: 'Ana',
  keyId: 'k-ana',
  device: 'laptop',
  hlc: '001790841600000-0000000000',
  signature: 'S'.repeat(86),
  kind: 'undo',
  of: 2,
  ofId: 'h2',
  op: { type: 'deleteClaim', claimId: 'c1' },
  inverse: { type: 'batch', ops: [{ type: 'deleteClaim', claimId: 'c1' }] },
};

/** Values a field might hold in a damaged or hand-edited file. */
const oddValue = fc.oneof(
  fc.constant(null),
  fc.constant(-1),
  fc.constant(1.5),
  fc.constant(2 ** 60),
  fc.constant(''),
  fc.constant('x'.repeat(201)),
  fc.constant('x'.repeat(1001)),
  fc.constant('do'),
  fc.constant('001790841600000-0000000000'),
  fc.constant({ type: 'renameProject', title: 'T' }),
  fc.constant({ type: 'nothing' }),
  fc.constant([]),
  fc.string(),
  fc.integer(),
);

describe('the fast check of a stored history entry', () => {
  it('knows exactly the schema’s fields', () => {
    expect([...FAST_CHECKED_FIELDS].sort()).toEqual([...STORED_ENTRY_FIELDS].sort());
  });

  it('takes a well-formed entry as it is (no copy), as the schema takes it', () => {
    expect(plainStoredEntry(entry)).toBe(entry);
    expect(StoredHistoryEntrySchema.parse(entry)).toEqual(entry);
    expect(readStoredEntry(entry)).toEqual({ entry, verbatim: true });
  });

  it('leaves an entry with a field the schema strips to the schema: read, but not as it is', () => {
    const extra = { ...entry, note: 'added by hand' };
    expect(plainStoredEntry(extra)).toBeNull();
    expect(readStoredEntry(extra)).toEqual({ entry, verbatim: false });
    expect(plainStoredEntry(JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(entry).slice(1)}`))).toBeNull();
  });

  it('never takes an entry the schema refuses, nor one the schema would change (random damage to random fields)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...STORED_ENTRY_FIELDS, 'extra'), oddValue, { maxKeys: 4 }), fc.subarray([...STORED_ENTRY_FIELDS]), (changes, dropped) => {
        const damaged: Record<string, unknown> = { ...entry, ...changes };
        for (const key of dropped) delete damaged[key];
        const schema = StoredHistoryEntrySchema.safeParse(damaged);
        const fast = plainStoredEntry(damaged);
        if (fast) {
          expect(schema.success).toBe(true);
          expect(schema.data).toEqual(damaged);
        }
        const read = readStoredEntry(damaged);
        expect(read !== null).toBe(schema.success);
      }),
      { numRuns: 500 },
    );
  });
});
