/** Features of many sentences as sparse rows over a vocabulary learnt from the fitting sentences. */
import { extractFeatures, type FeatureOptions, type Features } from '../../shared/suggestions/features';
import { wordTokens } from '../../shared/suggestions/tokens';
import type { SparseRow } from './logistic';

export interface Vocabulary {
  names: string[];
  index: Map<string, number>;
}

export function buildVocabulary(featureSets: Features[], minCount: number): Vocabulary {
  const counts = new Map<string, number>();
  for (const features of featureSets) for (const name of features.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const names = [...counts].filter(([name, count]) => count >= minCount || name === 'bias').map(([name]) => name).sort();
  return { names, index: new Map(names.map((name, i) => [name, i])) };
}

export function toRow(features: Features, vocabulary: Vocabulary): SparseRow {
  const index: number[] = [];
  const value: number[] = [];
  for (const [name, v] of features) {
    const i = vocabulary.index.get(name);
    if (i !== undefined) {
      index.push(i);
      value.push(v);
    }
  }
  return { index: Int32Array.from(index), value: Float64Array.from(value) };
}

export function featuresOf(texts: string[], options: FeatureOptions, commonWords: ReadonlySet<string>): Features[] {
  return texts.map((text) => extractFeatures(text, options, commonWords));
}

/** Words written in lower case at least `minCount` times after the first word of a sentence. */
export function learnCommonWords(texts: string[], minCount = 2): Set<string> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const tokens = wordTokens(text);
    for (let i = 1; i < tokens.length; i++) {
      const t = tokens[i];
      if (/^\p{Ll}/u.test(t.raw) && !t.norm.startsWith('<')) counts.set(t.lower, (counts.get(t.lower) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n >= minCount).map(([w]) => w));
}

/**
 * Naive-Bayes log-count ratios (Wang & Manning 2012, "NBSVM"): how much more often each feature occurs
 * in positive than in negative sentences, smoothed by `alpha`. Scaling the features by it before the
 * logistic regression lets the L2 penalty favour features that already separate the classes; the
 * product weight × ratio is an ordinary weight, so the shipped model is unchanged in form.
 */
export function nbRatios(rows: SparseRow[], labels: boolean[], dimension: number, alpha = 1, biasIndex = -1): Float64Array {
  const pos = new Float64Array(dimension).fill(alpha);
  const neg = new Float64Array(dimension).fill(alpha);
  rows.forEach((row, i) => {
    const counts = labels[i] ? pos : neg;
    for (let k = 0; k < row.index.length; k++) counts[row.index[k]] += Math.abs(row.value[k]);
  });
  let sumPos = 0, sumNeg = 0;
  for (let j = 0; j < dimension; j++) {
    sumPos += pos[j];
    sumNeg += neg[j];
  }
  const ratio = new Float64Array(dimension);
  for (let j = 0; j < dimension; j++) ratio[j] = j === biasIndex ? 1 : Math.log(pos[j] / sumPos / (neg[j] / sumNeg));
  return ratio;
}

export function scaleRows(rows: SparseRow[], scale: Float64Array): SparseRow[] {
  return rows.map((row) => ({ index: row.index, value: row.value.map((v, k) => v * scale[row.index[k]]) }));
}
