/**
 * Moving a keyboard caret through an article's canonical text, in UTF-16 offsets (the offsets claims
 * anchor to): by character (never splitting a surrogate pair), by word (Intl.Segmenter, so any
 * script), and to a block's start or end. Pure: the reader turns offsets into DOM positions.
 */

/** How far a word motion looks (a word longer than this is crossed in steps). */
const WINDOW = 2000;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export function nextChar(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  return isHigh(text.charCodeAt(offset)) && isLow(text.charCodeAt(offset + 1)) ? offset + 2 : offset + 1;
}

export function previousChar(text: string, offset: number): number {
  if (offset <= 0) return 0;
  return isLow(text.charCodeAt(offset - 1)) && isHigh(text.charCodeAt(offset - 2)) ? offset - 2 : offset - 1;
}

let segmenter: Intl.Segmenter | null = null;
function words(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return segmenter;
}

/** The end of the next word after `offset` (the end of the text when there is none). */
export function nextWordEnd(text: string, offset: number): number {
  let from = offset;
  while (from < text.length) {
    const to = Math.min(text.length, from + WINDOW);
    for (const part of words().segment(text.slice(from, to))) {
      const end = from + part.index + part.segment.length;
      if (part.isWordLike && end > offset && (end < to || to === text.length)) return end;
    }
    if (to === text.length) break;
    // A word may continue past the window: look again from its start.
    from = Math.max(from + 1, to - 100);
  }
  return text.length;
}

/** The start of the word before `offset` (the start of the text when there is none). */
export function previousWordStart(text: string, offset: number): number {
  let to = offset;
  while (to > 0) {
    const from = Math.max(0, to - WINDOW);
    let found = -1;
    for (const part of words().segment(text.slice(from, to))) {
      const start = from + part.index;
      if (part.isWordLike && start < offset && (start > from || from === 0)) found = start;
    }
    if (found >= 0) return found;
    if (from === 0) break;
    to = Math.min(to - 1, from + 100);
  }
  return 0;
}

/** The block an offset lies in (a joint between blocks belongs to the block before it). */
export function blockIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function blockStartOf(starts: readonly number[], offset: number): number {
  return starts.length ? starts[blockIndexAt(starts, offset)] : 0;
}

export function blockEndOf(starts: readonly number[], lengths: readonly number[], offset: number): number {
  if (!starts.length) return 0;
  const index = blockIndexAt(starts, offset);
  return starts[index] + lengths[index];
}
