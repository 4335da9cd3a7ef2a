/**
 * A static interval index over claim spans for hit-testing: spans sorted by start with a running
 * maximum of their ends, so "every span containing offset x" is a binary search plus a backward
 * walk that stops as soon as no earlier span can reach x. Built once per set of spans; answers do
 * not depend on the order the claims were created in.
 */
import type { PlacedSpan } from './claimLayers';

export class IntervalIndex<T extends PlacedSpan = PlacedSpan> {
  private readonly spans: T[];
  /** maxEnd[i] = the largest end among spans[0..i]. */
  private readonly maxEnd: number[];

  /** `sortedByStart`: the spans are already in order of their starts (they are not sorted again). */
  constructor(spans: readonly T[], sortedByStart = false) {
    const drawn = spans.filter((s) => s.end > s.start);
    this.spans = sortedByStart ? drawn : drawn.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.maxEnd = [];
    let max = -Infinity;
    for (const span of this.spans) {
      max = Math.max(max, span.end);
      this.maxEnd.push(max);
    }
  }

  get size(): number {
    return this.spans.length;
  }

  /** Every span overlapping [from, to) (start < to and end > from), in start order: the claims in the rendered blocks. */
  overlapping(from: number, to: number): T[] {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].start < to) lo = mid + 1;
      else hi = mid;
    }
    const found: T[] = [];
    for (let i = lo - 1; i >= 0 && this.maxEnd[i] > from; i--) {
      const span = this.spans[i];
      if (span.end > from) found.push(span);
    }
    return found.reverse();
  }

  /** Every span with start ≤ offset ≤ end, shortest first (ties: earlier start, then id). */
  containing(offset: number): T[] {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].start <= offset) lo = mid + 1;
      else hi = mid;
    }
    const found: T[] = [];
    for (let i = lo - 1; i >= 0 && this.maxEnd[i] >= offset; i--) {
      const span = this.spans[i];
      if (span.end >= offset) found.push(span);
    }
    return found.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
