/**
 * What the re-ranker knows about a pair of claims: how much of each one's rare words the other
 * shares, and whether they agree on numbers, names, negation and the direction of a change.
 * Same topic is not same claim: "pensions in New Zealand" and "pensions in Wisconsin" share the
 * words but disagree on a name.
 */
import { compareNames, extractNames, type NameMention } from './entities';
import { sameNumber, type NumberMention } from './numbers';
import { analyzeWords, type WordAnalysis } from './words';

export interface ClaimProfile extends WordAnalysis {
  names: NameMention[];
}

export function profileClaim(text: string): ClaimProfile {
  return { ...analyzeWords(text), names: extractNames(text) };
}

/** The re-ranker's inputs for one query–candidate pair (all in 0..1). */
export interface PairFeatures {
  /** Share of the query's word weight (IDF) that the candidate has. */
  cover: number;
  /** Share of the candidate's word weight that the query has. */
  coverBack: number;
  /** Some number appears in both. */
  numberMatch: number;
  /** Each side has a number the other lacks: "75 deaths" / "57 deaths". */
  numberConflict: number;
  /** Only one side has numbers the other lacks (a shortened claim). */
  numberMissing: number;
  /** Some name appears in both. */
  nameMatch: number;
  /** Each side names someone or somewhere the other does not: New Zealand / Wisconsin. */
  nameConflict: number;
  /** Only one side has names the other lacks. */
  nameMissing: number;
  /** One is negated, the other not. */
  negation: number;
  /** One says up, the other down. */
  direction: number;
}

export const FEATURE_NAMES = [
  'cover',
  'coverBack',
  'numberMatch',
  'numberConflict',
  'numberMissing',
  'nameMatch',
  'nameConflict',
  'nameMissing',
  'negation',
  'direction',
] as const satisfies readonly (keyof PairFeatures)[];

function weightedShare(from: ReadonlySet<string>, to: ReadonlySet<string>, idf: (term: string) => number): number {
  let total = 0;
  let shared = 0;
  for (const word of from) {
    const weight = idf(word);
    total += weight;
    if (to.has(word)) shared += weight;
  }
  return total > 0 ? shared / total : 0;
}

function unmatchedNumbers(a: readonly NumberMention[], b: readonly NumberMention[]): number {
  return a.filter((n) => !b.some((m) => sameNumber(n, m))).length;
}

export function pairFeatures(query: ClaimProfile, candidate: ClaimProfile, idf: (term: string) => number): PairFeatures {
  const qOnlyNumbers = unmatchedNumbers(query.numbers, candidate.numbers);
  const cOnlyNumbers = unmatchedNumbers(candidate.numbers, query.numbers);
  const sharedNumbers = query.numbers.length - qOnlyNumbers;
  const qNames = compareNames(query.names, candidate);
  const cNames = compareNames(candidate.names, query);
  const qOnlyNames = qNames.unmatched + qNames.clashing;
  const cOnlyNames = cNames.unmatched + cNames.clashing;
  const sharedNames = qNames.shared;
  const opposite =
    (query.direction === 'up' && candidate.direction === 'down') || (query.direction === 'down' && candidate.direction === 'up');
  return {
    cover: weightedShare(query.words, candidate.words, idf),
    coverBack: weightedShare(candidate.words, query.words, idf),
    numberMatch: sharedNumbers > 0 ? 1 : 0,
    numberConflict: qOnlyNumbers > 0 && cOnlyNumbers > 0 ? 1 : 0,
    numberMissing: (qOnlyNumbers > 0) !== (cOnlyNumbers > 0) ? 1 : 0,
    nameMatch: sharedNames > 0 ? 1 : 0,
    nameConflict: qOnlyNames > 0 && cOnlyNames > 0 ? 1 : 0,
    nameMissing: (qOnlyNames > 0) !== (cOnlyNames > 0) ? 1 : 0,
    negation: query.negated !== candidate.negated ? 1 : 0,
    direction: opposite ? 1 : 0,
  };
}

/** Inverse document frequency (BM25's form): rare words weigh more. */
export function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
