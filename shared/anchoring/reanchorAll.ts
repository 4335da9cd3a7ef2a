/**
 * Re-anchors every claim of an article after an update, sharing ONE word-level diff of the old and
 * new texts: each claim's span in the old text is followed through the diff (kept → exact/moved;
 * edited but recognisable → changed; gone → orphaned). A passage that the diff shows as deleted is
 * looked for once more among the inserted text only (a moved sentence, maybe edited too), never in
 * text that was already there — that would be another occurrence of the same words, not this claim.
 * A passage found away from its place must have kept most of its words, or kept its context and
 * been edited in small places only: a claim half deleted whose other half moved is orphaned, not
 * anchored to the moved half and the words now around it.
 */
import type { ClaimTarget } from '../model';
import { anchor, changedByContext, contextAgreement, type AnchorResult, type Follow } from './anchor';
import { classifyChanges } from './changeKinds';
import { findAll } from './context';
import { followSpan, MIN_KEPT_SHARE, SURE_KEPT_SHARE, type FollowedSpan } from './followSpan';
import { mayKeep, spanWords } from './keptBound';
import { diffTexts, isKeptText, keptNewWithin, keptWithin, type TextDiff } from './textDiff';

/** A claim as reanchorAll takes it: its selectors, or any object carrying them as `target`. */
export type ReanchorInput = ClaimTarget | { target: ClaimTarget };

/** A moved passage found only in new text is trusted when this long, or with this much context agreeing. */
const MOVED_MIN_QUOTE = 16;
const MOVED_MIN_AGREEMENT = 8;
/** The most words one edit may change in a passage found away from its place. */
const MOVED_MAX_EDIT_WORDS = 3;
/** Characters of the quote's own first and last words looked for in inserted text. */
const OWN_PROBE = 12;
/** More places than this for a probe: too common to tell anything. */
const MAX_PROBE_HITS = 8;

function targetOf(input: ReanchorInput): ClaimTarget {
  return 'target' in input ? input.target : input;
}

export function reanchorAll(oldText: string, newText: string, claims: readonly ReanchorInput[]): AnchorResult[] {
  if (oldText === newText) return claims.map((claim) => anchor(newText, targetOf(claim)));
  const diff = diffTexts(oldText, newText);
  return claims.map((claim) => {
    const target = targetOf(claim);
    const old = anchor(oldText, target);
    const result = followClaim(diff, target, old);
    return old.status === 'exact' || old.status === 'moved' ? extendedAtStart(diff, old, extendedAtEnd(diff, old, result)) : result;
  });
}

/** Word or number characters that go on past a span's last character. */
const GLUED = /^(?:[\p{L}\p{N}]+|[.,]\p{N}+)+/u;

/**
 * A quote found whole whose last word now runs on ("$1" → "$10") was edited at its edge: for a
 * fact-checker the claim changed, so the span takes the whole new word and the change is named.
 */
function extendedAtEnd(diff: TextDiff, old: { start: number; end: number }, result: AnchorResult): AnchorResult {
  if (result.status !== 'exact' && result.status !== 'moved') return result;
  if (!/[\p{L}\p{N}]$/u.test(diff.newText.slice(result.start, result.end))) return result;
  if (GLUED.test(diff.oldText.slice(old.end))) return result;
  const more = GLUED.exec(diff.newText.slice(result.end));
  if (!more) return result;
  const end = result.end + more[0].length;
  const before = diff.oldText.slice(old.start, old.end);
  const found = diff.newText.slice(result.start, end);
  return { status: 'changed', start: result.start, end, found, changes: classifyChanges(before, found) };
}

/** Letters or digits (a few at most) that end right at `at`: a word or number the text runs into there. */
function gluedBefore(text: string, at: number): number {
  let i = at;
  while (i > 0 && at - i < 40 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) i--;
  return at - i;
}

/** The same at the claim's start: a number edit just before its first digit ("1" → "21") changes the claim. */
function extendedAtStart(diff: TextDiff, old: { start: number; end: number }, result: AnchorResult): AnchorResult {
  if (result.status !== 'exact' && result.status !== 'moved' && result.status !== 'changed') return result;
  if (!/^[\p{L}\p{N}]/u.test(diff.newText.slice(result.start, result.end))) return result;
  if (gluedBefore(diff.oldText, old.start) > 0) return result;
  const more = gluedBefore(diff.newText, result.start);
  if (more === 0) return result;
  const start = result.start - more;
  const before = diff.oldText.slice(old.start, old.end);
  const found = diff.newText.slice(start, result.end);
  return { status: 'changed', start, end: result.end, found, changes: classifyChanges(before, found) };
}

