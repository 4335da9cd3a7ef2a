import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTextIndex, findAllIn, prepareTextIndex, scanAll } from '../../../../shared/anchoring/textIndex';

/** Texts from a few words (so pieces repeat and hash buckets are shared), with emoji surrogate pairs. */
const WORDS = ['the ', 'then ', 'he ', 'said ', 'not ', 'never ', '$4 ', '39 ', '😀 ', '\n\n', 'a', 'b'];
const text = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(''));

describe('text index', () => {
  it('finds exactly what a linear scan finds, in order, up to max', () => {
    fc.assert(
      fc.property(text(0, 600), fc.nat(), fc.integer({ min: 1, max: 40 }), fc.option(fc.integer({ min: 1, max: 6 })), (t, from, length, max) => {
        const start = t.length === 0 ? 0 : from % t.length;
        const needle = t.slice(start, start + length);
        const index = buildTextIndex(t);
        const limit = max ?? undefined;
        expect(index.findAll(needle, limit)).toEqual(scanAll(t, needle, limit));
      }),
      { numRuns: 300 },
    );
  });

  it('finds nothing for a needle that is not there, and every place of one that repeats', () => {
    const t = 'the cost was $4 billion. '.repeat(400);
    const index = buildTextIndex(t);
    expect(index.findAll('the cost was $5 billion')).toEqual([]);
    expect(index.findAll('was $4 billion. the')).toEqual(scanAll(t, 'was $4 billion. the'));
    expect(index.findAll('was $4 billion. the')).toHaveLength(399);
  });

  it('answers the same before and after a searched text is indexed', () => {
    const t = Array.from({ length: 3000 }, (_, i) => `item ${i} of the list`).join('; ');
    for (let round = 0; round < 10; round++) {
      for (const needle of ['item 2999 of the', 'of the list; item 1', 'item 12 of the list', 'no such item here']) {
        expect(findAllIn(t, needle, 5)).toEqual(scanAll(t, needle, 5));
      }
    }
  });

  it('a text indexed ahead (prepareTextIndex) answers as a linear scan from the first search; short and huge texts are not indexed', () => {
    const t = Array.from({ length: 3000 }, (_, i) => `entry ${i} of the record`).join('; ');
    expect(prepareTextIndex(t)).toBe(true);
    for (const needle of ['entry 2999 of the', 'of the record; entry 1', 'no such entry here']) expect(findAllIn(t, needle, 5)).toEqual(scanAll(t, needle, 5));
    expect(prepareTextIndex('a short text')).toBe(false);
    expect(prepareTextIndex('x'.repeat(8_000_001))).toBe(false);
  });
});
