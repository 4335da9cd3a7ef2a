/**
 * Claims in reading order, sorted whole or with new claims put into an order found before (Mark
 * claim in a long article): both give the same list, ties included, for any claims.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimsInReadingOrder, withClaimsAdded } from '../../../shared/claims';
import type { Claim } from '../../../shared/model';
import { makeArticle, makeClaim } from './helpers';

const article = makeArticle('a1', 'Order', ['0123456789 abcdefghij ABCDEFGHIJ']);
const base = makeClaim('c0', article, '0123');

/** A claim at [start, end), named by its creation number so ties can be told apart. */
function claimAt(n: number, start: number, end: number): Claim {
  return { ...base, id: `c${n}`, target: { ...base.target, position: { start, end } } };
}

// Few places, so many claims share one (ties must keep the order they were added in).
const spans = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 })), { maxLength: 40 });

describe('claims in reading order', () => {
  it('orders by start, then end, ties in the order given', () => {
    const [a, b, c, d] = [claimAt(1, 5, 9), claimAt(2, 2, 4), claimAt(3, 2, 3), claimAt(4, 2, 3)];
    expect(claimsInReadingOrder([a, b, c, d]).map((claim) => claim.id)).toEqual(['c3', 'c4', 'c2', 'c1']);
  });

  it('adding claims to a sorted list gives what sorting the longer list gives', () => {
    fc.assert(
      fc.property(spans, spans, (first, then) => {
        const claims = first.map(([start, length], i) => claimAt(i, start, start + length));
        const added = then.map(([start, length], i) => claimAt(first.length + i, start, start + length));
        const expected = claimsInReadingOrder([...claims, ...added]);
        const got = withClaimsAdded(claimsInReadingOrder(claims), added);
        expect(got.map((claim) => claim.id)).toEqual(expected.map((claim) => claim.id));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves the sorted list it was given as it was', () => {
    const sorted = claimsInReadingOrder([claimAt(1, 4, 5), claimAt(2, 1, 2)]);
    const copy = [...sorted];
    withClaimsAdded(sorted, [claimAt(3, 3, 4)]);
    expect(sorted).toEqual(copy);
  });
});