function followClaim(diff: TextDiff, target: ClaimTarget, old: AnchorResult): AnchorResult {
  {
    // A claim that does not anchor in the old text cannot be followed through the diff.
    if (old.status !== 'exact' && old.status !== 'moved') return anchor(diff.newText, target);
    const { exact } = target.quote;
    const followed = followSpan(diff, old.start, old.end);
    // Kept words may be a like passage that moved into the gap: trusted unless another's context fits better.
    if (followed.kind === 'same' && !likelierAnother(diff, exact, old.start, followed)) {
      const { start, end } = followed;
      const exact = start === target.position.start && end === target.position.end;
      return { status: exact ? 'exact' : 'moved', start, end };
    }
    if (followed.kind === 'changed') {
      // The diff may read a like sentence left in place as this one edited, when this one moved word for word.
      const moved = movedIntoNewText(diff, target);
      if (moved && moved.status !== 'orphaned') {
        const span = { start: moved.start, end: moved.end };
        if (contextAgreement(diff.newText, span.start, span.end, target.quote.prefix, target.quote.suffix) >= MOVED_MIN_AGREEMENT && !likelierAnother(diff, exact, old.start, span)) return moved;
      }
      return closerReading(diff.newText, target, followed);
    }
    const away = movedIntoNewText(diff, target) ?? changedInNewText(diff, target) ?? editedInNewText(diff, target);
    if (!away || away.status === 'orphaned' || (away.status === 'changed' && !isBroughtIn(diff, away))) return { status: 'orphaned' };
    // Found away from its place only when no other passage of the same words fits that place better.
    return likelierAnother(diff, exact, old.start, away) ? { status: 'orphaned' } : away;
  }
}

/** Characters around a changed passage diffed again on their own. */
const CLOSER_SLACK = 24;

/**
 * One diff of two whole texts can pair a claim's edge with a like word of a large edit beside it
 * (the "not" of a deleted sentence): the changed passage is diffed again with its recorded context
 * against the text where it landed, and that closer reading wins when it is confident.
 */
function closerReading(newText: string, target: ClaimTarget, followed: Extract<FollowedSpan, { kind: 'changed' }>): AnchorResult {
  const { exact, prefix, suffix } = target.quote;
  const slack = CLOSER_SLACK + Math.max(0, exact.length - (followed.end - followed.start));
  const from = Math.max(0, followed.start - prefix.length - slack);
  const to = Math.min(newText.length, followed.end + suffix.length + slack);
  const closer = followSpan(diffTexts(prefix + exact + suffix, newText.slice(from, to)), prefix.length, prefix.length + exact.length);
  const { start, end, found, changes } = closer.kind === 'changed' ? { ...closer, start: from + closer.start, end: from + closer.end } : followed;
  return { status: 'changed', start, end, found, changes };
}

/** The identical quote, once, in text the update brought in (a moved sentence) — never in text that was already there. */
function movedIntoNewText(diff: TextDiff, target: ClaimTarget): AnchorResult | null {
  const { exact, prefix, suffix } = target.quote;
  if (exact.trim() === '') return null;
  const hits = findAll(diff.newText, exact, 50).filter((at) => !isKeptText(diff, at, at + exact.length));
  if (hits.length !== 1) return null;
  const start = hits[0];
  const end = start + exact.length;
  const agreement = contextAgreement(diff.newText, start, end, prefix, suffix);
  if (exact.length < MOVED_MIN_QUOTE && agreement < MOVED_MIN_AGREEMENT) return null;
  return { status: 'moved', start, end };
}

/** Characters of old context on each side compared when like passages compete for one place. */
const RIVAL_CONTEXT = 32;

/**
 * Whether the same words stood elsewhere in the old text, at a place the update did not keep, with
 * context that fits the found place at least as well as the claim's own: the words found may be
 * that passage, moved, and not this claim.
 */
