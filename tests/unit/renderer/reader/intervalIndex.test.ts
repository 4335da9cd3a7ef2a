import { describe, expect, it } from 'vitest';
import { IntervalIndex } from '../../../../renderer/src/reader/intervalIndex';
import { pickClaimAt } from '../../../../renderer/src/reader/pickClaimAt';
import { seededRandom } from '../../../support/seededRandom';

describe('hit-testing claims through the interval index', () => {
  const random = seededRandom(5);
  const spans = Array.from({ length: 2000 }, (_, i) => {
    const start = Math.floor(random() * 10_000);
    return { id: `c${i}`, start, end: start + 1 + Math.floor(random() * (random() < 0.1 ? 2000 : 60)) };
  });

  it('finds exactly the spans containing each offset (against brute force)', () => {
    const index = new IntervalIndex(spans);
    for (let offset = 0; offset < 12_000; offset += 37) {
      const expected = spans.filter((s) => s.start <= offset && offset <= s.end).map((s) => s.id).sort();
      expect(index.containing(offset).map((s) => s.id).sort()).toEqual(expected);
    }
  });

  it('chooses among nested and overlapping claims independent of creation order, cycling on repeated clicks', () => {
    const nested = [
      { id: 'outer', start: 0, end: 100 },
      { id: 'middle', start: 10, end: 60 },
      { id: 'inner', start: 20, end: 30 },
      { id: 'other', start: 25, end: 80 },
    ];
    const reversed = [...nested].reverse();
    for (const list of [nested, reversed]) {
      const index = new IntervalIndex(list);
      expect(index.containing(25).map((s) => s.id)).toEqual(['inner', 'middle', 'other', 'outer']);
      const order: (string | null)[] = [];
      let selected: string | null = null;
      for (let i = 0; i < 5; i++) order.push((selected = pickClaimAt(index, 25, selected)));
      expect(order).toEqual(['inner', 'middle', 'other', 'outer', 'inner']);
    }
    expect(pickClaimAt(nested, 200, null)).toBeNull();
  });
});

describe('IntervalIndex.overlapping (the claims in the rendered blocks)', () => {
  it('returns every span overlapping [from, to) in start order, long spans from far back included', () => {
    const index = new IntervalIndex([
      { id: 'long', start: 0, end: 500 },
      { id: 'a', start: 10, end: 20 },
      { id: 'b', start: 100, end: 120 },
      { id: 'c', start: 200, end: 210 },
      { id: 'd', start: 300, end: 310 },
    ]);
    expect(index.overlapping(100, 250).map((s) => s.id)).toEqual(['long', 'b', 'c']);
    expect(index.overlapping(120, 200).map((s) => s.id)).toEqual(['long']);
    expect(index.overlapping(600, 700)).toEqual([]);
  });
});
