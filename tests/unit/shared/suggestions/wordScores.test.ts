import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featureHash } from '../../../../shared/suggestions/featureTable';
import { loadModel, scoreSentence, type WeightsFile } from '../../../../shared/suggestions/model';
import { buildWordScores, vectorLogit, vectorWords, type WordScoresFile } from '../../../../shared/suggestions/wordScores';

// A hand-made table: 3-d word vectors, coefficients, idf; the shipped per-word score is v · beta.
const VECTORS: Record<string, number[]> = { unemployment: [1, 0, 2], rose: [0, 1, -1], percent: [2, 2, 0], thanks: [-1, 0, 0] };
const IDF: Record<string, number> = { unemployment: 3, rose: 2, percent: 1.5, thanks: 1 };
const BETA = [0.5, -0.25, 1];
const BIAS = -0.75;
const WORDS = Object.keys(VECTORS);

function tableFile(mix = 0.4): WordScoresFile {
  return {
    hashes: WORDS.map(featureHash),
    scores: WORDS.map((w) => Math.round(VECTORS[w].reduce((s, x, j) => s + x * BETA[j], 0) * 10_000)),
    scale: 10_000,
    idf: WORDS.map((w) => IDF[w] * 1000),
    idfScale: 1000,
    bias: BIAS,
    mix,
  };
}

/** The dense computation the table stands for: bias + beta · (idf-weighted mean of the known words' vectors). */
function denseLogit(words: string[]): number {
  const mean = [0, 0, 0];
  let total = 0;
  for (const w of words) {
    if (!VECTORS[w]) continue;
    VECTORS[w].forEach((x, j) => (mean[j] += IDF[w] * x));
    total += IDF[w];
  }
  return BIAS + (total > 0 ? mean.reduce((s, m, j) => s + (m / total) * BETA[j], 0) : 0);
}

describe('word scores', () => {
  it('give the logit of the idf-weighted mean word vector, skipping words without a vector', () => {
    const table = buildWordScores(tableFile());
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS, 'the', 'zebra', 'of'), { maxLength: 20 }), (words) => {
        expect(vectorLogit(table, words)).toBeCloseTo(denseLogit(words), 9);
      }),
    );
    expect(vectorLogit(table, ['unemployment', 'rose'])).toBeCloseTo(BIAS + (3 * 2.5 + 2 * -1.25) / 5, 9);
    expect(vectorLogit(table, ['zebra'])).toBe(BIAS);
  });

  it('read the sentence as lower-case words with ’ written as an apostrophe', () => {
    expect(vectorWords('Unemployment ROSE 5.8 percent, didn’t it?')).toEqual(['unemployment', 'rose', '5.8', 'percent', "didn't", 'it', '?']);
  });

  it('refuse arrays of different lengths and two scores for one word', () => {
    expect(() => buildWordScores({ ...tableFile(), idf: [1] })).toThrow(/length/);
    const twice = tableFile();
    expect(() => buildWordScores({ ...twice, hashes: [twice.hashes[0], ...twice.hashes.slice(0, 3)] })).toThrow(/two scores/);
  });

  it('are mixed with the n-gram logit by their share, and the mix decides against the threshold', () => {
    const base: WeightsFile = {
      format: 'factcheck-suggestions',
      version: 2,
      options: { wordNgrams: 1, tagNgrams: 0, names: 'both', rareWords: false, normalize: false, charNgrams: [], cues: false, cueValue: 1, cuePairs: false },
      threshold: 0.5,
      lexicon: 'unemployment rose',
      hashes: [featureHash('bias')],
      weights: [2000],
      scale: 10_000,
      evaluation: {},
    };
    const sentence = 'Unemployment rose.';
    const ngram = scoreSentence(loadModel(base), sentence).score;
    const zNgram = Math.log(ngram / (1 - ngram));
    const zVector = denseLogit(vectorWords(sentence));
    const mixed = scoreSentence(loadModel({ ...base, words: tableFile(0.4) }), sentence);
    expect(mixed.score).toBeCloseTo(1 / (1 + Math.exp(-(0.6 * zNgram + 0.4 * zVector))), 9);
    expect(mixed.checkWorthy).toBe(mixed.score >= 0.5);
    // Without word scores the n-gram model decides alone, as before.
    expect(loadModel(base).words).toBeUndefined();
  });
});
