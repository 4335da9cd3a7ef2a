/**
 * Numbers in a claim, however they are written: "4,000", "4k", "1.5 million", "£2bn", "75%",
 * "seventy-five", "two thousand and twelve", "a dozen", "half", "two thirds". Pure: used by the
 * archive's tokenizer (so "four thousand" and "4,000" meet in the index) and by the re-ranker.
 */

export interface NumberMention {
  value: number;
  /** UTF-16 offsets of the mention in the text it was found in. */
  start: number;
  end: number;
  /** Written as a fraction word ("a third"): compare with a looser tolerance. */
  approx?: boolean;
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, crore: 1e7 };
/** Suffixes glued to digits: 4k, £5m, 3bn, 2tn. */
const SUFFIXES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, b: 1e9, bn: 1e9, tn: 1e12 };
/** Fractions, as percentages (a claim says "half" where another says "50%"). */
const FRACTIONS: Record<string, number> = {
  half: 50, halves: 50, third: 100 / 3, thirds: 100 / 3, quarter: 25, quarters: 25, fifth: 20, fifths: 20,
  tenth: 10, tenths: 10,
};

const DIGITS =
  /(?<![\p{L}\p{N}.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:(k|mn|m|bn|b|tn)(?![\p{L}\p{N}])|\s+(thousand|million|billion|trillion|lakh|crore)\b|(?![\p{L}\p{N}]))/giu;
/** "2019-20": the second year written short. */
const YEAR_RANGE = /\b((?:19|20)\d{2})[-\u2013/](\d{2})\b(?![-\u2013/]?\d)/g;
/** "one in five", "3 in 10": a share, read as a percentage too. */
const SHARE = /\b(one|two|three|four|five|six|seven|eight|nine|\d{1,2}) (?:in|out of) (?:every )?(two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\d{1,3})\b/g;
const WORD = /[a-z]+(?:-[a-z]+)*/g;
/** A cheap first look: most claims have no number written in words. */
const MAY_HAVE_NUMBER_WORDS =
  /(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|lakh|crore|dozen|half|halves|third|quarter|fifth|tenth)/;

function isNumberWord(word: string): boolean {
  return word in UNITS || word in TENS || word === 'hundred' || word in SCALES || word === 'dozen';
}

/** Every number mentioned in `text`, in order of appearance. */
export function extractNumbers(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(DIGITS)) {
    const whole = m[1]!.replace(/,/g, '');
    let value = Number(m[2] ? `${whole}.${m[2]}` : whole);
    const suffix = m[3] ?? m[4];
    if (suffix) value *= SUFFIXES[suffix] ?? SCALES[suffix] ?? 1;
    if (Number.isFinite(value)) found.push({ value, start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of lower.matchAll(YEAR_RANGE)) {
    const shortStart = m.index! + m[1]!.length + 1;
    const year = Number(`${m[1]!.slice(0, 2)}${m[2]}`);
    const short = found.find((n) => n.start === shortStart);
    if (short && year > Number(m[1])) short.value = year;
  }
  // "1.5 million" was read with its digits; its scale word is not a number of its own.
  const overlaps = (w: NumberMention) => found.some((d) => w.start < d.end && d.start < w.end);
  const words = MAY_HAVE_NUMBER_WORDS.test(lower) ? wordNumbers(lower).filter((w) => !overlaps(w)) : [];
  const all = [...found, ...words];
  if (lower.includes(' in ') || lower.includes(' out of ')) for (const m of lower.matchAll(SHARE)) {
    const part = UNITS[m[1]!] ?? Number(m[1]);
    const whole = m[2] === 'hundred' ? 100 : UNITS[m[2]!] ?? TENS[m[2]!] ?? Number(m[2]);
    if (part > 0 && whole > part) all.push({ value: (100 * part) / whole, start: m.index!, end: m.index! + m[0].length, approx: true });
  }
  return all.sort((a, b) => a.start - b.start);
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Numbers written in words: runs of number words, "a" before a scale word, fractions. */
function wordNumbers(lower: string): NumberMention[] {
  const words: Word[] = [];
  for (const m of lower.matchAll(WORD)) {
    // "seventy-five" is one number; "well-known" is two words, neither a number.
    const parts = m[0].split('-');
    if (parts.length > 1 && parts.every(isNumberWord)) {
      let offset = m.index!;
      for (const part of parts) {
        words.push({ text: part, start: offset, end: offset + part.length });
        offset += part.length + 1;
      }
    } else {
      words.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
    }
  }
  const out: NumberMention[] = [];
  let i = 0;
  while (i < words.length) {
    const fraction = readFraction(words, i);
    if (fraction) {
      out.push(fraction.mention);
      i = fraction.next;
      continue;
    }
    const run = readRun(words, i);
    if (run) {
      out.push(run.mention);
      i = run.next;
      continue;
    }
    i++;
  }
  return out;
}

/** "half", "half a million", "a third", "two thirds", "three quarters" (not "the third", an ordinal). */
function readFraction(words: Word[], i: number): { mention: NumberMention; next: number } | null {
  const first = words[i]!;
  if (first.text === 'half') {
    const a = words[i + 1];
    const scale = words[i + 2];
    if (a?.text === 'a' && scale && scale.text in SCALES) {
      return { mention: { value: SCALES[scale.text]! / 2, start: first.start, end: scale.end }, next: i + 3 };
    }
    return { mention: { value: 50, start: first.start, end: first.end, approx: true }, next: i + 1 };
  }
  const count = first.text === 'a' || first.text === 'an' ? 1 : UNITS[first.text];
  const unit = words[i + 1];
  if (count === undefined || count === 0 || !unit || !(unit.text in FRACTIONS)) return null;
  // "a third" / "one half" take the singular, "two thirds" the plural.
  const singular = !unit.text.endsWith('s');
  if (count === 1 ? !singular : singular) return null;
  return { mention: { value: count * FRACTIONS[unit.text]!, start: first.start, end: unit.end, approx: true }, next: i + 2 };
}

/** A run such as "one hundred and twenty thousand", "seventy five", "a million", "a dozen". */
function readRun(words: Word[], i: number): { mention: NumberMention; next: number } | null {
  let j = i;
  let total = 0;
  let current = 0;
  let any = false;
  let lastEnd = words[i]!.end;
  // "a" / "an" counts as one only right before a scale word: "a million", "a hundred", "a dozen".
  const lead = words[j]!.text;
  if ((lead === 'a' || lead === 'an') && words[j + 1] && (words[j + 1]!.text === 'hundred' || words[j + 1]!.text in SCALES || words[j + 1]!.text === 'dozen')) {
    current = 1;
    j++;
  }
  for (; j < words.length; j++) {
    const w = words[j]!.text;
    if (w === 'and' && any && words[j + 1]?.text === 'a' && words[j + 2]?.text === 'half') {
      // "three and a half (million)"
      current += 0.5;
      j += 2;
      lastEnd = words[j]!.end;
      continue;
    }
    if (w === 'and' && any && j + 1 < words.length && (words[j + 1]!.text in UNITS || words[j + 1]!.text in TENS)) continue;
    if (w in UNITS) {
      // "five six" is two numbers; "twenty five" is one.
      if (any && current % 10 !== 0 && current < 100 && current !== 0) break;
      if (any && current >= 10 && current < 20) break;
      current += UNITS[w]!;
    } else if (w in TENS) {
      if (any && current % 100 !== 0) break;
      current += TENS[w]!;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
    } else if (w === 'dozen') {
      current = (current || 1) * 12;
    } else if (w in SCALES) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
    } else {
      break;
    }
    any = true;
    lastEnd = words[j]!.end;
  }
  if (!any) return null;
  return { mention: { value: total + current, start: words[i]!.start, end: lastEnd }, next: j };
}

/** Same number: equal, or within rounding of a fraction word ("a third" = 33%, "half" = 50%). */
export function sameNumber(a: NumberMention, b: NumberMention): boolean {
  if (a.approx || b.approx) return Math.abs(a.value - b.value) <= 1.5;
  // Exact otherwise: 2015 is not 2022, and 3.5% is not 3.6%.
  const scale = Math.max(Math.abs(a.value), Math.abs(b.value));
  return Math.abs(a.value - b.value) <= scale * 1e-9;
}

/** The number as an index term: "n:4000", "n:1500000", "n:33.3333". */
export function numberTerm(value: number): string {
  return `n:${Number(value.toPrecision(6))}`;
}
