/**
 * Follows one span of an old text through a diff into the new text and judges the result:
 * 'same' (identical words, maybe shifted), 'changed' (recognisably the same passage, other wording)
 * or 'lost' (too little of the passage or its surroundings survived to be sure).
 */
import { classifyChanges, type ChangeKind } from './changeKinds';
import { diffTexts, keptWithin, mapSpan, type TextDiff } from './textDiff';
import { tokenize, words } from './tokens';

/** Share of the quote's characters that must survive unchanged for a 'changed' match. */
export const MIN_KEPT_SHARE = 0.5;
/** A quote kept this well needs no surviving context (the diff itself places it). */
export const SURE_KEPT_SHARE = 0.8;
/** Context looked at on each side, and the share of it that must survive. */
const CONTEXT_WINDOW = 32;
const MIN_CONTEXT_KEPT_SHARE = 0.25;
/** Found text this much longer than the quote may carry a sentence the claim did not have. */
const SENTENCE_SLACK = 16;
/** Words of the quote's own edges taken back when the diff gave them to the text beside it. */
const EDGE_WORDS = 3;

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
  /** The most words any one edit inside the passage may replace or bring in (no limit by default). */
  maxEditWords?: number;
  /** Each sentence of the passage must keep MIN_KEPT_SHARE of itself, not only the whole. */
  eachSentenceKept?: boolean;
}

export function followSpan(diff: TextDiff, start: number, end: number, options: FollowOptions = {}): FollowedSpan {
  const { requireContext = true, minKeptShare = MIN_KEPT_SHARE, maxEditWords, eachSentenceKept = false } = options;
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
  if (eachSentenceKept && !sentencesKept(diff, start, exact)) return { kind: 'lost' };
  // A claim does not grow across a paragraph break it did not have: keep the paragraph sharing most words.
  let newStart = mapped.start;
  if (!PARAGRAPH_BREAK.test(exact) && PARAGRAPH_BREAK.test(found)) {
    const piece = bestPiece(found, exact, /\n\s*\n/g, 0);
    newStart += piece.offset;
    found = piece.text;
  }
  // Nor across a sentence an edit put beside it: keep as many sentences as the quote had.
  if (found.length > exact.length + SENTENCE_SLACK) {
    const wanted = sentenceGaps(exact);
    if (sentenceGaps(found) > wanted) {
      const piece = bestPiece(found, exact, SENTENCE_GAP_G, wanted);
      newStart += piece.offset;
      found = piece.text;
    }
  }
  const edges = fitEdges(diff.newText, newStart, newStart + found.length, exact);
  newStart = edges.start;
  found = diff.newText.slice(edges.start, edges.end);
  if (found.trim() === '' || found.length > 2 * length + 24) return { kind: 'lost' };
  const newEnd = newStart + found.length;
  if (found === exact) return { kind: 'same', start: newStart, end: newEnd };
  if (maxEditWords !== undefined && largestEdit(exact, found) > maxEditWords) return { kind: 'lost' };
  return { kind: 'changed', start: newStart, end: newEnd, found, changes: classifyChanges(exact, found) };
}

const PARAGRAPH_BREAK = /\n\s*\n/;
const SENTENCE_GAP_G = /[.!?…]["'”’»)\]]*[ \t\u00a0]+(?=["'“‘«(\[]*[\p{Lu}\p{N}])/gu;

/** Whether every sentence of the old passage at `start` kept MIN_KEPT_SHARE of its characters. */
function sentencesKept(diff: TextDiff, start: number, exact: string): boolean {
  let from = 0;
  const ends = [...exact.matchAll(SENTENCE_GAP_G)].map((m) => m.index + m[0].length);
  for (const to of [...ends, exact.length]) {
    if (to > from && keptWithin(diff, start + from, start + to) / (to - from) < MIN_KEPT_SHARE) return false;
    from = to;
  }
  return true;
}

function sentenceGaps(text: string): number {
  return text.match(SENTENCE_GAP_G)?.length ?? 0;
}

/** The run of `keep` + 1 consecutive pieces (split at `separator`) sharing the most distinct words with `exact`. */
function bestPiece(found: string, exact: string, separator: RegExp, keep: number): { offset: number; text: string } {
  const bounds: { from: number; to: number }[] = [];
  let from = 0;
  separator.lastIndex = 0;
  for (let m = separator.exec(found); m; m = separator.exec(found)) {
    bounds.push({ from, to: m.index + (separator === SENTENCE_GAP_G ? m[0].trimEnd().length : 0) });
    from = m.index + m[0].length;
  }
  bounds.push({ from, to: found.length });
  const wanted = new Set(words(exact));
  let best = { offset: 0, text: found, score: -1 };
  for (let i = 0; i + keep < bounds.length; i++) {
    const raw = found.slice(bounds[i].from, bounds[i + keep].to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    // Distinct words: a long piece repeating "the" or "de" does not outscore the passage itself.
    const score = new Set(words(text).filter((w) => wanted.has(w))).size;
    if (score > best.score) best = { offset: bounds[i].from + lead, text, score };
  }
  return best;
}

/**
 * Fits the found span's edges to the quote's: takes back its own first or last words when the diff
 * gave them to the identical text just beside the span, and leaves out the spaces and closing
 * punctuation that the quote did not have at its ends.
 */
function fitEdges(text: string, start: number, end: number, exact: string): { start: number; end: number } {
  const tokens = tokenize(exact).filter((t) => !/^\s+$/.test(t.text));
  if (tokens.length > 1) {
    for (let k = Math.min(EDGE_WORDS, tokens.length - 1); k >= 1; k--) {
      const head = exact.slice(0, tokens[k].start);
      if (!text.startsWith(head, start) && text.slice(Math.max(0, start - head.length), start) === head) {
        start -= head.length;
        break;
      }
    }
    for (let k = Math.min(EDGE_WORDS, tokens.length - 1); k >= 1; k--) {
      const last = tokens[tokens.length - 1 - k];
      const tail = exact.slice(last.start + last.text.length);
      if (!text.slice(start, end).endsWith(tail) && text.startsWith(tail, end)) {
        end += tail.length;
        break;
      }
    }
  }
  // A claim starts and ends on word boundaries where its quote does.
  const wordChar = /[\p{L}\p{N}]/u;
  if (wordChar.test(exact[0] ?? '')) while (start < end && wordChar.test(text[start - 1] ?? '') && wordChar.test(text[start])) start++;
  if (wordChar.test(exact.at(-1) ?? '')) while (end > start && wordChar.test(text[end] ?? '') && wordChar.test(text[end - 1])) end--;
  if (!/^\s/.test(exact)) while (start < end && /\s/.test(text[start])) start++;
  if (!/\s$/.test(exact)) while (end > start && /\s/.test(text[end - 1])) end--;
  if (/[\p{L}\p{N}]$/u.test(exact)) {
    const trailing = /[.!?…,;:]["'”’»)\]]*$/u.exec(text.slice(start, end));
    if (trailing && end - trailing[0].length > start) end -= trailing[0].length;
  }
  return { start, end };
}

/** The most words that one edit between two wordings replaces or brings in. */
function largestEdit(before: string, after: string): number {
  const diff = diffTexts(before, after);
  let largest = 0;
  for (const run of diff.runs) {
    if (run.kind !== 'change') continue;
    const removed = words(before.slice(run.oldStart, run.oldEnd)).length;
    const added = words(after.slice(run.newStart, run.newEnd)).length;
    largest = Math.max(largest, removed, added);
  }
  return largest;
}
