/**
 * The sync status line of the window: exactly "Synced", "Offline — N changes waiting" or
 * "Conflicts (N)". A copy whose last round could not reach its target is offline whatever else is
 * true (its news is old); otherwise open conflicts come before "Synced" (a change made since the
 * last round goes out within seconds).
 */
export type SyncState = 'synced' | 'offline' | 'conflicts';

export function syncState(input: { reached: boolean; waiting: number; conflicts: number }): SyncState {
  if (!input.reached) return 'offline';
  return input.conflicts > 0 ? 'conflicts' : 'synced';
}

export function syncStatusText(state: SyncState, waiting: number, conflicts: number): string {
  // The words are fixed ("N changes waiting" for any N): other tools read this line.
  if (state === 'offline') return `Offline — ${waiting} changes waiting`;
  if (state === 'conflicts') return `Conflicts (${conflicts})`;
  return 'Synced';
}
