/**
 * Measures "Checked before?" on the paraphrase test set (tests/fixtures/archive/paraphrases.json)
 * with synthetic published fact-checks as distractors:
 *   recall@5   — share of same-claim queries whose archived claim is among the first five matches;
 *   sameClaim precision — share of matches (in the first five) marked sameClaim that are the query's claim;
 *   sameClaim recall    — share of same-claim queries whose archived claim is marked sameClaim.
 * Used by the unit test (thresholds), the re-ranker's fitting script and the benchmark.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readClaimReviewFeed, publishedKey, verdictOfRating } from '../../../shared/archive/claimReviewFeed';
import { FactCheckCollection } from '../../../shared/archive/collection';
import { pairFeatures, profileClaim, inverseDocumentFrequency, type PairFeatures } from '../../../shared/archive/features';
import type { RerankerModel } from '../../../shared/archive/reranker';
import { searchFactChecks, ProfileCache, type SearchSource } from '../../../shared/archive/search';
import type { PublishedFactCheck } from '../../../shared/archive/types';
import { syntheticClaimReviews } from './synthetic';

export interface ParaphraseSet {
  archive: { id: string; claim: string; verdict: string }[];
  queries: { text: string; same: string | null; near?: string; kind: string }[];
}

export type Split = 'calibration' | 'test' | 'all';

export const PARAPHRASES_FILE = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'archive', 'paraphrases.json');
/** Written after the word lists and weights were fixed, on other topics; only ever measured (split 'all'). */
export const HELDOUT_FILE = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'archive', 'paraphrases-heldout.json');

export function loadParaphrases(file = PARAPHRASES_FILE): ParaphraseSet {
  return JSON.parse(readFileSync(file, 'utf8')) as ParaphraseSet;
}

/** Archive items at even positions calibrate, odd positions test; queries follow their item. */
export function splitOf(set: ParaphraseSet, query: ParaphraseSet['queries'][number]): Exclude<Split, 'all'> | null {
  const id = query.same ?? query.near;
  if (!id) return 'test';
  const position = set.archive.findIndex((a) => a.id === id);
  return position % 2 === 0 ? 'calibration' : 'test';
}

const URL_PREFIX = 'https://paraphrase.example/';

export interface EvalArchive {
  source: SearchSource<PublishedFactCheck>;
  /** The paraphrase item id of an archive item's url, if it is one. */
  idOf(url: string | undefined): string | undefined;
}

/** The paraphrase set's archive plus `distractors` synthetic fact-checks, as one published collection. */
export function buildEvalArchive(set: ParaphraseSet, distractors = 2000): EvalArchive {
  const collection = new FactCheckCollection<PublishedFactCheck>({ key: publishedKey, text: (f) => f.claimReviewed });
  for (const item of readClaimReviewFeed(syntheticClaimReviews(distractors, 42)).items) collection.put(item);
  for (const a of set.archive) {
    collection.put({ claimReviewed: a.claim, rating: { alternateName: a.verdict }, url: `${URL_PREFIX}${a.id}`, publisher: 'Paraphrase Desk' });
  }
  return {
    source: {
      collection,
      text: (f) => f.claimReviewed,
      toMatch: (f) => ({ statement: f.claimReviewed, verdict: verdictOfRating(f.rating), source: 'archive', url: f.url, publisher: f.publisher }),
    },
    idOf: (url) => (url?.startsWith(URL_PREFIX) ? url.slice(URL_PREFIX.length) : undefined),
  };
}

export interface EvalResult {
  queries: number;
  positives: number;
  recallAt5: number;
  precision: number;
  recall: number;
  /** Same-claim queries missed (not sameClaim on their item), and negatives wrongly matched. */
  misses: { text: string; kind: string; rank: number | null; score: number | null }[];
  falseMatches: { text: string; kind: string; matched: string; score: number }[];
}

export function evaluate(set: ParaphraseSet, archive: EvalArchive, split: Split, options: { model?: RerankerModel; rerank?: boolean } = {}): EvalResult {
  let positives = 0;
  let found = 0;
  let flagged = 0;
  let correct = 0;
  let queries = 0;
  const misses: EvalResult['misses'] = [];
  const falseMatches: EvalResult['falseMatches'] = [];
  for (const q of set.queries) {
    if (split !== 'all' && splitOf(set, q) !== split) continue;
    queries++;
    const matches = searchFactChecks(q.text, [archive.source], { limit: 5, model: options.model, rerank: options.rerank });
    const ids = matches.map((m) => archive.idOf(m.url));
    if (q.same) {
      positives++;
      const rank = ids.indexOf(q.same);
      if (rank >= 0) found++;
      if (rank < 0 || !matches[rank]!.sameClaim) misses.push({ text: q.text, kind: q.kind, rank: rank >= 0 ? rank + 1 : null, score: rank >= 0 ? matches[rank]!.score : null });
    }
    matches.forEach((m, i) => {
      if (!m.sameClaim) return;
      flagged++;
      if (q.same && ids[i] === q.same) correct++;
      else falseMatches.push({ text: q.text, kind: q.kind, matched: m.statement, score: m.score });
    });
  }
  return {
    queries,
    positives,
    recallAt5: positives ? found / positives : 0,
    precision: flagged ? correct / flagged : 1,
    recall: positives ? correct / positives : 0,
    misses,
    falseMatches,
  };
}

/** Labelled feature vectors (candidate is the query's claim or not) over each query's BM25 candidates. */
export interface TrainingPair {
  features: PairFeatures;
  label: 0 | 1;
  /** The hard negative's own topic neighbour: a different claim the query is close to. */
  near: boolean;
}

export function trainingPairs(set: ParaphraseSet, archive: EvalArchive, split: Split, candidates = 40): TrainingPair[] {
  const { collection } = archive.source;
  const cache = new ProfileCache(100_000);
  const idf = (term: string) => inverseDocumentFrequency(collection.index.documentFrequency(term), collection.index.size);
  const out: TrainingPair[] = [];
  for (const q of set.queries) {
    if (split !== 'all' && splitOf(set, q) !== split) continue;
    const profile = profileClaim(q.text);
    for (const c of collection.index.candidates(profile.terms, candidates)) {
      const item = collection.get(c.id)!;
      const id = archive.idOf(item.url);
      const label = q.same !== null && id === q.same ? 1 : 0;
      out.push({ features: pairFeatures(profile, cache.get(item.claimReviewed), idf), label, near: id !== undefined && id === q.near });
    }
  }
  return out;
}
