/**
 * Pure arithmetic of the windowed reader: which blocks a long article renders, how tall an unrendered
 * block is guessed to be, the spacers that stand in for the blocks between rendered ones, and the
 * runs of consecutive rendered blocks (highlights are drawn only there). A long article is windowed
 * by groups of consecutive blocks (a few thousand characters each), so the window keeps and re-places
 * far fewer items than the article has paragraphs, and measures fewer elements as it moves.
 */

/** Articles up to this many characters (about 35,000 words) render every block: nothing to window. */
export const FULL_RENDER_MAX_CHARS = 200_000;

/** Pixels rendered beyond the visible part of the reader, above and below. */
export const OVERSCAN_PX = 1200;

export interface TextMetrics {
  charsPerLine: number;
  lineHeight: number;
  /** Space below a block. */
  gap: number;
}

/** A block's height before it was ever rendered: its wrapped lines at the reader's measure. */
export function estimateBlockHeight(length: number, metrics: TextMetrics): number {
  const lines = Math.max(1, Math.ceil(length / Math.max(10, metrics.charsPerLine)));
  return lines * metrics.lineHeight + metrics.gap;
}

export interface WindowItem {
  index: number;
  start: number;
  end: number;
}

export type WindowPiece = { kind: 'spacer'; key: string; height: number } | { kind: 'block'; item: WindowItem };

/**
 * The reader body's children: each rendered block (in index order) with spacers for the unrendered
 * ones before, between and after, so the body is as tall as the whole article. `origin` is where the
 * body starts in the positions' frame.
 */
export function windowPieces(items: readonly WindowItem[], origin: number, totalEnd: number): WindowPiece[] {
  const pieces: WindowPiece[] = [];
  let at = origin;
  for (const item of items) {
    if (item.start > at + 0.5) pieces.push({ kind: 'spacer', key: `gap-${item.index}`, height: item.start - at });
    pieces.push({ kind: 'block', item });
    at = Math.max(at, item.end);
  }
  if (totalEnd > at + 0.5) pieces.push({ kind: 'spacer', key: 'gap-end', height: totalEnd - at });
  return pieces;
}

/** Sorted block indexes → runs of consecutive ones, as [first, last]. */
export function renderedRuns(indexes: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const index of indexes) {
    const last = runs.at(-1);
    if (last && index === last[1] + 1) last[1] = index;
    else if (!last || index > last[1]) runs.push([index, index]);
  }
  return runs;
}

/**
 * The items within `margin` pixels of the visible ones (indexes `visible.startIndex`…`endIndex`),
 * by their measured places: the items a short article, rendered whole, draws highlights in.
 */
export function nearItems(places: ReadonlyArray<{ start: number; end: number }>, visible: { startIndex: number; endIndex: number } | null, margin: number): number[] {
  if (!visible || places.length === 0) return [];
  const firstVisible = Math.max(0, Math.min(visible.startIndex, places.length - 1));
  const lastVisible = Math.max(firstVisible, Math.min(visible.endIndex, places.length - 1));
  const top = places[firstVisible]!.start - margin;
  const bottom = places[lastVisible]!.end + margin;
  let first = firstVisible;
  while (first > 0 && places[first - 1]!.end > top) first--;
  let last = lastVisible;
  while (last < places.length - 1 && places[last + 1]!.start < bottom) last++;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The canonical-text interval [from, to) that a run of blocks covers. */
export function runInterval(run: readonly [number, number], starts: readonly number[], lengths: readonly number[]): [number, number] {
  return [starts[run[0]], starts[run[1]] + lengths[run[1]]];
}

/** Block indexes to keep rendered besides the window (where a selection starts and ends), sorted, without duplicates. */
export function withKept(indexes: readonly number[], kept: readonly number[], count: number): number[] {
  const extra = kept.filter((index) => index >= 0 && index < count && !indexes.includes(index));
  if (extra.length === 0) return [...indexes];
  return [...new Set([...indexes, ...extra])].sort((a, b) => a - b);
}

/** A group of a long article's blocks holds up to this many characters (one longer block is a group alone)… */
export const GROUP_MAX_CHARS = 2400;
/** …and up to this many blocks (many one-line blocks). */
export const GROUP_MAX_BLOCKS = 24;

/**
 * Consecutive blocks into groups: the first block index of each group, then the block count (so
 * group g holds blocks starts[g] .. starts[g + 1] - 1). A block starts a new group when adding it
 * would pass `maxChars` or `maxBlocks`; `maxChars` 0 gives one block per group.
 */
export function groupBlocks(lengths: ArrayLike<number>, maxChars: number, maxBlocks: number): Int32Array {
  const starts: number[] = [];
  let chars = 0;
  let blocks = 0;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!;
    if (blocks === 0 || chars + length > maxChars || blocks >= maxBlocks) {
      starts.push(i);
      chars = 0;
      blocks = 0;
    }
    chars += length;
    blocks++;
  }
  starts.push(lengths.length);
  return Int32Array.from(starts);
}

/** The group holding a block (binary search over the groups' first blocks). */
export function groupOf(starts: ArrayLike<number>, block: number): number {
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= block) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The block indexes of sorted group indexes, sorted. */
export function blocksOfGroups(groups: readonly number[], starts: ArrayLike<number>): number[] {
  const blocks: number[] = [];
  for (const group of groups) for (let block = starts[group]!; block < starts[group + 1]!; block++) blocks.push(block);
  return blocks;
}
