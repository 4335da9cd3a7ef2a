/**
 * Finds a claim's span again in a (possibly different) version of an article's text.
 *
 * Strategies run in order and the first that succeeds wins:
 *   1. exactAtPosition  — the quote is still at its recorded offsets            → 'exact'
 *   2. quoteByContext   — the quote occurs elsewhere; the occurrence whose
 *                         prefix/suffix agree clearly best is chosen            → 'moved'
 * Nothing found → 'orphaned' (the claim is flagged for the checker, never dropped).
 * Seam: fuzzy matching of an edited quote (→ 'changed') is a later issue; it goes in as a third
 * strategy in STRATEGIES.
 */
import type { ClaimTarget } from '../model';
import { commonPrefixLength, commonSuffixLength, findAll } from './context';

export type AnchorStatus = 'exact' | 'moved' | 'changed' | 'orphaned';

export type AnchorResult =
  | { status: 'exact' | 'moved' | 'changed'; start: number; end: number }
  | { status: 'orphaned'; start?: undefined; end?: undefined };

type Strategy = (text: string, target: ClaimTarget) => AnchorResult | null;

/** Context agreement (characters) a lone occurrence of a short quote needs before we trust it. */
const MIN_AGREEMENT = 8;
/** A quote at least this long is trusted when it occurs once, whatever its context. */
const LONG_QUOTE = 24;
/** How much better (share of the recorded context) the best occurrence must agree than the runner-up. */
const CLEAR_MARGIN_SHARE = 0.15;
const MIN_CLEAR_MARGIN = 3;

export function anchor(text: string, target: ClaimTarget): AnchorResult {
  for (const strategy of STRATEGIES) {
    const result = strategy(text, target);
    if (result) return result;
  }
  return { status: 'orphaned' };
}

const exactAtPosition: Strategy = (text, { position, quote }) => {
  const { start, end } = position;
  if (start < 0 || end < start || end > text.length) return null;
  return text.slice(start, end) === quote.exact ? { status: 'exact', start, end } : null;
};

interface Candidate {
  start: number;
  end: number;
  /** Characters of recorded prefix and suffix that agree with the text around this occurrence. */
  agreement: number;
  /** Agreement plus a nearness bonus below 1, so nearer wins only between equal contexts. */
  score: number;
}

const quoteByContext: Strategy = (text, { position, quote }) => {
  const { exact, prefix, suffix } = quote;
  if (exact === '') return null;
  const starts = findAll(text, exact);
  if (starts.length === 0) return null;

  const candidates: Candidate[] = starts.map((start) => {
    const end = start + exact.length;
    const agreement =
      commonSuffixLength(prefix, text.slice(Math.max(0, start - prefix.length), start)) +
      commonPrefixLength(suffix, text.slice(end, end + suffix.length));
    const nearness = 1 - Math.abs(start - position.start) / (text.length + position.start + 1);
    return { start, end, agreement, score: agreement + nearness };
  });
  candidates.sort((a, b) => b.score - a.score);

  const [best, runnerUp] = candidates;
  const recorded = prefix.length + suffix.length;
  const trusted = best.agreement >= Math.min(MIN_AGREEMENT, recorded) || exact.length >= LONG_QUOTE;
  if (!trusted) return null;
  if (runnerUp) {
    const margin = Math.max(MIN_CLEAR_MARGIN, CLEAR_MARGIN_SHARE * recorded);
    if (best.agreement - runnerUp.agreement < margin) return null;
  }
  return { status: 'moved', start: best.start, end: best.end };
};

const STRATEGIES: readonly Strategy[] = [exactAtPosition, quoteByContext];
