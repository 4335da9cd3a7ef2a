/**
 * Text helpers for anchoring: UTF-16 safe boundaries, sentence boundaries, occurrence search and
 * how far two pieces of context agree.
 */
import { splitsSurrogatePair } from '../articles/wellFormed';
import { findAllIn } from './textIndex';

export { splitsSurrogatePair };

/** Moves a start offset back so it does not cut a character in half. */
export function snapStart(text: string, i: number): number {
  return splitsSurrogatePair(text, i) ? i - 1 : i;
}

/** Moves an end offset forward so it does not cut a character in half. */
export function snapEnd(text: string, i: number): number {
  return splitsSurrogatePair(text, i) ? i + 1 : i;
}

const CLOSERS = `'"”’)\\]»`;
const SENTENCE_GAP = new RegExp(`[.!?…][${CLOSERS}]*[ \\t\\u00a0]+|\\n+`, 'g');
const SENTENCE_END = new RegExp(`[.!?…][${CLOSERS}]*(?=\\s|$)|\\n`, 'g');

/** Where the sentence containing offset `pos` starts, looking back at most `limit` characters (null if not found). */
export function sentenceStartBefore(text: string, pos: number, limit: number): number | null {
  const from = Math.max(0, pos - limit);
  const window = text.slice(from, pos);
  let start: number | null = from === 0 ? 0 : null;
  SENTENCE_GAP.lastIndex = 0;
  for (let m = SENTENCE_GAP.exec(window); m; m = SENTENCE_GAP.exec(window)) start = from + m.index + m[0].length;
  return start;
}

/** Where the sentence containing offset `pos` ends (after its full stop), looking ahead at most `limit` characters (null if not found). */
export function sentenceEndAfter(text: string, pos: number, limit: number): number | null {
  SENTENCE_END.lastIndex = pos;
  const m = SENTENCE_END.exec(text);
  if (m && m.index - pos <= limit) {
    const end = m[0] === '\n' ? m.index : m.index + m[0].length;
    if (end - pos <= limit) return end;
  }
  return pos + limit >= text.length ? text.length : null;
}

/** Every start offset of `needle` in `text`, overlapping occurrences included (at most `max`, first ones first). */
export function findAll(text: string, needle: string, max = Number.POSITIVE_INFINITY): number[] {
  return findAllIn(text, needle, max);
}

/** Length of the longest common prefix of a and b. */
export function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the longest common suffix of a and b. */
export function commonSuffixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
