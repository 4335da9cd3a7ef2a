/**
 * Pure arithmetic of the windowed reader: which blocks a long article renders, how tall an unrendered
 * block is guessed to be, the spacers that stand in for the blocks between rendered ones, and the
 * runs of consecutive rendered blocks (highlights are drawn only there).
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
