import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFeatureTable, featureHash, weightOf } from '../../../../shared/suggestions/featureTable';

describe('featureHash', () => {
  it('is a stable non-zero 32-bit integer that tells apart names differing in one character', () => {
    expect(featureHash('w1:budget')).toBe(featureHash('w1:budget'));
    expect(featureHash('w1:budget')).not.toBe(featureHash('w1:budgets'));
    expect(featureHash('w2:the <num>')).not.toBe(featureHash('w2:<num> the'));
    fc.assert(fc.property(fc.string(), (name) => {
      const h = featureHash(name);
      return Number.isInteger(h) && h !== 0 && h >= -(2 ** 31) && h < 2 ** 31;
    }));
  });
});

describe('feature table', () => {
  it('returns each stored weight by name and 0 for names it was not given', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 300 }), fc.string({ minLength: 13 }), (names, unknown) => {
        const hashes = names.map(featureHash);
        fc.pre(new Set(hashes).size === hashes.length);
        const weights = names.map((_, i) => (i % 7) * 1000 - 3000);
        const table = buildFeatureTable(hashes, weights, 10_000);
        names.forEach((name, i) => expect(weightOf(table, name)).toBe(weights[i] / 10_000));
        expect(weightOf(table, unknown)).toBe(0);
      }),
    );
  });

  it('refuses two weights for one hash, and arrays of different lengths', () => {
    expect(() => buildFeatureTable([5, 5], [1, 2])).toThrow(/two weights/);
    expect(() => buildFeatureTable([5], [1, 2])).toThrow(/length/);
  });
});
