/**
 * The shipped model: a logistic regression over the features of features.ts. The weights file holds
 * the feature options it was trained with, the lexicon of common lower-case words (one string, spaces
 * between), the decision threshold, and the weights as two parallel integer arrays — the hash of each
 * feature's name and its weight in units of 1/`scale` (featureTable.ts) — so that it loads fast — and
 * optionally a word-vector model (wordScores.ts) whose logit is mixed with the n-gram model's.
 */
import { CUES } from './cues';
import { DETAIL_CUES } from './detailCues';
import { buildFeatureTable, weightOf, type FeatureTable } from './featureTable';
import { extractFeatures, sentenceView, firedCues, type FeatureOptions } from './features';
import { buildWordScores, vectorLogit, vectorWords, type WordScores, type WordScoresFile } from './wordScores';

export interface WeightsFile {
  format: 'factcheck-suggestions';
  version: 2;
  options: FeatureOptions;
  threshold: number;
  /** Common lower-case words, separated by single spaces. */
  lexicon: string;
  /** featureHash of each feature's name. */
  hashes: number[];
  /** Integer weights; the weight is weights[i] / scale. */
  weights: number[];
  scale: number;
  /** The word-vector model mixed in (wordScores.ts); absent, the n-gram model decides alone. */
  words?: WordScoresFile;
  /** What the model scored on sentences it never saw, as measured by the training script. */
  evaluation: Record<string, { f1: number; precision: number; recall: number; sentences: number }>;
}

export interface SuggestionModel {
  options: FeatureOptions;
  threshold: number;
  lexicon: ReadonlySet<string>;
  weights: FeatureTable;
  words?: WordScores;
}

export interface SentenceScore {
  score: number;
  checkWorthy: boolean;
  reasons: string[];
}

export function loadModel(file: WeightsFile): SuggestionModel {
  if (file.format !== 'factcheck-suggestions' || file.version !== 2 || file.hashes.length !== file.weights.length) {
    throw new Error('Not a suggestions weights file of version 2');
  }
  return {
    options: file.options,
    threshold: file.threshold,
    lexicon: new Set(file.lexicon.split(' ')),
    weights: buildFeatureTable(file.hashes, file.weights, file.scale),
    words: file.words ? buildWordScores(file.words) : undefined,
  };
}

const REASON_OF = new Map([...CUES, ...DETAIL_CUES].filter((cue) => cue.reason).map((cue) => [cue.id, cue.reason!]));
/** Said of a check-worthy sentence whose score comes from its wording rather than a named cue. */
export const WORDING_REASON = 'factual wording';

export function scoreSentence(model: SuggestionModel, text: string): SentenceScore {
  const view = sentenceView(text, model.lexicon);
  const fired = firedCues(view, model.options.detail);
  const features = extractFeatures(text, model.options, model.lexicon, view, fired);
  let z = 0;
  for (const [name, value] of features) z += weightOf(model.weights, name) * value;
  if (model.words) z = (1 - model.words.mix) * z + model.words.mix * vectorLogit(model.words, vectorWords(text));
  const score = 1 / (1 + Math.exp(-z));
  const checkWorthy = score >= model.threshold;
  return { score, checkWorthy, reasons: checkWorthy ? reasonsFor(model, fired) : [] };
}

/** The checker's words for the cues that raised the score, strongest first. */
function reasonsFor(model: SuggestionModel, fired: string[]): string[] {
  const ranked = fired
    .map((id) => ({ reason: REASON_OF.get(id), weight: weightOf(model.weights, `q:${id}`) }))
    .filter((r): r is { reason: string; weight: number } => r.reason !== undefined && r.weight > 0)
    .sort((a, b) => b.weight - a.weight);
  const reasons = [...new Set(ranked.map((r) => r.reason))];
  return reasons.length > 0 ? reasons : [WORDING_REASON];
}
