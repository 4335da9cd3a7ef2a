/**
 * The shape of a sentence: function words kept as words, content words and numbers replaced by their
 * word-class tag — "we cut taxes by 20 percent" → "we VBD NNS by NUM percent". N-grams over it carry
 * how a factual statement, an opinion or a promise is built from one debate's topics to the next.
 */
import type { WordToken } from './tokens';

/** Tags of closed classes (tags.ts): their words stay as words in the shape. */
const FUNCTION_TAGS = new Set(['I', 'WE', 'YOU', '3P', 'DT', 'IN', 'CC', 'MD', 'BE', 'BED', 'HAVE', 'HAD', 'DO', 'DID', 'NEG', 'WH', 'TO', 'QTY', 'ADV', 'SAY', 'THINK']);

export function sentenceShape(tokens: readonly WordToken[], tags: readonly string[]): string[] {
  return tokens.map((t, i) => (FUNCTION_TAGS.has(tags[i]) ? t.norm : tags[i]));
}
