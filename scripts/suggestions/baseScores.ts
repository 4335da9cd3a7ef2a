/**
 * Out-of-fold and held-out logits of one base model, written to a JSON file so that ways of combining
 * models and choosing thresholds can be compared without refitting.
 * Run: MODEL='{"name":…,"options":…,"l2":…}' OUT=file.json npx tsx scripts/suggestions/baseScores.ts
 * MODEL may also set positiveWeight, minCount (feature frequency, default 2), recency (r of
 * recencyWeights) and nb (Naive-Bayes scaling, its smoothing). FORWARD=1: forward chaining (compare with
 * select.ts); WITH_DEV=1: the final fit also takes the dev sentences older than the test.
 */
import { writeFileSync } from 'node:fs';
import type { FeatureOptions } from '../../shared/suggestions/features';
import { temporalSplits, type LabelledSentence } from './checkworthyData';
import { fitLogistic, recencyWeights, type SparseRow } from './logistic';
import { buildVocabulary, featuresOf, learnCommonWords, nbRatios, scaleRows, toRow } from './vectorize';

const FOLDS = 5;
const spec: { name: string; options: FeatureOptions; l2: number; positiveWeight?: number; minCount?: number; recency?: number; nb?: number } = JSON.parse(process.env.MODEL!);

function logits(w: Float64Array, rows: SparseRow[]): number[] {
  return rows.map((r) => {
    let z = 0;
    for (let k = 0; k < r.index.length; k++) z += w[r.index[k]] * r.value[k];
    return z;
  });
}

function train(sentences: LabelledSentence[]) {
  const texts = sentences.map((s) => s.text);
  const lexicon = learnCommonWords(texts, 2);
  const featureSets = featuresOf(texts, spec.options, lexicon);
  const vocabulary = buildVocabulary(featureSets, spec.minCount ?? 2);
  const labels = sentences.map((s) => s.yes);
  const raw = featureSets.map((f) => toRow(f, vocabulary));
  // nb = smoothing alpha of the Naive-Bayes ratios; the weights are folded back (w × ratio) after fitting.
  const ratio = spec.nb ? nbRatios(raw, labels, vocabulary.names.length, spec.nb, vocabulary.index.get('bias')!) : undefined;
  const rows = ratio ? scaleRows(raw, ratio) : raw;
  const fitted = fitLogistic(rows, labels, vocabulary.names.length, {
    l2: spec.l2,
    positiveWeight: spec.positiveWeight ?? 1,
    maxIterations: 300,
    biasIndex: vocabulary.index.get('bias')!,
    sampleWeights: spec.recency ? recencyWeights(sentences.length, spec.recency) : undefined,
  });
  const w = ratio ? fitted.map((x, j) => x * ratio[j]) : fitted;
  return (more: string[]) => logits(w, featuresOf(more, spec.options, lexicon).map((f) => toRow(f, vocabulary)));
}

const { fit, dev, test, devTest, cutoffId } = temporalSplits();
const t0 = Date.now();
const oof: number[] = [];
const size = Math.ceil(fit.length / FOLDS);
// FORWARD=1: each block is scored by a model fitted on the blocks before it only (block 0 is left out).
const forward = Boolean(process.env.FORWARD);
for (let k = forward ? 1 : 0; k < FOLDS; k++) {
  const lo = k * size, hi = Math.min(fit.length, lo + size);
  oof.push(...train(forward ? fit.slice(0, lo) : [...fit.slice(0, lo), ...fit.slice(hi)])(fit.slice(lo, hi).map((s) => s.text)));
  console.log(`${spec.name}: fold ${k} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
if (process.env.NO_FINAL) { writeFileSync(process.env.OUT!, JSON.stringify({ name: spec.name, oof, fitLabels: fit.slice(forward ? size : 0).map((s) => s.yes) })); process.exit(0); }
// WITH_DEV=1: the final model also learns from the dev sentences earlier than the test (ids below the cutoff).
const score = train(process.env.WITH_DEV ? [...fit, ...dev.filter((s) => s.id < cutoffId)].sort((a, b) => a.id - b.id) : fit);
const out = {
  name: spec.name,
  oof, fitLabels: fit.slice(forward ? size : 0).map((s) => s.yes),
  test: score(test.map((s) => s.text)), testLabels: test.map((s) => s.yes),
  dev: score(dev.map((s) => s.text)), devLabels: dev.map((s) => s.yes),
  devTestCount: devTest.length,
};
writeFileSync(process.env.OUT!, JSON.stringify(out));
console.log(`${spec.name}: done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
