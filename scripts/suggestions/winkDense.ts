/**
 * Dense sentence features from cached wink-nlp annotations and word vectors (experiment only):
 * part-of-speech shares, entity type counts and negation, and idf-weighted or plain mean and max of
 * word vectors. Statistics (idf, mean, spread) come from the training sentences only.
 */
export interface WinkCache {
  annotated: { words: string[]; pos: string[]; entities: string[]; negations: number }[];
  /** The app's own lower-case tokens of each sentence (shared/suggestions/tokens.ts). */
  shared?: string[][];
  vectors: Record<string, number[]>;
  /** Frequency rank of each word in the embeddings' vocabulary (0 = most frequent). */
  ranks?: Record<string, number>;
}

export interface DenseSpec {
  ents: boolean;
  emb: 'none' | 'avg' | 'idf' | 'idfmax';
  /** Words from the app's tokenizer instead of wink-nlp's. */
  sharedTokens?: boolean;
  /** Only the vectors of the `top` most frequent words of the embeddings (what could ship). */
  top?: number;
}

const POS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'];
const ENTITIES = ['DATE', 'ORDINAL', 'CARDINAL', 'MONEY', 'PERCENT', 'TIME', 'DURATION'];

/** Entity and part-of-speech features of one annotated sentence (shares of tokens, log counts). */
export function entityPosFeatures(a: WinkCache['annotated'][number]): number[] {
  const n = Math.max(1, a.pos.length);
  const pos = POS.map((t) => a.pos.filter((p) => p === t).length / n);
  const ents = ENTITIES.map((t) => Math.log1p(a.entities.filter((e) => e === t).length));
  return [...pos, ...ents, Math.log1p(a.entities.length), a.negations > 0 ? 1 : 0, Math.log1p(n)];
}

export function sentenceVector(words: string[], vectors: Record<string, number[]>, idf: (w: string) => number, withMax: boolean, dims: number): number[] {
  const mean = new Array<number>(dims).fill(0);
  const max = new Array<number>(dims).fill(0);
  let total = 0;
  let seen = false;
  for (const w of words) {
    const v = vectors[w];
    if (!v) continue;
    const weight = idf(w);
    for (let j = 0; j < dims; j++) {
      mean[j] += weight * v[j];
      max[j] = seen ? Math.max(max[j], v[j]) : v[j];
    }
    total += weight;
    seen = true;
  }
  if (total > 0) for (let j = 0; j < dims; j++) mean[j] /= total;
  return withMax ? [...mean, ...max] : mean;
}

/** A function giving the standardised dense features of sentence i, fitted on the training indices. */
export function denseFeatures(cache: WinkCache, trainIdx: number[], spec: DenseSpec): (i: number) => number[] {
  const df = new Map<string, number>();
  for (const i of trainIdx) for (const w of new Set(spec.sharedTokens ? cache.shared![i] : cache.annotated[i].words)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = trainIdx.length;
  const idf = spec.emb === 'avg' ? () => 1 : (w: string) => Math.log((n + 1) / ((df.get(w) ?? 0) + 1)) + 1;
  const dims = Object.values(cache.vectors)[0]?.length ?? 0;
  const words = (i: number) => (spec.sharedTokens ? cache.shared![i] : cache.annotated[i].words);
  const top = spec.top;
  const vectors = top ? Object.fromEntries(Object.entries(cache.vectors).filter(([w]) => cache.ranks![w] < top)) : cache.vectors;
  const raw = (i: number): number[] => [
    ...(spec.ents ? entityPosFeatures(cache.annotated[i]) : []),
    ...(spec.emb === 'none' ? [] : sentenceVector(words(i), vectors, idf, spec.emb === 'idfmax', dims)),
  ];
  const sample = trainIdx.map(raw);
  const width = sample[0]?.length ?? 0;
  const mean = new Array<number>(width).fill(0);
  const sd = new Array<number>(width).fill(0);
  for (const r of sample) for (let j = 0; j < width; j++) mean[j] += r[j] / n;
  for (const r of sample) for (let j = 0; j < width; j++) sd[j] += (r[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < width; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  return (i) => raw(i).map((x, j) => (x - mean[j]) / sd[j]);
}
