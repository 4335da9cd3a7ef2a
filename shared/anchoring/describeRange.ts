/**
 * Turns a span of an article's canonical text into W3C selectors: the position (UTF-16 offsets)
 * and the quote with enough context around it to find it again after the text changes.
 */
import type { ClaimTarget } from '../model';
import { findAll, sentenceEndAfter, sentenceStartBefore, snapEnd, snapStart } from './context';

/** Context on each side is at least this long… */
export const MIN_CONTEXT = 32;
/** …or reaches to the sentence boundary when that is longer, up to this many characters. */
export const MAX_SENTENCE_CONTEXT = 300;

export function describeRange(text: string, start: number, end: number): ClaimTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`Invalid range ${start}–${end} for a text of length ${text.length}`);
  }
  // Never cut a character made of a surrogate pair (emoji, rare scripts) in half: widen instead.
  const from = snapStart(text, start);
  const to = snapEnd(text, end);

  const sentenceStart = sentenceStartBefore(text, from, MAX_SENTENCE_CONTEXT);
  const sentenceEnd = sentenceEndAfter(text, to, MAX_SENTENCE_CONTEXT);
  let before = Math.max(MIN_CONTEXT, sentenceStart === null ? MAX_SENTENCE_CONTEXT : from - sentenceStart);
  let after = Math.max(MIN_CONTEXT, sentenceEnd === null ? MAX_SENTENCE_CONTEXT : sentenceEnd - to);

  let prefixStart: number;
  let suffixEnd: number;
  for (;;) {
    prefixStart = snapStart(text, Math.max(0, from - before));
    suffixEnd = snapEnd(text, Math.min(text.length, to + after));
    const wholeText = prefixStart === 0 && suffixEnd === text.length;
    if (wholeText || findAll(text, text.slice(prefixStart, suffixEnd), 2).length <= 1) break;
    before += Math.max(MIN_CONTEXT, before >> 1);
    after += Math.max(MIN_CONTEXT, after >> 1);
  }

  return {
    position: { start: from, end: to },
    quote: {
      exact: text.slice(from, to),
      prefix: text.slice(prefixStart, from),
      suffix: text.slice(to, suffixEnd),
    },
  };
}
