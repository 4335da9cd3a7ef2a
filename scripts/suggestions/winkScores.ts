/**
 * Experiment only: forward-chained logits (the format of baseScores.ts, for select.ts) of models using
 * the wink-nlp annotations and word vectors cached by winkFeatures.ts, alone or added to the shipped
 * sparse features in one logistic regression.
 * Run: CACHE=/tmp/wink.json SPEC='{"name":…,"sparse":true,"ents":true,"emb":"none","l2":1e-3}' OUT=f.json npx tsx scripts/suggestions/winkScores.ts
 *   sparse — the shipped features (word and tag n-grams, cues); ents — part-of-speech shares, entity type
 *   counts, negation; emb — sentence vector: none, avg (mean of word vectors), idf (idf-weighted mean),
 *   idfmax (idf-weighted mean and the element-wise max). Dense features are standardised on the fitting part.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FeatureOptions, Features } from '../../shared/suggestions/features';
import { temporalSplits } from './checkworthyData';
import { fitLogistic, type SparseRow } from './logistic';
import { buildVocabulary, featuresOf, learnCommonWords, toRow } from './vectorize';
import { denseFeatures, type DenseSpec, type WinkCache } from './winkDense';

const FOLDS = 5;
const SHIPPED: FeatureOptions = { wordNgrams: 2, tagNgrams: 2, names: 'both', rareWords: false, normalize: false, charNgrams: [], cues: true, cueValue: 1, cuePairs: false };
const spec: DenseSpec & { name: string; sparse: boolean; l2: number; positiveWeight?: number } = JSON.parse(process.env.SPEC!);
const cache: WinkCache = JSON.parse(readFileSync(process.env.CACHE!, 'utf8'));

const { fit, test } = temporalSplits();
const fitIdx = fit.map((_, i) => i);
const testIdx = test.map((_, j) => fit.length + j);
const texts = [...fit, ...test].map((s) => s.text);

function logits(w: Float64Array, rows: SparseRow[]): number[] {
  return rows.map((r) => {
    let z = 0;
    for (let k = 0; k < r.index.length; k++) z += w[r.index[k]] * r.value[k];
    return z;
  });
}

function train(trainIdx: number[]) {
  const labels = trainIdx.map((i) => (i < fit.length ? fit[i].yes : false));
  const lexicon = learnCommonWords(trainIdx.map((i) => texts[i]), 2);
  const dense = denseFeatures(cache, trainIdx, spec);
  const featuresFor = (idx: number[]): Features[] => {
    const sparse = spec.sparse ? featuresOf(idx.map((i) => texts[i]), SHIPPED, lexicon) : idx.map(() => new Map<string, number>([['bias', 1]]));
    return sparse.map((f, k) => {
      const d = dense(idx[k]);
      for (let j = 0; j < d.length; j++) f.set(`dense:${j}`, d[j]);
      return f;
    });
  };
  const featureSets = featuresFor(trainIdx);
  const vocabulary = buildVocabulary(featureSets, 2);
  const rows = featureSets.map((f) => toRow(f, vocabulary));
  const w = fitLogistic(rows, labels, vocabulary.names.length, { l2: spec.l2, positiveWeight: spec.positiveWeight ?? 1, maxIterations: 300, biasIndex: vocabulary.index.get('bias')! });
  return (idx: number[]) => logits(w, featuresFor(idx).map((f) => toRow(f, vocabulary)));
}

const t0 = Date.now();
const oof: number[] = [];
const size = Math.ceil(fit.length / FOLDS);
for (let k = 1; k < FOLDS; k++) {
  const lo = k * size, hi = Math.min(fit.length, lo + size);
  oof.push(...train(fitIdx.slice(0, lo))(fitIdx.slice(lo, hi)));
  console.log(`${spec.name}: fold ${k} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
const score = train(fitIdx);
writeFileSync(process.env.OUT!, JSON.stringify({ name: spec.name, oof, fitLabels: fit.slice(size).map((s) => s.yes), test: score(testIdx), testLabels: test.map((s) => s.yes) }));
console.log(`${spec.name}: done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
