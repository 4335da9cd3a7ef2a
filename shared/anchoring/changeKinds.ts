/**
 * What kind of change turned one wording of a passage into another: a number, a negation, a name,
 * or other wording. Used to flag claims whose words changed after an article update.
 */
import { words } from './tokens';

export type ChangeKind = 'number' | 'negation' | 'name' | 'wording';
const ORDER: readonly ChangeKind[] = ['number', 'negation', 'name', 'wording'];

const NUMBER_WORDS = new Set(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds ' +
    'thousand thousands million millions billion billions trillion trillions dozen dozens ' +
    'half halves quarter quarters third thirds first second fifth tenth twice thrice double triple ' +
    'several few many most all percent majority minority'
  ).split(' '),
);

const NEGATION_WORDS = new Set(
  (
    'not no never none nobody nothing neither nor nowhere without cannot nay ' +
    'deny denies denied denying denial denials refuse refuses refused refusing reject rejects rejected rejecting ' +
    'dispute disputes disputed disputing false untrue'
  ).split(' '),
);

/** Auxiliaries that come and go with a negation ("did not deny" → "denied"). */
const AUXILIARIES = new Set('do does did is are was were has have had will would can could should may might must be been'.split(' '));

function normal(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

export function isNumberWord(word: string): boolean {
  return /\p{N}/u.test(word) || NUMBER_WORDS.has(normal(word));
}

export function isNegationWord(word: string): boolean {
  const w = normal(word);
  return NEGATION_WORDS.has(w) || w.endsWith("n't");
}

function isName(word: string, index: number, all: readonly string[]): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  const previous = all[index - 1];
  return previous === undefined || !/^[.!?…]$/.test(previous);
}

/** Multiset difference a − b, with each word's index in a. */
function minus(a: readonly string[], b: readonly string[]): number[] {
  const left = new Map<string, number>();
  for (const word of b) left.set(word, (left.get(word) ?? 0) + 1);
  const out: number[] = [];
  a.forEach((word, index) => {
    const n = left.get(word) ?? 0;
    if (n > 0) left.set(word, n - 1);
    else out.push(index);
  });
  return out;
}

/** Each negation word with the word it comes before, in order. */
function negated(all: readonly string[]): string {
  return all
    .map((word, i) => (isNegationWord(word) ? `${normal(word)} ${normal(all[i + 1] ?? '')}` : ''))
    .filter(Boolean)
    .join('|');
}

/** Recent answers: a passage read twice (whole-text diff, then a closer look) is classified once. */
const recent = new Map<string, readonly ChangeKind[]>();
const RECENT = 64;

/** The kinds of change between two wordings (empty when their words are the same). */
export function classifyChanges(before: string, after: string): ChangeKind[] {
  const key = `${before}\u0000${after}`;
  let kinds = recent.get(key);
  if (!kinds) {
    kinds = classify(before, after);
    if (recent.size >= RECENT) recent.clear();
    recent.set(key, kinds);
  }
  return [...kinds];
}

function classify(before: string, after: string): ChangeKind[] {
  const a = words(before);
  const b = words(after);
  const kinds = new Set<ChangeKind>();
  const changed: { word: string; index: number; all: string[] }[] = [
    ...minus(a, b).map((index) => ({ word: a[index], index, all: a })),
    ...minus(b, a).map((index) => ({ word: b[index], index, all: b })),
  ];
  const auxiliaries: string[] = [];
  for (const { word, index, all } of changed) {
    if (isNumberWord(word)) kinds.add('number');
    else if (isNegationWord(word)) kinds.add('negation');
    else if (isName(word, index, all)) kinds.add('name');
    else if (AUXILIARIES.has(normal(word))) auxiliaries.push(word);
    else kinds.add('wording');
  }
  // The same negation words, but negating other words ("not yet have" → "yet have not"): a negation change.
  if (!kinds.has('negation') && negated(a) !== negated(b)) kinds.add('negation');
  if (auxiliaries.length > 0 && !kinds.has('negation')) kinds.add('wording');
  if (kinds.size === 0 && before !== after) kinds.add('wording');
  return ORDER.filter((kind) => kinds.has(kind));
}
