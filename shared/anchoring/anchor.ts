/**
 * Finds a claim's span again in a (possibly different) version of an article's text.
 *
 * Strategies run in order and the first that succeeds wins:
 *   1. exactAtPosition   — the quote is still at its recorded offsets                  → 'exact'
 *   2. quoteByContext    — the quote occurs elsewhere; the occurrence whose
 *                          prefix/suffix agree clearly best is chosen                  → 'moved'
 *   3. changedByContext  — the recorded context is found (one clear place); the words
 *                          between differ but enough of them survive                  → 'changed'
 * Nothing confident → 'orphaned' (the claim is flagged for the checker, never dropped): a wrong
 * anchor is worse than none.
 */
import type { ClaimTarget } from '../model';
import type { ChangeKind } from './changeKinds';
import { commonPrefixLength, commonSuffixLength, findAll } from './context';
import { followSpan, MIN_KEPT_SHARE, type FollowedSpan } from './followSpan';
import { mayKeep, spanWords } from './keptBound';
import { diffTexts, type TextDiff } from './textDiff';

export type AnchorStatus = 'exact' | 'moved' | 'changed' | 'orphaned';

export type AnchorResult =
  | { status: 'exact' | 'moved'; start: number; end: number; found?: undefined; changes?: undefined }
  | { status: 'changed'; start: number; end: number; found: string; changes: ChangeKind[] }
  | { status: 'orphaned'; start?: undefined; end?: undefined; found?: undefined; changes?: undefined };

type Strategy = (text: string, target: ClaimTarget) => AnchorResult | null;

/** Quotes (with their recorded context) longer than this, in characters, are not followed through changed wording: word by word it would take seconds. */
const LONGEST_REWORDED_QUOTE = 200_000;
/** Context agreement (characters) a lone occurrence of a short quote needs before we trust it. */
const MIN_AGREEMENT = 8;
/** A quote at least this long is trusted when it occurs once, whatever its context. */
const LONG_QUOTE = 24;
/** How much better (share of the recorded context) the best occurrence must agree than the runner-up. */
const CLEAR_MARGIN_SHARE = 0.15;
const MIN_CLEAR_MARGIN = 3;
/** Characters of recorded context looked up on each side to find an edited passage. */
const CONTEXT_PROBE = 32;
/** Shortest context probe worth searching for. */
const MIN_PROBE = 12;

