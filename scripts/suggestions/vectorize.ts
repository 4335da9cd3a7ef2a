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
