/**
 * Words of one sentence for the model: letters/digits with inner apostrophes, decimal points and
 * thousands separators, plus the symbols that carry meaning for claims (% $ £ € ? ").
 * Each token keeps its raw form; `norm` is lowercase with numbers folded into classes, so "1996"
 * and "2020" look alike to the model and it learns "a year" rather than one debate's year.
 */
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’.,][\p{L}\p{N}\p{M}]+)*|[%$£€¥?!"“”]/gu;

export interface WordToken {
  raw: string;
  lower: string;
  norm: string;
}

const YEAR = /^(?:1[89]|20)\d\d$/;
const DECADE = /^(?:1[89]|20)?\d0's?$|^(?:1[89]|20)\d0s$/;
const NUMBER = /^\d[\d.,]*$/;
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;

export function normalizeWord(lower: string): string {
  if (YEAR.test(lower)) return '<year>';
  if (DECADE.test(lower)) return '<decade>';
  if (NUMBER.test(lower)) return '<num>';
  if (ORDINAL.test(lower)) return '<ord>';
  if (/\d/.test(lower)) return '<alnum>';
  if (lower === '“' || lower === '”') return '"';
  return lower.replace(/’/g, "'");
}

export function wordTokens(sentence: string): WordToken[] {
  const out: WordToken[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(sentence); m; m = TOKEN.exec(sentence)) {
    const raw = m[0];
    const lower = raw.toLowerCase();
    out.push({ raw, lower, norm: normalizeWord(lower) });
  }
  return out;
}