export function anchor(text: string, target: ClaimTarget): AnchorResult {
  // A claim is a sentence or a passage with a little context: a quote this long (a damaged file) is only looked for verbatim.
  const { exact, prefix, suffix } = target.quote;
  if (exact.length + prefix.length + suffix.length > LONGEST_REWORDED_QUOTE) return anchorVerbatim(text, target);
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

/** How many characters of the recorded context agree with the text around [start, end). */
export function contextAgreement(text: string, start: number, end: number, prefix: string, suffix: string): number {
  return (
    commonSuffixLength(prefix, text.slice(Math.max(0, start - prefix.length), start)) +
    commonPrefixLength(suffix, text.slice(end, end + suffix.length))
  );
}

const quoteByContext: Strategy = (text, { position, quote }) => {
  const { exact, prefix, suffix } = quote;
  if (exact === '') return null;
  const starts = findAll(text, exact);
  if (starts.length === 0) return null;

  const candidates: Candidate[] = starts.map((start) => {
    const end = start + exact.length;
    const agreement = contextAgreement(text, start, end, prefix, suffix);
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

/**
 * The passage's surroundings are still there but its words changed: find the one place where the
 * recorded prefix ends and/or the recorded suffix begins, diff the recorded passage against the
 * text there, and follow the quote through that diff.
 */
export type Follow = (diff: TextDiff, start: number, end: number, requireContext: boolean) => FollowedSpan;

const followInPlace: Follow = (diff, start, end, requireContext) => followSpan(diff, start, end, { requireContext });

export function changedByContext(text: string, { quote }: ClaimTarget, follow: Follow = followInPlace): AnchorResult | null {
  const { exact, prefix, suffix } = quote;
  if (exact === '') return null;
  const tail = prefix.slice(-CONTEXT_PROBE);
  const head = suffix.slice(0, CONTEXT_PROBE);
  const slack = exact.length + 24;
  const starts = tail.length >= MIN_PROBE || (tail.length > 0 && tail.length === prefix.length && prefix.length > 0)
    ? findAll(text, tail, 8).map((at) => at + tail.length)
    : [];
  const ends = head.length >= MIN_PROBE || (head.length > 0 && head.length === suffix.length) ? findAll(text, head, 8) : [];
  if (starts.length >= 8 || ends.length >= 8) return null;

  // Prefer one place where both sides are found at a plausible distance; else the lone sides.
  const pairs: { from: number; to: number }[] = [];
  for (const from of starts) for (const to of ends) if (to > from && to - from <= exact.length + slack) pairs.push({ from, to });
  if (pairs.length > 1) return null;
  const windows: { start: number; end: number; requireContext: boolean }[] = [];
  if (pairs.length === 1) {
    windows.push({ start: pairs[0].from - prefix.length, end: pairs[0].to + suffix.length, requireContext: true });
  } else {
    for (const from of starts) windows.push({ start: from - prefix.length, end: from + exact.length + slack + suffix.length, requireContext: true });
    for (const to of ends) windows.push({ start: to - exact.length - slack - prefix.length, end: to + suffix.length, requireContext: true });
    if (windows.length === 0) {
      const byQuote = byOwnEnds(text, exact);
      if (byQuote) windows.push({ start: byQuote.from - prefix.length, end: byQuote.to + suffix.length, requireContext: false });
    }
  }
  // Exactly one window must hold a confident edited passage.
  let result: AnchorResult | null = null;
  const recorded = prefix + exact + suffix;
  const quoteWords = windows.length > 0 ? spanWords(recorded, prefix.length, prefix.length + exact.length) : null;
  for (const window of windows) {
    const windowStart = Math.max(0, window.start);
    const windowEnd = Math.min(text.length, window.end);
    const found = text.slice(windowStart, windowEnd);
    // Half the quote must survive for any reading of it as changed: skip the diff where it cannot.
    if (!mayKeep(quoteWords!, found, MIN_KEPT_SHARE)) continue;
    const diff = diffTexts(recorded, found);
    const followed = follow(diff, prefix.length, prefix.length + exact.length, window.requireContext);
    if (followed.kind !== 'changed') continue;
    const start = windowStart + followed.start;
    if (result && result.start === start) continue;
    if (result) return null;
    result = { status: 'changed', start, end: windowStart + followed.end, found: followed.found, changes: followed.changes };
  }
  return result;
}

/** Characters of the quote's own first and last words used to find it when its surroundings changed. */
const QUOTE_PROBE = 12;

/**
 * The one place where the quote's first and last characters occur at about the quote's length
 * apart (its middle edited, its surroundings rewritten). Null unless exactly one such place.
 */
function byOwnEnds(text: string, exact: string): { from: number; to: number } | null {
  if (exact.length < 3 * QUOTE_PROBE) return null;
  const head = exact.slice(0, QUOTE_PROBE);
  const tail = exact.slice(-QUOTE_PROBE);
  const heads = findAll(text, head, 20);
  const tails = findAll(text, tail, 20);
  if (heads.length >= 20 || tails.length >= 20) return null;
  const slack = Math.max(12, exact.length >> 2);
  const pairs: { from: number; to: number }[] = [];
  for (const from of heads) {
    for (const at of tails) {
      const to = at + QUOTE_PROBE;
      if (Math.abs(to - from - exact.length) <= slack) pairs.push({ from, to });
    }
  }
  return pairs.length === 1 ? pairs[0] : null;
}

const STRATEGIES: readonly Strategy[] = [exactAtPosition, quoteByContext, (text, target) => changedByContext(text, target)];

/** The quote word for word only (at its offsets, or elsewhere by its context): no search for changed wording. */
export function anchorVerbatim(text: string, target: ClaimTarget): AnchorResult {
  return exactAtPosition(text, target) ?? quoteByContext(text, target) ?? { status: 'orphaned' };
}
