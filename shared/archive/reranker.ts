/**
 * The re-ranker: a logistic model over a pair's features (features.ts) giving the probability that
 * two texts state the same claim, and the threshold above which the archive calls it the same claim.
 * Weights and threshold are fitted on the calibration half of tests/fixtures/archive/paraphrases.json
 * by scripts/fit-archive-reranker.ts (which prints this block) and checked on the other half.
 */
import { FEATURE_NAMES, type PairFeatures } from './features';

export interface RerankerModel {
  bias: number;
  weights: Record<(typeof FEATURE_NAMES)[number], number>;
  /** Probability at or above which a match is called the same claim. */
  threshold: number;
}

export const RERANKER: RerankerModel = {
  bias: -2.54,
  weights: {
    cover: 0.69,
    coverBack: 0.64,
    numberMatch: 1,
    numberConflict: -1.61,
    numberMissing: -0.59,
    nameMatch: 1.02,
    nameConflict: -1.43,
    nameMissing: -0.45,
    negation: -3,
    direction: -3
  },
  threshold: 0.35
};

export function sameClaimProbability(features: PairFeatures, model: RerankerModel = RERANKER): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}
