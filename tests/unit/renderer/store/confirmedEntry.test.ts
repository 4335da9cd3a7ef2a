/**
 * A confirmed change takes the main side's entry (its stamps) but keeps the window's own operation
 * objects when they say the same, so the window's parsed forms are reused by the next undo or redo.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../shared/operations';
import { confirmedEntry } from '../../../../renderer/src/store/confirmedEntry';

const local: HistoryEntry = {
  seq: 4,
  id: 'e-4',
  at: '2026-11-29T10:00:00.000Z',
  author: 'Sam',
  kind: 'do',
  op: { type: 'batch', label: 'Import', ops: [{ type: 'renameProject', title: 'New' }] },
  inverse: { type: 'batch', label: 'Import', ops: [{ type: 'renameProject', title: 'Old' }] },
};
// The same change as the main side sends it back: other objects, its own time and key stamps.
const recorded = (changes: Partial<HistoryEntry> = {}): HistoryEntry => ({ ...(JSON.parse(JSON.stringify(local)) as HistoryEntry), at: '2026-11-29T10:00:00.250Z', keyId: 'k1', ...changes });

describe('confirmedEntry', () => {
  it("keeps the window's operation objects when they say what the main side recorded, with the main side's stamps", () => {
    const entry = confirmedEntry(recorded(), local);
    expect(entry.op).toBe(local.op);
    expect(entry.inverse).toBe(local.inverse);
    expect(entry).toMatchObject({ at: '2026-11-29T10:00:00.250Z', keyId: 'k1', seq: 4 });
  });

  it('takes what the main side recorded where it differs, or when it is another entry', () => {
    const other = recorded({ inverse: { type: 'renameProject', title: 'Older' } });
    const entry = confirmedEntry(other, local);
    expect(entry.op).toBe(local.op);
    expect(entry.inverse).toEqual({ type: 'renameProject', title: 'Older' });
    const elsewhere = recorded({ id: 'e-5' });
    expect(confirmedEntry(elsewhere, local)).toBe(elsewhere);
  });
});
