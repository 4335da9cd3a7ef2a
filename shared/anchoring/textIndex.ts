/**
 * An index of every 8-character piece of a text, built once per text, that finds all occurrences
 * of a needle without scanning the whole text: the needle's rarest piece names a short list of
 * candidate places, each checked verbatim. Answers are exactly those of a linear scan (same
 * places, same order), only cheaper when one article is searched for many claims.
 */

/** Characters per indexed piece. */
const GRAM = 8;
/** Only every STRIDE-th position is indexed (a quarter of the build); a needle is looked up by STRIDE consecutive pieces. */
const STRIDE = 4;
/** Needles shorter than this are searched linearly. */
export const MIN_INDEXED_NEEDLE = GRAM + STRIDE - 1;
/** Texts shorter than this are scanned: indexOf is cheaper than any index there. */
const MIN_INDEXED_LENGTH = 4_096;
/** Texts longer than this are scanned too: the index would cost a byte per character. */
const MAX_INDEXED_LENGTH = 8_000_000;
/** Linear scans of one text before it is worth indexing (one lookup seldom pays for the build). */
const SCANS_BEFORE_INDEX = 4;
/** Groups of needle pieces compared when choosing the rarest. */
const GROUPS_TRIED = 16;
/** Texts remembered (a re-anchoring searches the old and the new version). */
const REMEMBERED = 2;
/** Multiplier of the polynomial rolling hash, and its power GRAM - 1 (to drop the outgoing character). */
const BASE = 0x01000193;
const BASE_TOP = Array.from({ length: GRAM - 1 }).reduce<number>((power) => Math.imul(power, BASE), 1);

export interface TextIndex {
  readonly text: string;
  /** Every start offset of `needle`, verified, ascending, the first `max` of them. */
  findAll(needle: string, max?: number): number[];
}

/** The occurrences of `needle` in `text` by linear scan, overlapping ones included. */
export function scanAll(text: string, needle: string, max = Number.POSITIVE_INFINITY): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let i = text.indexOf(needle); i >= 0 && found.length < max; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

function pieceHash(text: string, at: number): number {
  let h = 0;
  for (let k = 0; k < GRAM; k++) h = (Math.imul(h, BASE) + text.charCodeAt(at + k)) | 0;
  return h;
}

/** Builds the index of a text: every STRIDE-th position, grouped by the hash bucket of the piece starting there. */
export function buildTextIndex(text: string): TextIndex {
  const pieces = Math.max(0, text.length - GRAM + 1);
  const count = Math.ceil(pieces / STRIDE);
  let bits = 8;
  while (1 << bits < count && bits < 24) bits++;
  const shift = 32 - bits;
  const bucketOf = (h: number) => Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> shift;
  const buckets = new Int32Array(count);
  const starts = new Int32Array((1 << bits) + 1);
  let h = 0;
  for (let k = 0; k < GRAM - 1 && k < text.length; k++) h = (Math.imul(h, BASE) + text.charCodeAt(k)) | 0;
  for (let i = 0; i < pieces; i++) {
    h = (Math.imul(h, BASE) + text.charCodeAt(i + GRAM - 1)) | 0;
    if (i % STRIDE === 0) {
      const b = bucketOf(h);
      buckets[i / STRIDE] = b;
      starts[b + 1]++;
    }
    h = (h - Math.imul(text.charCodeAt(i), BASE_TOP)) | 0;
  }
  for (let b = 1; b < starts.length; b++) starts[b] += starts[b - 1];
  const fill = starts.slice(0, starts.length - 1);
  const positions = new Int32Array(count);
  for (let i = 0; i < count; i++) positions[fill[buckets[i]]++] = i * STRIDE;
  const size = (b: number) => starts[b + 1] - starts[b];

  return {
    text,
    findAll(needle, max = Number.POSITIVE_INFINITY) {
      if (needle.length < MIN_INDEXED_NEEDLE) return scanAll(text, needle, max);
      // Every occurrence starts STRIDE-aligned at exactly one of STRIDE consecutive needle offsets:
      // look up the group of offsets whose buckets are smallest.
      const last = needle.length - MIN_INDEXED_NEEDLE;
      const step = Math.max(1, Math.ceil(last / (GROUPS_TRIED - 1)));
      let best: number[] = [];
      let bestSize = Number.POSITIVE_INFINITY;
      for (let from = 0; ; from = Math.min(last, from + step)) {
        const group: number[] = [];
        let total = 0;
        for (let j = from; j < from + STRIDE; j++) {
          const b = bucketOf(pieceHash(needle, j));
          group.push(b, j);
          total += size(b);
        }
        if (total < bestSize) {
          best = group;
          bestSize = total;
        }
        if (from === last) break;
      }
      const found: number[] = [];
      for (let g = 0; g < best.length; g += 2) {
        const [b, j] = [best[g], best[g + 1]];
        for (let p = starts[b]; p < starts[b + 1]; p++) {
          const at = positions[p] - j;
          if (at >= 0 && text.startsWith(needle, at)) found.push(at);
        }
      }
      found.sort((x, y) => x - y);
      return found.length > max ? found.slice(0, max) : found;
    },
  };
}

interface Remembered {
  text: string;
  scans: number;
  index: TextIndex | null;
}
const remembered: Remembered[] = [];

/** The remembered entry of a text (made, and the oldest forgotten, when it is new). */
function rememberedEntry(text: string): Remembered {
  let entry = remembered.find((r) => r.text === text);
  if (!entry) {
    entry = { text, scans: 0, index: null };
    remembered.unshift(entry);
    if (remembered.length > REMEMBERED) remembered.pop();
  }
  return entry;
}

/**
 * Every occurrence of `needle` in `text`. A text searched again and again (one article, many
 * claims) is indexed once and looked up from then on.
 */
export function findAllIn(text: string, needle: string, max = Number.POSITIVE_INFINITY): number[] {
  if (needle === '' || max <= 0) return [];
  if (text.length < MIN_INDEXED_LENGTH || text.length > MAX_INDEXED_LENGTH || needle.length < MIN_INDEXED_NEEDLE) return scanAll(text, needle, max);
  const entry = rememberedEntry(text);
  if (!entry.index) {
    if (++entry.scans <= SCANS_BEFORE_INDEX) return scanAll(text, needle, max);
    entry.index = buildTextIndex(text);
  }
  return entry.index.findAll(needle, max);
}

/**
 * Indexes a text now, for the searches to come (the window does it when idle for the article on
 * screen, so that Mark claim never pays for the index). Returns whether the text is indexed: not one
 * too short or too long to be worth an index.
 */
export function prepareTextIndex(text: string): boolean {
  if (text.length < MIN_INDEXED_LENGTH || text.length > MAX_INDEXED_LENGTH) return false;
  const entry = rememberedEntry(text);
  entry.index ??= buildTextIndex(text);
  return true;
}
