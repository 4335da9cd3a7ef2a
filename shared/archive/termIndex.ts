/**
 * The BM25 index of one collection of claims (minisearch over the archive's own terms), with the
 * document frequency of every term for the re-ranker's word weights. Updated one claim at a time
 * and saved as a snapshot (minisearch's own serialisation), so it is never rebuilt on start.
 *
 * A query asks minisearch only for its rarest terms, up to a budget of postings: the candidates
 * that matter share the rare words, and scoring every claim that mentions "2020" or "people" in a
 * large archive is what makes a query slow. The re-ranker still compares every word.
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { indexTerms } from './words';

interface IndexedClaim {
  id: number;
  terms: string;
}

export interface TermIndexSnapshot {
  minisearch: AsPlainObject;
  /** Documents per term. */
  df: Record<string, number>;
}

/**
 * Bump when words.ts, numbers.ts or vocabulary.ts change the terms a text gives: a saved index made
 * with other terms is then rebuilt from its items (its terms could not be removed correctly).
 */
export const ANALYZER_VERSION = 1;

/** Postings (claims per term, summed) a query may touch; its rarest terms are always asked. */
export const POSTINGS_BUDGET = 4000;
const MIN_QUERY_TERMS = 2;

export interface Candidate {
  id: number;
  /** BM25 score (comparable only within one index and one query). */
  bm25: number;
}

// Documents and queries arrive as terms already analysed (words.ts), joined by spaces.
const splitTerms = (terms: string) => terms.split(' ').filter(Boolean);
const OPTIONS = {
  fields: ['terms'],
  storeFields: [] as string[],
  tokenize: splitTerms,
  processTerm: (term: string) => term,
  searchOptions: { tokenize: splitTerms, processTerm: (term: string) => term, combineWith: 'OR' as const },
};

export class TermIndex {
  private readonly search: MiniSearch<IndexedClaim>;
  private readonly df: Map<string, number>;

  private constructor(search: MiniSearch<IndexedClaim>, df: Map<string, number>) {
    this.search = search;
    this.df = df;
  }

  static empty(): TermIndex {
    return new TermIndex(new MiniSearch<IndexedClaim>(OPTIONS), new Map());
  }

  static fromSnapshot(snapshot: TermIndexSnapshot): TermIndex {
    return new TermIndex(MiniSearch.loadJS<IndexedClaim>(snapshot.minisearch, OPTIONS), new Map(Object.entries(snapshot.df)));
  }

  get size(): number {
    return this.search.documentCount;
  }

  has(id: number): boolean {
    return this.search.has(id);
  }

  add(id: number, text: string): void {
    const terms = indexTerms(text);
    this.search.add({ id, terms: terms.join(' ') });
    for (const term of new Set(terms)) this.df.set(term, (this.df.get(term) ?? 0) + 1);
  }

  /** Removes a claim; `text` must be the text it was added with. */
  remove(id: number, text: string): void {
    if (!this.search.has(id)) return;
    const terms = indexTerms(text);
    this.search.remove({ id, terms: terms.join(' ') });
    for (const term of new Set(terms)) {
      const left = (this.df.get(term) ?? 0) - 1;
      if (left > 0) this.df.set(term, left);
      else this.df.delete(term);
    }
  }

  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** The `limit` best claims by BM25 for these (already analysed) terms, rarest terms first within the budget. */
  candidates(terms: readonly string[], limit: number, budget = POSTINGS_BUDGET): Candidate[] {
    const known = [...new Set(terms)].filter((term) => this.documentFrequency(term) > 0);
    if (known.length === 0) return [];
    known.sort((a, b) => this.documentFrequency(a) - this.documentFrequency(b));
    const asked: string[] = [];
    let postings = 0;
    for (const term of known) {
      const df = this.documentFrequency(term);
      if (asked.length >= MIN_QUERY_TERMS && postings + df > budget) break;
      asked.push(term);
      postings += df;
    }
    const results = this.search.search(asked.join(' '));
    const out: Candidate[] = [];
    for (let i = 0; i < results.length && i < limit; i++) out.push({ id: results[i]!.id as number, bm25: results[i]!.score });
    return out;
  }

  toSnapshot(): TermIndexSnapshot {
    return { minisearch: this.search.toJSON(), df: Object.fromEntries(this.df) };
  }
}