function likelierAnother(diff: TextDiff, words: string, ownStart: number, found: { start: number; end: number }): boolean {
  const { oldText, newText } = diff;
  const fit = (at: number) =>
    contextAgreement(newText, found.start, found.end, oldText.slice(Math.max(0, at - RIVAL_CONTEXT), at), oldText.slice(at + words.length, at + words.length + RIVAL_CONTEXT));
  const rivals = findAll(oldText, words, 50).filter((at) => at !== ownStart && keptWithin(diff, at, at + words.length) < words.length);
  if (rivals.length === 0) return false;
  const own = fit(ownStart);
  return rivals.some((at) => fit(at) >= own);
}

/**
 * An edited passage found away from its place must be text the update brought in (not mostly
 * text that was already there — another passage, edited in place), and not a passage of the old
 * text word for word (another passage, moved).
 */
function isBroughtIn(diff: TextDiff, result: Extract<AnchorResult, { status: 'changed' }>): boolean {
  const length = result.end - result.start;
  if (keptNewWithin(diff, result.start, result.end) > length / 2) return false;
  return findAll(diff.oldText, result.found, 1).length === 0;
}

/** The passage moved and edited: its recorded context found in one place, the quote there edited. */
function changedInNewText(diff: TextDiff, target: ClaimTarget): AnchorResult | null {
  const result = changedByContext(diff.newText, target, followMoved);
  if (!result || result.status !== 'changed' || isKeptText(diff, result.start, result.end)) return null;
  return result;
}

/**
 * The passage moved away from its context and was edited: a piece of its own words (its start, a
 * third and two thirds in, its end) found in inserted text, the quote diffed against the text
 * there. Exactly one place must hold it.
 */
function editedInNewText(diff: TextDiff, target: ClaimTarget): AnchorResult | null {
  const { exact, prefix, suffix } = target.quote;
  if (exact.trim().length < MOVED_MIN_QUOTE) return null;
  const { newText } = diff;
  const probe = Math.min(OWN_PROBE, exact.length >> 1);
  const inserted = (needle: string) => {
    const hits = findAll(newText, needle, MAX_PROBE_HITS + 1);
    return hits.length > MAX_PROBE_HITS ? [] : hits.filter((at) => !isKeptText(diff, at, at + needle.length));
  };
  const slack = (exact.length >> 2) + 12;
  const offsets = new Set([0, wordStartNear(exact, exact.length / 3), wordStartNear(exact, (2 * exact.length) / 3), exact.length - probe]);
  const windows = [...offsets]
    .filter((offset) => offset >= 0 && offset + probe <= exact.length)
    .flatMap((offset) =>
      inserted(exact.slice(offset, offset + probe)).map((at) => ({ start: at - offset - slack - prefix.length, end: at - offset + exact.length + slack + suffix.length })),
    );
  let result: AnchorResult | null = null;
  const recorded = prefix + exact + suffix;
  const quoteWords = windows.length > 0 ? spanWords(recorded, prefix.length, prefix.length + exact.length) : null;
  for (const window of windows) {
    const from = Math.max(0, window.start);
    const to = Math.min(newText.length, window.end);
    const found = newText.slice(from, to);
    if (!mayKeep(quoteWords!, found, MIN_KEPT_SHARE)) continue;
    const local = diffTexts(recorded, found);
    const followed = followMoved(local, prefix.length, prefix.length + exact.length, true);
    if (followed.kind !== 'changed') continue;
    const start = from + followed.start;
    const end = from + followed.end;
    if (isKeptText(diff, start, end) || (result && result.start === start && result.end === end)) continue;
    if (result) return null;
    result = { status: 'changed', start, end, found: followed.found, changes: followed.changes };
  }
  return result;
}

/** The start of the word at or after offset `at` of a text. */
function wordStartNear(text: string, at: number): number {
  const from = Math.floor(at);
  const match = /(?<=\s)\S/.exec(text.slice(from));
  return match ? from + match.index : from;
}

/**
 * How a passage away from its place is judged: only small edits, each of its sentences half kept
 * (a claim that lost a sentence while another moved is orphaned), and the whole mostly kept, or
 * half kept with its context.
 */
const followMoved: Follow = (diff, start, end, requireContext) => {
  const kept = followSpan(diff, start, end, { requireContext: false, minKeptShare: SURE_KEPT_SHARE, maxEditWords: MOVED_MAX_EDIT_WORDS, eachSentenceKept: true });
  if (kept.kind !== 'lost' || !requireContext) return kept;
  return followSpan(diff, start, end, { requireContext: true, maxEditWords: MOVED_MAX_EDIT_WORDS, eachSentenceKept: true });
};
