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
import { findAll } from './context';
import { followSpan, SURE_KEPT_SHARE } from './followSpan';
import { diffTexts, isKeptText, type TextDiff } from './textDiff';

/** A claim as reanchorAll takes it: its selectors, or any object carrying them as `target`. */
export type ReanchorInput = ClaimTarget | { target: ClaimTarget };

/** A moved passage found only in new text is trusted when this long, or with this much context agreeing. */
const MOVED_MIN_QUOTE = 16;
const MOVED_MIN_AGREEMENT = 8;
/** The most words one edit may change in a moved passage that kept less than SURE_KEPT_SHARE of itself. */
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
    // A claim that does not anchor in the old text cannot be followed through the diff.
    if (old.status !== 'exact' && old.status !== 'moved') return anchor(newText, target);
    const followed = followSpan(diff, old.start, old.end);
    if (followed.kind === 'same') {
      const { start, end } = followed;
      const exact = start === target.position.start && end === target.position.end;
      return { status: exact ? 'exact' : 'moved', start, end };
    }
    if (followed.kind === 'changed') {
      const { start, end, found, changes } = followed;
      return { status: 'changed', start, end, found, changes };
    }
    return movedIntoNewText(diff, target) ?? changedInNewText(diff, target) ?? editedInNewText(diff, target) ?? { status: 'orphaned' };
  });
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

/** The passage moved and edited: its recorded context found in one place, the quote there edited. */
function changedInNewText(diff: TextDiff, target: ClaimTarget): AnchorResult | null {
  const result = changedByContext(diff.newText, target, followMoved);
  if (!result || result.status !== 'changed' || isKeptText(diff, result.start, result.end)) return null;
  return result;
}

/**
 * The passage moved away from its context and was edited: its own first or last words found in
 * inserted text, the quote diffed against the text there. Exactly one place must hold it.
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
  const windows = [
    ...inserted(exact.slice(0, probe)).map((at) => ({ start: at - prefix.length, end: at + exact.length + slack + suffix.length })),
    ...inserted(exact.slice(-probe)).map((at) => ({ start: at + probe - exact.length - slack - prefix.length, end: at + probe + suffix.length })),
  ];
  let result: AnchorResult | null = null;
  for (const window of windows) {
    const from = Math.max(0, window.start);
    const to = Math.min(newText.length, window.end);
    const local = diffTexts(prefix + exact + suffix, newText.slice(from, to));
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

/**
 * How a passage away from its place is judged: each of its sentences half kept (a claim that lost a
 * sentence while another moved is orphaned), and the whole mostly kept, or its context kept and
 * only small edits made.
 */
const followMoved: Follow = (diff, start, end, requireContext) => {
  const kept = followSpan(diff, start, end, { requireContext: false, minKeptShare: SURE_KEPT_SHARE, eachSentenceKept: true });
  if (kept.kind !== 'lost' || !requireContext) return kept;
  return followSpan(diff, start, end, { requireContext: true, maxEditWords: MOVED_MAX_EDIT_WORDS, eachSentenceKept: true });
};
