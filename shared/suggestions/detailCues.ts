/**
 * Cues of factual detail that a sentence of any topic or year can carry: how many numbers, a quantity
 * of something ("800 million tons"), a time anchor ("ten years ago", "last year"), a record of the
 * speaker ("when I was governor"), and how many checkable cues fired at once (the density of detail).
 */
import type { Cue, SentenceView } from './cues';

const NUMERIC = new Set(['<num>', '<year>', '<decade>', '<alnum>', '<ord>']);
const QUANTITY_HEAD = new Set(['NUM', 'PCT', 'CUR']);
const QUANTITY_TAIL = new Set(['NNS', 'NN', 'W', 'NUM', 'PCT']);

function numberCount(s: SentenceView): number {
  let n = 0;
  for (const t of s.tokens) if (NUMERIC.has(t.norm)) n++;
  return n;
}

/** A number followed by what it counts: "10,000 jobs", "$5 trillion", "40 percent". */
function quantity(s: SentenceView): boolean {
  for (let i = 0; i + 1 < s.tags.length; i++) if (QUANTITY_HEAD.has(s.tags[i]) && QUANTITY_TAIL.has(s.tags[i + 1])) return true;
  return false;
}

const AGO = / (?:\S+ )?(?:years?|months?|weeks?|days?|decades?) ago | (?:last|this|next) (?:year|month|week|decade|term) /;
const RECORD = / (?:when i was|when we were|as (?:governor|senator|president|secretary|mayor|attorney general)|i was the|i have been|i've been|i served|i voted|we passed|i signed) /;

export const DETAIL_CUES: Cue[] = [
  { id: 'numbers-2', reason: 'number', test: (s) => numberCount(s) >= 2 },
  { id: 'quantity', reason: 'number', test: quantity },
  { id: 'ago', reason: 'date', test: (s) => AGO.test(s.phrase) },
  { id: 'own-record', reason: 'record', test: (s) => RECORD.test(s.phrase) },
];

/** The density of checkable detail: how many cues with a reason fired, capped at 4. */
export function detailDensity(firedWithReason: number): string {
  return `density:${Math.min(4, firedWithReason)}`;
}
