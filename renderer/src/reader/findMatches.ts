/**
 * Find in article: every occurrence of a query in the canonical text, ignoring case, as offsets into
 * that text (the offsets claims use), so a match far down a windowed article can be reached and
 * drawn without its block being rendered first.
 */

/** More matches than this are counted as "N+" and not listed. */
export const MAX_FIND_MATCHES = 100_000;

export interface FindMatches {
  starts: number[];
  ends: number[];
  /** True when the search stopped at MAX_FIND_MATCHES. */
  capped: boolean;
}

export const NO_MATCHES: FindMatches = { starts: [], ends: [], capped: false };

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** Occurrences of `query` (case-insensitive, whitespace in the query matching any run of spaces) in `text`. */
export function findMatches(text: string, query: string, limit = MAX_FIND_MATCHES): FindMatches {
  const trimmed = query.trim();
  if (trimmed === '') return NO_MATCHES;
  const pattern = trimmed.split(/\s+/).map(escapeRegExp).join('\\s+');
  const regex = new RegExp(pattern, 'giu');
  const starts: number[] = [];
  const ends: number[] = [];
  let capped = false;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (starts.length >= limit) {
      capped = true;
      break;
    }
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  return { starts, ends, capped };
}

/** Index of the first match starting at or after `offset` (wrapping to 0 past the last). */
export function matchAtOrAfter(matches: FindMatches, offset: number): number {
  const { starts } = matches;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length ? lo : 0;
}

/** Indexes of the matches overlapping [from, to), as [first, last + 1). */
export function matchesWithin(matches: FindMatches, from: number, to: number): [number, number] {
  const { starts, ends } = matches;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] <= from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < starts.length && starts[end] < to) end++;
  return [lo, end];
}

/** "3 of 120", "3 of 100,000+", "No matches". */
export function matchCountLabel(matches: FindMatches, current: number): string {
  if (matches.starts.length === 0) return 'No matches';
  const total = `${matches.starts.length.toLocaleString('en')}${matches.capped ? '+' : ''}`;
  return `${(current + 1).toLocaleString('en')} of ${total}`;
}
