/**
 * Word-level tokens for diffing article texts: runs of letters/digits (with inner apostrophes and
 * decimal/thousands separators), runs of whitespace, and single other characters (punctuation, emoji).
 */
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’.,][\p{L}\p{N}\p{M}]+)*|\s+|[^\p{L}\p{N}\p{M}\s]/gu;

/** Whitespace tokens are whitespace throughout, so the first character tells. */
const WHITESPACE = /^\s/;

export interface Token {
  text: string;
  start: number;
}

/** The token texts in order; together they spell the whole text (every character falls in one class). */
export function tokenTexts(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function tokenize(text: string): Token[] {
  // One match() call is cheaper than an exec() loop; starts follow from the lengths since tokens tile the text.
  const texts = tokenTexts(text);
  const tokens: Token[] = new Array(texts.length);
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    tokens[i] = { text: texts[i], start: at };
    at += texts[i].length;
  }
  return tokens;
}

/** The word tokens (no whitespace) of a text. */
export function words(text: string): string[] {
  return tokenTexts(text).filter((token) => !WHITESPACE.test(token));
}
