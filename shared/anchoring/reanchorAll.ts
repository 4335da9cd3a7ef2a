/**
 * Re-anchors every claim of an article after an update, sharing ONE word-level diff of the old and
 * new texts: each claim's span in the old text is followed through the diff (kept → exact/moved;
 * edited but recognisable → changed; gone → orphaned). A passage that the diff shows as deleted is
 * looked for once more among the inserted text only (a moved sentence), never in text that was
 * already there — that would be another occurrence of the same words, not this claim.
 */
import type { ClaimTarget } from '../model';
import { anchor, changedByContext, contextAgreement, type AnchorResult } from './anchor';
import { findAll } from './context';
import { followSpan } from './followSpan';
import { diffTexts, isKeptText, type TextDiff } from './textDiff';

/** A claim as reanchorAll takes it: its selectors, or any object carrying them as `target`. */
export type ReanchorInput = ClaimTarget | { target: ClaimTarget };

/** A moved passage found only in new text is trusted when this long, or with this much context agreeing. */
const MOVED_MIN_QUOTE = 16;
const MOVED_MIN_AGREEMENT = 8;

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
    return movedIntoNewText(diff, target) ?? changedInNewText(diff, target) ?? { status: 'orphaned' };
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
  const result = changedByContext(diff.newText, target);
  if (!result || result.status !== 'changed' || isKeptText(diff, result.start, result.end)) return null;
  return result;
}
