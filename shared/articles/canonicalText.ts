/**
 * The canonical text of an article: its blocks' texts joined by a blank line. Claims anchor to
 * UTF-16 offsets in this text, so it must be computed the same way everywhere.
 */
import type { Block } from '../model';

export const BLOCK_SEPARATOR = '\n\n';

export function joinBlocks(blocks: readonly Pick<Block, 'text'>[]): string {
  return blocks.map((block) => block.text).join(BLOCK_SEPARATOR);
}

/** Offset of each block's first character in the canonical text. */
export function blockStarts(blocks: readonly Pick<Block, 'text'>[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    starts.push(offset);
    offset += block.text.length + BLOCK_SEPARATOR.length;
  }
  return starts;
}

/** Words as a reader counts them: runs of letters/digits (apostrophes and hyphens inside a word keep it whole). */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}\p{M}]+(?:['’\-][\p{L}\p{N}\p{M}]+)*/gu);
  return matches ? matches.length : 0;
}
