/**
 * Word-level tokens for diffing article texts: runs of letters/digits (with inner apostrophes and
 * decimal/thousands separators), runs of whitespace, and single other characters (punctuation, emoji).
 */
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’.,][\p{L}\p{N}\p{M}]+)*|\s+|[^\p{L}\p{N}\p{M}\s]/gu;

export interface Token {
  text: string;
  start: number;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) tokens.push({ text: m[0], start: m.index });
  return tokens;
}

/** The word tokens (no whitespace) of a text. */
export function words(text: string): string[] {
  return tokenize(text)
    .map((token) => token.text)
    .filter((token) => !/^\s+$/.test(token));
}
