/**
 * Names in a claim (people, places, bodies), found without a model: runs of capitalised words,
 * acronyms and known place names, with titles dropped ("President Biden" → "biden") and other
 * names folded ("U.S.", "America" → "united states"). A sentence's first word counts only when it
 * looks like a name (a known place, an acronym, part of a longer name, or no common word ending).
 */
import { canonicalWord, normalizeText } from './words';
import { GENERIC_NAME_WORDS, KNOWN_PLACES, NAME_ALIASES, STOPWORDS, SYNONYM_GROUPS, TITLES } from './vocabulary';

export interface NameMention {
  /** The name, lower-case, aliases resolved: "new zealand", "biden". */
  name: string;
  /** Its words that identify it alone (not "new", "state", …); empty for names such as "united states". */
  keys: string[];
  /**
   * Only a capitalised first word of a sentence ("Crime", "Net", or "Biden"): it counts when the
   * other claim has it too, and is no evidence of a different claim when it does not.
   */
  weak?: boolean;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
const COMMON_ENDINGS = /(?:tion|sion|ment|ness|ity|ing|ed|ly|ers|ies|ance|ence|ism|ship|ists?|ous|ive|able|ible|al|ful|less|est|ure|age)$/;
const SYNONYM_WORDS = new Set(SYNONYM_GROUPS.flat());

interface Token {
  text: string;
  start: number;
  end: number;
  sentenceStart: boolean;
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) && word.length > 1;
}

function isAcronym(word: string): boolean {
  return /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}s?$/u.test(word);
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const gap = text.slice(previousEnd, m.index);
    const sentenceStart = out.length === 0 || /[.!?:;\n]/.test(gap);
    out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length, sentenceStart });
    previousEnd = m.index! + m[0].length;
  }
  return out;
}

function isKnownName(word: string): boolean {
  const lower = word.toLowerCase();
  return KNOWN_PLACES.has(lower) || lower in NAME_ALIASES || isAcronym(word);
}

/** A sentence's first word that may be a name rather than an ordinary capitalised word. */
function looksLikeName(word: string): boolean {
  const lower = word.toLowerCase();
  if (isKnownName(word)) return true;
  if (STOPWORDS.has(lower) || TITLES.has(lower) || SYNONYM_WORDS.has(lower) || SYNONYM_WORDS.has(lower.replace(/s$/, ''))) return false;
  return !COMMON_ENDINGS.test(lower) && !/s$/.test(lower);
}

function canonicalName(parts: string[]): string {
  const joined = parts
    .map((p) => p.replace(/'s$/i, '').replace(/'$/, ''))
    .join(' ')
    .toLowerCase();
  const alias = NAME_ALIASES[joined] ?? NAME_ALIASES[joined.replace(/\.$/, '')];
  return alias ?? joined.replace(/\./g, '');
}

export function extractNames(input: string): NameMention[] {
  const text = normalizeText(input);
  const all = tokens(text);
  const found = new Map<string, NameMention>();
  let i = 0;
  while (i < all.length) {
    const first = all[i]!;
    if (!isCapitalised(first.text) && !isAcronym(first.text)) {
      i++;
      continue;
    }
    // A run of capitalised words joined only by spaces (and "of": "Bank of England").
    const run: Token[] = [first];
    let j = i + 1;
    while (j < all.length) {
      const next = all[j]!;
      const gap = text.slice(all[j - 1]!.end, next.start);
      if (!/^\s+$/.test(gap) || next.sentenceStart) break;
      if (isCapitalised(next.text) || isAcronym(next.text)) {
        run.push(next);
        j++;
      } else if (next.text === 'of' && all[j + 1] && isCapitalised(all[j + 1]!.text) && /^\s+$/.test(text.slice(next.end, all[j + 1]!.start))) {
        run.push(next);
        j++;
      } else break;
    }
    i = j;
    // Titles and leading articles are not the name: "President Biden" is Biden.
    let parts = run.map((t) => t.text);
    let startsSentence = first.sentenceStart;
    while (parts.length && (TITLES.has(parts[0]!.toLowerCase()) || STOPWORDS.has(parts[0]!.toLowerCase()))) {
      parts = parts.slice(1);
      startsSentence = false;
    }
    if (!parts.length) continue;
    const bare = parts[0]!.replace(/'s?$/i, '');
    if (startsSentence && parts.length === 1 && !looksLikeName(bare)) continue;
    const weak = startsSentence && parts.length === 1 && !isKnownName(bare);
    const name = canonicalName(parts);
    if (!name || found.has(name)) continue;
    const keys = name
      .split(' ')
      .filter((w) => w.length > 1 && !GENERIC_NAME_WORDS.has(w) && !TITLES.has(w))
      .map((w) => NAME_ALIASES[w] ?? w)
      .filter((w) => !w.includes(' '));
    found.set(name, weak ? { name, keys, weak } : { name, keys });
  }
  return [...found.values()];
}

export interface NameContext {
  names: readonly NameMention[];
  rawWords: ReadonlySet<string>;
  words: ReadonlySet<string>;
}

function keyAppears(key: string, other: NameContext): boolean {
  if (other.rawWords.has(key) || other.words.has(canonicalWord(key))) return true;
  return other.names.some((n) => n.keys.includes(key));
}

/**
 * How the names of one claim fare in another: `shared` names found there (by name, or by a word
 * that identifies them), `unmatched` names not found at all, and `clashing` names that share a word
 * with a name there but each has a word the other lacks ("Peruvian Amazon" / "Brazilian Amazon";
 * not "Barack Obama" / "Obama").
 */
export function compareNames(names: readonly NameMention[], other: NameContext): { shared: number; unmatched: number; clashing: number } {
  let shared = 0;
  let unmatched = 0;
  let clashing = 0;
  for (const name of names) {
    if (other.names.some((n) => n.name === name.name)) {
      shared++;
      continue;
    }
    const missing = name.keys.filter((key) => !keyAppears(key, other));
    if (name.keys.length === 0 || missing.length === name.keys.length) {
      if (!name.weak) unmatched++;
      continue;
    }
    shared++;
    if (missing.length === 0) continue;
    // Partly found: a clash when the name it shares a word with has a word of its own too.
    const counterpart = other.names.find((n) => n.keys.some((k) => name.keys.includes(k)));
    if (counterpart && counterpart.keys.some((k) => !name.keys.includes(k))) clashing++;
  }
  return { shared, unmatched, clashing };
}
