/**
 * "Checked before?": BM25 over every collection for recall, then the re-ranker over the best
 * candidates with word weights from all collections together; best first, each with its
 * probability of being the same claim and the sameClaim judgement.
 */
import type { FactCheckCollection } from './collection';
import { inverseDocumentFrequency, pairFeatures, profileClaim, type ClaimProfile } from './features';
import { RERANKER, sameClaimProbability, type RerankerModel } from './reranker';
import type { CheckedBeforeMatch } from './types';

export type MatchFields = Omit<CheckedBeforeMatch, 'score' | 'sameClaim'>;

export interface SearchSource<T> {
  collection: FactCheckCollection<T>;
  text(item: T): string;
  toMatch(item: T): MatchFields;
  /** Leave an item out (the claim being checked, when it has a verdict itself). */
  skip?(item: T): boolean;
}

export interface SearchOptions {
  limit?: number;
  /** BM25 candidates re-ranked per collection. */
  candidates?: number;
  /** Matches scoring below this are not returned. */
  minScore?: number;
  model?: RerankerModel;
  /** False: BM25 order only (the benchmark's and the evaluation's baseline). */
  rerank?: boolean;
}

export const DEFAULT_LIMIT = 10;
export const DEFAULT_CANDIDATES = 40;
export const MIN_SCORE = 0.05;

/** Profiles of archived claims, kept between queries (bounded). */
export class ProfileCache {
  private readonly profiles = new Map<string, ClaimProfile>();
  constructor(private readonly max = 5000) {}

  get(text: string): ClaimProfile {
    let profile = this.profiles.get(text);
    if (!profile) {
      if (this.profiles.size >= this.max) this.profiles.clear();
      profile = profileClaim(text);
      this.profiles.set(text, profile);
    }
    return profile;
  }
}

const sharedCache = new ProfileCache();

export function searchFactChecks(
  query: string,
  sources: readonly SearchSource<any>[],
  options: SearchOptions = {},
  cache: ProfileCache = sharedCache,
): CheckedBeforeMatch[] {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const model = options.model ?? RERANKER;
  const rerank = options.rerank ?? true;
  const minScore = options.minScore ?? (rerank ? MIN_SCORE : 0);
  const profile = profileClaim(query);
  if (profile.terms.length === 0) return [];

  const documentCount = sources.reduce((sum, s) => sum + s.collection.index.size, 0);
  const idf = (term: string) =>
    inverseDocumentFrequency(
      sources.reduce((sum, s) => sum + s.collection.index.documentFrequency(term), 0),
      documentCount,
    );

  const scored: CheckedBeforeMatch[] = [];
  for (const source of sources) {
    const candidates = source.collection.index.candidates(profile.terms, options.candidates ?? DEFAULT_CANDIDATES);
    const best = candidates[0]?.bm25 ?? 1;
    for (const candidate of candidates) {
      const item = source.collection.get(candidate.id);
      if (item === undefined || source.skip?.(item)) continue;
      let score: number;
      if (rerank) {
        score = sameClaimProbability(pairFeatures(profile, cache.get(source.text(item)), idf), model);
      } else {
        score = candidate.bm25 / best;
      }
      if (score < minScore) continue;
      scored.push({ ...source.toMatch(item), score, sameClaim: rerank && score >= model.threshold });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map((m) => ({ ...m, score: Math.round(m.score * 1000) / 1000 }));
}

/** One earlier fact-check, whichever query found it. */
function matchKey(match: CheckedBeforeMatch): string {
  return [match.source, match.url ?? '', match.project ?? '', match.statement].join('\n');
}

/**
 * The matches of several queries for one claim (its statement and its quote) as one list: each
 * fact-check once with its best score, same claim when any query found it so; best first.
 */
export function mergeMatches(lists: readonly (readonly CheckedBeforeMatch[])[], limit = DEFAULT_LIMIT): CheckedBeforeMatch[] {
  const best = new Map<string, CheckedBeforeMatch>();
  for (const list of lists) {
    for (const match of list) {
      const key = matchKey(match);
      const known = best.get(key);
      if (!known) best.set(key, match);
      else best.set(key, { ...(match.score > known.score ? match : known), sameClaim: known.sameClaim || match.sameClaim });
    }
  }
  return [...best.values()].sort((a, b) => Number(b.sameClaim) - Number(a.sameClaim) || b.score - a.score).slice(0, limit);
}
