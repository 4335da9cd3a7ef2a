/**
 * Follows one span of an old text through a diff into the new text and judges the result:
 * 'same' (identical words, maybe shifted), 'changed' (recognisably the same passage, other wording)
 * or 'lost' (too little of the passage or its surroundings survived to be sure).
 */
import { classifyChanges, type ChangeKind } from './changeKinds';
import { keptWithin, mapSpan, type TextDiff } from './textDiff';
import { words } from './tokens';

/** Share of the quote's characters that must survive unchanged for a 'changed' match. */
export const MIN_KEPT_SHARE = 0.5;
/** A quote kept this well needs no surviving context (the diff itself places it). */
const SURE_KEPT_SHARE = 0.8;
/** Context looked at on each side, and the share of it that must survive. */
const CONTEXT_WINDOW = 32;
const MIN_CONTEXT_KEPT_SHARE = 0.25;

export type FollowedSpan =
  | { kind: 'same'; start: number; end: number }
  | { kind: 'changed'; start: number; end: number; found: string; changes: ChangeKind[] }
  | { kind: 'lost' };

export interface FollowOptions {
  /**
   * False when the caller already located the passage by its own words, so its surroundings need
   * not have survived.
   */
  requireContext?: boolean;
  /** Share of the quote's characters that must survive (default MIN_KEPT_SHARE). */
  minKeptShare?: number;
}

export function followSpan(diff: TextDiff, start: number, end: number, options: FollowOptions = {}): FollowedSpan {
  const { requireContext = true, minKeptShare = MIN_KEPT_SHARE } = options;
  const exact = diff.oldText.slice(start, end);
  const mapped = mapSpan(diff, start, end);
  let found = diff.newText.slice(mapped.start, mapped.end);
  if (!mapped.touched && found === exact) return { kind: 'same', start: mapped.start, end: mapped.end };

  const length = Math.max(1, end - start);
  const contextFrom = Math.max(0, start - CONTEXT_WINDOW);
  const contextTo = Math.min(diff.oldText.length, end + CONTEXT_WINDOW);
  const contextLength = start - contextFrom + (contextTo - end);
  const contextKept = keptWithin(diff, contextFrom, start) + keptWithin(diff, end, contextTo);
  const confident =
    mapped.kept / length >= minKeptShare &&
    (!requireContext || mapped.kept / length >= SURE_KEPT_SHARE || contextLength === 0 || contextKept / contextLength >= MIN_CONTEXT_KEPT_SHARE) &&
    found.trim() !== '';
  if (!confident) return { kind: 'lost' };
  // A claim does not grow across a paragraph break it did not have: keep the paragraph sharing most words.
  let newStart = mapped.start;
  if (!PARAGRAPH_BREAK.test(exact) && PARAGRAPH_BREAK.test(found)) {
    const piece = bestParagraph(found, exact);
    newStart += piece.offset;
    found = piece.text;
  }
  if (found.trim() === '' || found.length > 2 * length + 24) return { kind: 'lost' };
  const newEnd = newStart + found.length;
  if (found === exact) return { kind: 'same', start: newStart, end: newEnd };
  return { kind: 'changed', start: newStart, end: newEnd, found, changes: classifyChanges(exact, found) };
}

const PARAGRAPH_BREAK = /\n\s*\n/;

function bestParagraph(found: string, exact: string): { offset: number; text: string } {
  const wanted = new Set(words(exact));
  let best = { offset: 0, text: '', score: -1 };
  const pattern = /\n\s*\n/g;
  let from = 0;
  for (let m = pattern.exec(found); ; m = pattern.exec(found)) {
    const to = m ? m.index : found.length;
    const raw = found.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const score = words(text).filter((w) => wanted.has(w)).length;
    if (score > best.score) best = { offset: from + lead, text, score };
    if (!m) break;
    from = m.index + m[0].length;
  }
  return best;
}
