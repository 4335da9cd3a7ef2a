/**
 * A cheap upper bound on what a word diff can keep of a passage: only words that occur somewhere in
 * the other text can be kept. A window that cannot keep enough of a quote is skipped without diffing.
 */
import { tokenize, tokenTexts } from './tokens';

/** The words of [from, to) of `old` (clipped to the span), and its whitespace characters. */
export interface SpanWords {
  length: number;
  /** Characters of whitespace in the span (counted as keepable: line-level diffing may keep any of them). */
  space: number;
  words: { text: string; overlap: number }[];
}

export function spanWords(old: string, from: number, to: number): SpanWords {
  const words: SpanWords['words'] = [];
  let space = 0;
  for (const token of tokenize(old)) {
    const overlap = Math.min(to, token.start + token.text.length) - Math.max(from, token.start);
    if (overlap <= 0) continue;
    if (/^\s/.test(token.text)) space += overlap;
    else words.push({ text: token.text, overlap });
  }
  return { length: Math.max(1, to - from), space, words };
}

/** Whether a diff of the passage against `text` could keep at least `share` of the passage's characters. */
export function mayKeep(span: SpanWords, text: string, share: number): boolean {
  const present = new Set(tokenTexts(text));
  let keepable = span.space;
  for (const word of span.words) if (present.has(word.text)) keepable += word.overlap;
  return keepable >= share * span.length;
}
