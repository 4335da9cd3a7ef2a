/**
 * Sentence boundaries in an article's canonical text, as UTF-16 offsets into that text. A blank
 * line (between blocks) always ends a sentence; inside a block a sentence ends at . ! ? … (or
 * 。！？ ؟ ۔ । in other scripts) and any closing quotes or brackets, when what follows is not a
 * lower-case letter and the period does not close an abbreviation ("Dr.", "U.S.", "No. 10", "J. F.").
 * Decimals ("3.5") and addresses ("example.com") have no space after the period, so never split.
 */
export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

/** Paragraphs: runs of text between blank lines. */
const BLANK_LINE = /\n[ \t\r\f\v\u00a0]*\n\s*/g;
/** End punctuation, closing quotes and brackets, then the space (or end) after them. */
const TERMINAL = /(?:\.{2,}|[.!?…‼⁇⁈⁉]+|[。！？｡]+|[؟۔।॥]+)(?:["'”’»›)\]}]+)?/gu;
/** Scripts whose full stop needs no space after it. */
const NO_SPACE_TERMINALS = /[。！？｡]$/u;
const OPENERS = /^["'“‘«‹(\[{¿¡\p{Pi}\p{Ps}\p{Cf}]*/u;

/** Always followed by a name or number: never the end of a sentence. */
const TITLES = new Set(
  'mr mrs ms mx dr prof sen sens rep reps gov gen col lt capt cmdr adm sgt cpl pvt maj brig supt insp det rev hon pres messrs mme mlle st ste mt ft vs v cf viz approx ca esp incl dept univ assn bros e.g i.e'.split(' '),
);
/** Abbreviations that end a sentence only when no number follows ("No. 10", "p. 12", "Jan. 6"). */
const BEFORE_NUMBERS = new Set('no nos nr vol vols p pp fig figs art sec ch para op ed eds jan feb mar apr jun jul aug sep sept oct nov dec tel est'.split(' '));
/** Abbreviations that may end a sentence: they do when a typical sentence opening follows. */
const MAY_END = new Set('jr sr inc ltd co corp llc plc etc al bros a.m p.m u.s u.k u.n e.u u.s.a d.c'.split(' '));
const SENTENCE_OPENERS = new Set(
  'the a an he she it we they i you this that these those there then but and so yet or in on at for if when while what why how who after before since as now however meanwhile still also his her its our their my your some many most no not one two three four five six seven eight nine ten'.split(' '),
);

function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}\p{N}.]/u.test(text[i - 1])) i--;
  return text.slice(i, dot);
}

function nextWord(text: string, from: number): string {
  const m = /^[\p{L}\p{N}]+/u.exec(text.slice(from, from + 40));
  return m ? m[0] : '';
}

/** Whether a single period at `dot` (followed by space, then `next` at `nextIndex`) ends a sentence. */
function periodEnds(text: string, dot: number, nextIndex: number): boolean {
  const before = wordBefore(text, dot);
  const lower = before.toLowerCase();
  const next = nextWord(text, nextIndex);
  const nextIsNumber = /^\p{N}/u.test(next);
  const nextOpensSentence = SENTENCE_OPENERS.has(next.toLowerCase()) && /^\p{Lu}/u.test(next);
  if (TITLES.has(lower)) return false;
  if (BEFORE_NUMBERS.has(lower)) return !nextIsNumber;
  if (MAY_END.has(lower)) return nextOpensSentence;
  // Initials ("John F. Kennedy", "J. K. Rowling") and dotted acronyms ("U.S.", "N.A.T.O.").
  if (/^\p{Lu}$/u.test(before)) return nextOpensSentence && !/\p{Lu}\.\s*$/u.test(text.slice(Math.max(0, dot - 4), dot - 1));
  if (/^(?:\p{L}\.)+\p{L}$/u.test(before)) return nextOpensSentence;
  return true;
}

function endsHere(text: string, match: RegExpExecArray, limit: number): number | null {
  const end = match.index + match[0].length;
  const punctuation = match[0].replace(/["'”’»›)\]}]+$/u, '');
  if (NO_SPACE_TERMINALS.test(punctuation)) return end;
  let i = end;
  while (i < limit && /\s/.test(text[i])) i++;
  if (i === end && i < limit) return null; // "3.5", "example.com", "?!x"
  if (i >= limit) return end;
  const openers = OPENERS.exec(text.slice(i, i + 8))?.[0].length ?? 0;
  const first = text.codePointAt(i + openers);
  const firstChar = first === undefined ? '' : String.fromCodePoint(first);
  if (/\p{Ll}/u.test(firstChar)) return null; // '"Why?" he asked', 'e.g. this', '... and then'
  if (punctuation === '.' && !periodEnds(text, match.index, i + openers)) return null;
  return end;
}

function splitParagraph(text: string, from: number, to: number, out: SentenceSpan[]): void {
  let start = from;
  TERMINAL.lastIndex = from;
  for (let m = TERMINAL.exec(text); m && m.index < to; m = TERMINAL.exec(text)) {
    const end = endsHere(text, m, to);
    if (end === null || end > to) continue;
    push(text, start, end, out);
    start = end;
    TERMINAL.lastIndex = end;
  }
  push(text, start, to, out);
}

function push(text: string, start: number, end: number, out: SentenceSpan[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) out.push({ start, end, text: text.slice(start, end) });
}

export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) {
    splitParagraph(text, start, m.index, out);
    start = m.index + m[0].length;
  }
  splitParagraph(text, start, text.length, out);
  return out;
}
