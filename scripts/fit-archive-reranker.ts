/**
 * Fits the archive's re-ranker (shared/archive/reranker.ts) on the calibration half of the
 * paraphrase test set: logistic regression over the pair features of every query's BM25
 * candidates, then the sameClaim threshold that gives the best F1 on the same half. Prints the
 * figures on both halves and, with --write, puts the fitted block into reranker.ts.
 *
 *   npx tsx scripts/fit-archive-reranker.ts [--write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FEATURE_NAMES } from '../shared/archive/features';
import type { RerankerModel } from '../shared/archive/reranker';
import { buildEvalArchive, evaluate, loadParaphrases, trainingPairs, type TrainingPair } from '../tests/bench/archive/paraphraseEval';

const RERANKER_FILE = path.resolve(import.meta.dirname, '..', 'shared', 'archive', 'reranker.ts');
const L2 = 0.01;
/** Weights of all easy candidates together, relative to the same-claim pairs; the best on calibration is kept. */
const EASY_WEIGHTS = [1, 3, 10, 30];
/**
 * A claim and its negation, or "rose" against "fell", are never the same claim; the set has too few
 * such pairs to learn that, so these weights are fixed rather than fitted.
 */
const FIXED: Partial<Record<(typeof FEATURE_NAMES)[number], number>> = { negation: -3, direction: -3 };
/** Evidence of sameness may only raise the probability, evidence of difference only lower it. */
const SIGNS: Record<(typeof FEATURE_NAMES)[number], 1 | -1> = {
  cover: 1,
  coverBack: 1,
  numberMatch: 1,
  numberConflict: -1,
  numberMissing: -1,
  nameMatch: 1,
  nameConflict: -1,
  nameMissing: -1,
  negation: -1,
  direction: -1,
};
const STEPS = 4000;
const RATE = 0.5;

function fit(pairs: TrainingPair[], easyWeight: number): Omit<RerankerModel, 'threshold'> {
  const n = FEATURE_NAMES.length;
  const w = FEATURE_NAMES.map((name) => FIXED[name] ?? 0);
  let b = 0;
  const x = pairs.map((p) => FEATURE_NAMES.map((name) => p.features[name]));
  const y = pairs.map((p) => p.label);
  // The decisions that matter are the same claim against its close neighbours (same topic, another
  // place, number, person…); the many easy candidates together weigh as much as the positives.
  const positives = pairs.filter((p) => p.label === 1).length;
  const easy = pairs.filter((p) => p.label === 0 && !p.near).length;
  const weights = pairs.map((p) => (p.label === 1 || p.near ? 1 : (easyWeight * positives) / easy));
  const totalWeight = weights.reduce((a, v) => a + v, 0);
  for (let step = 0; step < STEPS; step++) {
    const gw = new Array<number>(n).fill(0);
    let gb = 0;
    for (let i = 0; i < x.length; i++) {
      let z = b;
      for (let j = 0; j < n; j++) z += w[j]! * x[i]![j]!;
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - y[i]!) * weights[i]!;
      for (let j = 0; j < n; j++) gw[j]! += err * x[i]![j]!;
      gb += err;
    }
    for (let j = 0; j < n; j++) {
      if (FIXED[FEATURE_NAMES[j]!] !== undefined) continue;
      const next = w[j]! - RATE * (gw[j]! / totalWeight + L2 * w[j]!);
      w[j] = SIGNS[FEATURE_NAMES[j]!] * next < 0 ? 0 : next;
    }
    b -= RATE * (gb / totalWeight);
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    bias: round(b),
    weights: Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, round(w[j]!)])) as RerankerModel['weights'],
  };
}

const set = loadParaphrases();
const archive = buildEvalArchive(set);
const pairs = trainingPairs(set, archive, 'calibration');
console.log(`calibration pairs: ${pairs.length} (${pairs.filter((p) => p.label).length} same claim)`);
const f1Of = (r: { precision: number; recall: number }) => (r.precision + r.recall > 0 ? (2 * r.precision * r.recall) / (r.precision + r.recall) : 0);

/** The threshold with the best F1 on calibration; ties go to the higher one (a wrong "same claim" misleads more than a miss). */
function bestThreshold(fitted: Omit<RerankerModel, 'threshold'>): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: -1 };
  for (let t = 0.3; t <= 0.951; t += 0.025) {
    const threshold = Math.round(t * 1000) / 1000;
    const f1 = f1Of(evaluate(set, archive, 'calibration', { model: { ...fitted, threshold } }));
    if (f1 >= best.f1) best = { threshold, f1 };
  }
  return best;
}

let chosen: { model: RerankerModel; f1: number; easyWeight: number } | null = null;
for (const easyWeight of EASY_WEIGHTS) {
  const fitted = fit(pairs, easyWeight);
  const best = bestThreshold(fitted);
  console.log(`easy-candidate weight ${easyWeight}: calibration F1 ${best.f1.toFixed(3)} at threshold ${best.threshold}`);
  if (!chosen || best.f1 > chosen.f1) chosen = { model: { ...fitted, threshold: best.threshold }, f1: best.f1, easyWeight };
}
// Moves the decision point to 0.5 (same ranking, same judgements): a score of 0.5 or more reads as "same claim".
const fittedModel = chosen!.model;
const model: RerankerModel = {
  ...fittedModel,
  bias: Math.round((fittedModel.bias - Math.log(fittedModel.threshold / (1 - fittedModel.threshold))) * 100) / 100,
  threshold: 0.5,
};
console.log(`chosen: easy-candidate weight ${chosen!.easyWeight}, threshold ${fittedModel.threshold} (moved to 0.5)`);

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
for (const split of ['calibration', 'test', 'all'] as const) {
  const r = evaluate(set, archive, split, { model });
  const bm25 = evaluate(set, archive, split, { rerank: false });
  console.log(
    `${split.padEnd(11)} queries ${r.queries}, same-claim ${r.positives}: recall@5 ${pct(r.recallAt5)} (BM25 alone ${pct(bm25.recallAt5)}), ` +
      `sameClaim precision ${pct(r.precision)}, recall ${pct(r.recall)}`,
  );
}

const block = `export const RERANKER: RerankerModel = ${JSON.stringify(model, null, 2).replace(/"(\w+)":/g, '$1:')};`;
console.log(block);
if (process.argv.includes('--write')) {
  const source = readFileSync(RERANKER_FILE, 'utf8');
  const next = source.replace(/export const RERANKER: RerankerModel = \{[\s\S]*?\n\};/, block);
  writeFileSync(RERANKER_FILE, next);
  console.log(`written to ${path.relative(process.cwd(), RERANKER_FILE)}`);
}
