import { describe, expect, it } from 'vitest';
import { rowsWithGaps } from '../../../../renderer/src/virtual/rowGaps';

const row = (index: number, start: number, size = 10) => ({ index, start, end: start + size });
const shape = (items: ReturnType<typeof rowsWithGaps>) => items.map((item) => (item.kind === 'gap' ? `gap ${item.size}` : `row ${item.row.index}`));

describe('rowsWithGaps', () => {
  it('a window in the middle has space before and after it, adding up to the whole height', () => {
    const items = rowsWithGaps([row(5, 150), row(6, 160), row(7, 170)], 100, 100 + 500);
    expect(shape(items)).toEqual(['gap 50', 'row 5', 'row 6', 'row 7', 'gap 420']);
  });

  it('a kept row far from the window gets its own space before it', () => {
    const items = rowsWithGaps([row(0, 0), row(1, 10), row(99, 990)], 0, 1000);
    expect(shape(items)).toEqual(['row 0', 'row 1', 'gap 970', 'row 99']);
  });

  it('a list shown whole has no spacer', () => {
    expect(shape(rowsWithGaps([row(0, 20), row(1, 30)], 20, 40))).toEqual(['row 0', 'row 1']);
    expect(shape(rowsWithGaps([], 0, 0))).toEqual([]);
  });
});
