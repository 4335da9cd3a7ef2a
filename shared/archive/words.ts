/**
 * Words of a claim as the archive compares them: lower-case, stemmed (Porter), stopwords out,
 * synonyms folded onto one word, contractions opened ("doesn't" → negation). Numbers are read
 * separately (numbers.ts) and indexed as "n:<value>" terms so "four thousand" meets "4,000".
 */
import { stemmer } from 'stemmer';
import { boundedMemo } from '../boundedMemo';
import { extractNumbers, numberTerm, type NumberMention } from './numbers';
import { DOWN_WORDS, NEGATIONS, STOPWORDS, SYNONYM_GROUPS, UP_WORDS } from './vocabulary';

export interface WordAnalysis {
  /** Index terms in order (repeats kept): canonical words, then number terms. */
  terms: string[];
  /** Canonical content words (no number terms). */
  words: Set<string>;
  /** Every word as written, lower-case, possessives removed (stopwords included). */
  rawWords: Set<string>;
  numbers: NumberMention[];
  /** An odd number of negations: "did not rise", "never", "no". */
  negated: boolean;
  /** The change the claim describes, when it names one. */
  direction: 'up' | 'down' | 'both' | null;
}

const SYNONYMS = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const head = stemmer(group[0]!);
  for (const word of group) SYNONYMS.set(word, head);
}
const UP = new Set(UP_WORDS);
const DOWN = new Set(DOWN_WORDS);

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;
/** "No country has more … than X" states that X has the most: a superlative, not a negation. */
const NEGATING_DETERMINERS = new Set(['no', 'none', 'nobody', 'nothing', 'never']);
const COMPARISON = /\b(?:more|less|fewer|\p{L}+er)\b[^.;]*\bthan\b/u;
const CONTRACTIONS: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall' };

/** Text in one form: compatibility characters folded, curly apostrophes straightened. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'");
}

const stemOf = boundedMemo(stemmer, 100_000);

/** The canonical form of one lower-case word: its synonym group's stem, or its own stem (memoised). */
export function canonicalWord(word: string): string {
  const direct = SYNONYMS.get(word) ?? (word.endsWith('s') ? SYNONYMS.get(word.slice(0, -1)) : undefined);
  return direct || stemOf(word);
}

export function analyzeWords(input: string): WordAnalysis {
  const text = normalizeText(input);
  const numbers = extractNumbers(text);
  // Blank out the numbers so their words and digits are not read again as words.
  let masked = text;
  for (const n of numbers) masked = masked.slice(0, n.start) + ' '.repeat(n.end - n.start) + masked.slice(n.end);

  const terms: string[] = [];
  const words = new Set<string>();
  const rawWords = new Set<string>();
  let negations = 0;
  let determiners = 0;
  let up = false;
  let down = false;
  for (const match of masked.toLowerCase().matchAll(WORD)) {
    let word = match[0];
    if (word.endsWith("n't")) {
      negations++;
      word = word.slice(0, -3);
      word = CONTRACTIONS[word] ?? word;
    }
    word = word.replace(/'s$/, '').replace(/'$/, '');
    if (!word) continue;
    rawWords.add(word);
    if (NEGATIONS.has(word)) {
      negations++;
      if (NEGATING_DETERMINERS.has(word)) determiners++;
      continue;
    }
    if (UP.has(word)) up = true;
    if (DOWN.has(word)) down = true;
    if (STOPWORDS.has(word) || word.length < 2) continue;
    const canonical = canonicalWord(word);
    terms.push(canonical);
    words.add(canonical);
  }
  for (const n of numbers) terms.push(numberTerm(n.value));
  if (determiners > 0 && COMPARISON.test(masked.toLowerCase())) negations -= determiners;
  return {
    terms,
    words,
    rawWords,
    numbers,
    negated: negations % 2 === 1,
    direction: up && down ? 'both' : up ? 'up' : down ? 'down' : null,
  };
}

/** The index terms of a text (minisearch's tokenizer for the archive). */
export function indexTerms(text: string): string[] {
  return analyzeWords(text).terms;
}
