/**
 * A change the main side confirmed: its recorded entry (with the main side's stamps) replaces the
 * window's, but keeps the window's own operation objects when they say the same. Those were
 * parsed by their schema already, so undoing or redoing the entry does not parse thousands of
 * leaves again.
 */
import { dequal } from 'dequal/lite';
import type { HistoryEntry } from '../../../shared/operations';

export function confirmedEntry(recorded: HistoryEntry, local: HistoryEntry): HistoryEntry {
  if (recorded.id !== local.id) return recorded;
  const op = dequal(recorded.op, local.op) ? local.op : recorded.op;
  const inverse = dequal(recorded.inverse, local.inverse) ? local.inverse : recorded.inverse;
  return op === recorded.op && inverse === recorded.inverse ? recorded : { ...recorded, op, inverse };
}
