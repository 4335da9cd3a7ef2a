/**
 * What web annotators do (the approach of Hypothesis' quote matcher): a fuzzy search of the quote
 * with approx-string-match allowing errors up to half its length, every candidate scored by quote
 * similarity, prefix and suffix similarity and nearness to the old position; the best one wins.
 * Like Hypothesis it first looks for the quote verbatim (every exact occurrence, errors 0) and runs the
 * approximate search only when there is none; the context scores use the same two-step search.
 * There is no 'changed' status: a match with errors is silently anchored.
 */
import approxSearch from 'approx-string-match';
import type { ClaimTarget } from '../../../shared/model';

export interface BaselineResult {
  anchored: boolean;
  start?: number;
  end?: number;
}

type Match = { start: number; end: number; errors: number };

/** Every verbatim occurrence of `str`, else approx-string-match's matches within `maxErrors`. */
function search(text: string, str: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) exact.push({ start: at, end: at + str.length, errors: 0 });
  return exact.length > 0 ? exact : approxSearch(text, str, maxErrors);
}

function similarity(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const maxErrors = str.length;
  const matches = search(text, str, maxErrors);
  if (matches.length === 0) return 0;
  const errors = Math.min(...matches.map((m) => m.errors));
  return 1 - errors / str.length;
}

export function baselineAnchor(text: string, target: ClaimTarget): BaselineResult {
  const { exact, prefix, suffix } = target.quote;
  const maxErrors = Math.min(256, Math.floor(exact.length / 2));
  const matches = search(text, exact, maxErrors);
  if (matches.length === 0) return { anchored: false };
  let best: { start: number; end: number; score: number } | null = null;
  for (const match of matches) {
    const quoteScore = 1 - match.errors / exact.length;
    const prefixScore = prefix ? similarity(text.slice(Math.max(0, match.start - prefix.length), match.start), prefix) : 1;
    const suffixScore = suffix ? similarity(text.slice(match.end, match.end + suffix.length), suffix) : 1;
    const positionScore = 1 - Math.abs(match.start - target.position.start) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (!best || score > best.score) best = { start: match.start, end: match.end, score };
  }
  return best ? { anchored: true, start: best.start, end: best.end } : { anchored: false };
}
