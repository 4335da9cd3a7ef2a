import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blocksOfGroups, estimateBlockHeight, groupBlocks, groupOf, nearItems, renderedRuns, runInterval, windowPieces, withKept } from '../../../../renderer/src/reader/blockWindow';

describe('the windowed reader’s arithmetic', () => {
  it('estimates a block by its wrapped lines plus the gap below it', () => {
    const metrics = { charsPerLine: 70, lineHeight: 30, gap: 19 };
    expect(estimateBlockHeight(0, metrics)).toBe(49);
    expect(estimateBlockHeight(70, metrics)).toBe(49);
    expect(estimateBlockHeight(71, metrics)).toBe(79);
    expect(estimateBlockHeight(700, metrics)).toBe(319);
  });

  it('puts spacers before, between and after the rendered blocks so the body is as tall as the article', () => {
    const pieces = windowPieces(
      [
        { index: 10, start: 1100, end: 1200 },
        { index: 11, start: 1200, end: 1300 },
        { index: 40, start: 4000, end: 4100 },
      ],
      100,
      9000,
    );
    expect(pieces.map((p) => (p.kind === 'spacer' ? `spacer ${p.height}` : `block ${p.item.index}`))).toEqual([
      'spacer 1000',
      'block 10',
      'block 11',
      'spacer 2700',
      'block 40',
      'spacer 4900',
    ]);
  });

  it('renders every block of a short article without spacers', () => {
    const items = [0, 1, 2].map((index) => ({ index, start: 50 + index * 10, end: 60 + index * 10 }));
    expect(windowPieces(items, 50, 80).every((p) => p.kind === 'block')).toBe(true);
  });

  it('groups rendered blocks into runs and maps a run to its text interval', () => {
    expect(renderedRuns([3, 4, 5, 9, 10, 20])).toEqual([
      [3, 5],
      [9, 10],
      [20, 20],
    ]);
    expect(renderedRuns([])).toEqual([]);
    // Blocks "aa", "bbb", "c" joined by blank lines: starts 0, 4, 9.
    expect(runInterval([1, 2], [0, 4, 9], [2, 3, 1])).toEqual([4, 10]);
  });

  it('keeps a selection’s blocks rendered besides the window, in order and once', () => {
    expect(withKept([5, 6, 7], [2, 6, 30], 100)).toEqual([2, 5, 6, 7, 30]);
    expect(withKept([5, 6], [-1, 200], 100)).toEqual([5, 6]);
  });

  it('groups consecutive blocks up to a character and block budget; a longer block stands alone', () => {
    expect([...groupBlocks([100, 100, 100, 5000, 50, 50], 250, 10)]).toEqual([0, 2, 3, 4, 6]);
    expect([...groupBlocks([1, 1, 1, 1, 1], 1000, 2)]).toEqual([0, 2, 4, 5]);
    expect([...groupBlocks([10, 20, 30], 0, 1)]).toEqual([0, 1, 2, 3]);
    expect([...groupBlocks([], 2400, 24)]).toEqual([0]);
  });

  it('every block lies in exactly one group, found by groupOf, and the groups give back every block in order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 6000 }), { minLength: 1, maxLength: 300 }), fc.nat({ max: 5000 }), fc.integer({ min: 1, max: 30 }), (lengths, maxChars, maxBlocks) => {
        const starts = groupBlocks(lengths, maxChars, maxBlocks);
        const groups = starts.length - 1;
        expect(blocksOfGroups(Array.from({ length: groups }, (_, g) => g), starts)).toEqual(lengths.map((_, i) => i));
        for (let g = 0; g < groups; g++) {
          const size = starts[g + 1]! - starts[g]!;
          expect(size).toBeGreaterThan(0);
          expect(size).toBeLessThanOrEqual(maxBlocks);
          const chars = lengths.slice(starts[g], starts[g + 1]).reduce((a, b) => a + b, 0);
          if (size > 1) expect(chars).toBeLessThanOrEqual(maxChars);
          for (let block = starts[g]!; block < starts[g + 1]!; block++) expect(groupOf(starts, block)).toBe(g);
        }
      }),
    );
  });

  it('draws highlights in the items within the margin of the visible ones: whole items, clamped to the list', () => {
    // Ten items of 100 px each; items 4 and 5 are visible.
    const places = Array.from({ length: 10 }, (_, i) => ({ start: i * 100, end: i * 100 + 100 }));
    expect(nearItems(places, { startIndex: 4, endIndex: 5 }, 0)).toEqual([4, 5]);
    // 150 px either side reaches into items 2 and 7; at 100 px they only touch the margin's edge and are left out.
    expect(nearItems(places, { startIndex: 4, endIndex: 5 }, 150)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(nearItems(places, { startIndex: 4, endIndex: 5 }, 100)).toEqual([3, 4, 5, 6]);
    expect(nearItems(places, { startIndex: 0, endIndex: 1 }, 10_000)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // A range past the end (the list shrank since) is clamped; nothing known yet draws nothing.
    expect(nearItems(places, { startIndex: 12, endIndex: 14 }, 50)).toEqual([8, 9]);
    expect(nearItems(places, null, 1200)).toEqual([]);
    expect(nearItems([], { startIndex: 0, endIndex: 0 }, 1200)).toEqual([]);
  });
});
