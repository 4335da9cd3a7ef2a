/**
 * The one order every copy replays a merged history in. Legacy entries (made before sync, no
 * clock) come first, in the order the local copy has them, then any received; stamped entries
 * follow, ordered by hybrid logical clock, then author key id, then entry id — a total order that
 * does not depend on which copy sorts or in which order entries arrived.
 */
import type { HistoryEntry } from '../operations';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two stamped entries (HLC strings sort as their clocks order). */
export function compareStamped(a: HistoryEntry, b: HistoryEntry): number {
  return compareText(a.hlc ?? '', b.hlc ?? '') || compareText(a.keyId ?? '', b.keyId ?? '') || compareText(a.id, b.id);
}

/** The merged order: legacy entries in their given order, then stamped ones by (HLC, key id, id). */
export function mergeOrder(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const legacy: HistoryEntry[] = [];
  const stamped: HistoryEntry[] = [];
  for (const entry of entries) (entry.hlc === undefined ? legacy : stamped).push(entry);
  return [...legacy, ...stamped.sort(compareStamped)];
}
