import { describe, expect, it } from 'vitest';
import { estimateBlockHeight, renderedRuns, runInterval, windowPieces, withKept } from '../../../../renderer/src/reader/blockWindow';

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
});
