/** The status line's three forms, and which wins when several are true. */
import { describe, expect, it } from 'vitest';
import { syncState, syncStatusText } from '../../../../shared/sync/syncStatus';

const line = (input: { reached: boolean; waiting: number; conflicts: number }) => syncStatusText(syncState(input), input.waiting, input.conflicts);

describe('sync status line', () => {
  it('reads exactly Synced, Offline — N changes waiting or Conflicts (N)', () => {
    expect(line({ reached: true, waiting: 0, conflicts: 0 })).toBe('Synced');
    expect(line({ reached: false, waiting: 3, conflicts: 0 })).toBe('Offline — 3 changes waiting');
    expect(line({ reached: false, waiting: 1, conflicts: 0 })).toBe('Offline — 1 changes waiting');
    expect(line({ reached: true, waiting: 0, conflicts: 2 })).toBe('Conflicts (2)');
  });

  it('an unreachable target is offline even with conflicts; a reachable one shows its conflicts', () => {
    expect(line({ reached: false, waiting: 0, conflicts: 2 })).toBe('Offline — 0 changes waiting');
    expect(line({ reached: true, waiting: 1, conflicts: 2 })).toBe('Conflicts (2)');
  });
});
