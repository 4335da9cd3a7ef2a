/**
 * The reader's claim placement, kept from render to render: after any sequence of edits (a Mark, a
 * verdict, a moved or orphaned claim, a removal, another claim in one's place, claims reordered) it is the same as a placement
 * built from nothing, and an edit that moved no claim keeps the spans and index the reader drew.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../../shared/anchoring';
import type { Claim } from '../../../../shared/model';
import { MAX_LAYERS } from '../../../../renderer/src/reader/claimLayers';
import { placeArticleClaims, type ClaimPlacement } from '../../../../renderer/src/reader/claimPlacement';

const words = Array.from({ length: 120 }, (_, i) => `w${i.toString(36)}x${(i * 7919) % 997}`);
const text = words.join(' ');
let serial = 0;

function claimAt(start: number, end: number, fields: Partial<Claim> = {}): Claim {
  return {
    id: `c${serial++}`,
    articleId: 'a',
    target: describeRange(text, start, end),
    statement: text.slice(start, end),
    claimant: '',
    verdict: { levelId: null, rationale: '', conclusion: '' },
    state: 'draft',
    createdAt: '2026-11-29T10:00:00.000Z',
    createdBy: 'Tester',
    ...fields,
  };
}

/** A span on word boundaries: `first` and `count` words. */
function wordSpan(first: number, count: number): [number, number] {
  const start = words.slice(0, first).join(' ').length + (first > 0 ? 1 : 0);
  const end = start + words.slice(first, first + count).join(' ').length;
  return [start, end];
}

type Edit =
  | { kind: 'mark'; at: number; first: number; count: number }
  | { kind: 'verdict'; at: number }
  | { kind: 'move'; at: number; first: number; count: number }
  | { kind: 'orphan'; at: number }
  | { kind: 'remove'; at: number }
  | { kind: 'replace'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'same' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('mark' as const), at: fc.nat(), first: fc.nat({ max: 110 }), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('verdict' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), first: fc.nat({ max: 110 }), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('orphan' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.constant({ kind: 'same' as const }),
);

function apply(claims: readonly Claim[], e: Edit): readonly Claim[] {
  if (e.kind === 'same') return claims;
  const next = [...claims];
  if (e.kind === 'mark') {
    next.splice(e.at % (claims.length + 1), 0, claimAt(...wordSpan(e.first, e.count)));
    return next;
  }
  if (claims.length === 0) return next;
  const i = e.at % claims.length;
  const claim = claims[i];
  if (e.kind === 'verdict') next[i] = { ...claim, verdict: { ...claim.verdict, levelId: claim.verdict.levelId ? null : 'true' } };
  if (e.kind === 'move') next[i] = { ...claim, target: describeRange(text, ...wordSpan(e.first, e.count)) };
  if (e.kind === 'orphan') next[i] = { ...claim, anchor: { status: 'orphaned' } as Claim['anchor'] };
  if (e.kind === 'remove') next.splice(i, 1);
  // Another claim on the same words in its place (e.g. removed and marked again in a merge).
  if (e.kind === 'replace') next[i] = { ...claimAt(0, 1), target: claim.target };
  if (e.kind === 'swap') [next[i], next[e.with % claims.length]] = [next[e.with % claims.length], claim];
  return next;
}

const shape = (placement: ClaimPlacement) => ({
  spans: placement.spans.map(({ id, start, end, index, layer }) => ({ id, start, end, index, layer })),
  deepestLayer: placement.deepestLayer,
  overlapping: [0, 100, 400, 900].map((from) => placement.index.overlapping(from, from + 150).map((span) => span.id)),
  containing: [5, 120, 333, 700].map((offset) => placement.index.containing(offset).map((span) => span.id)),
});

describe('claim placement kept from render to render', () => {
  it('after any edits, is the placement built from nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 110 }), fc.integer({ min: 1, max: 8 })), { maxLength: 30 }), fc.array(edit, { maxLength: 25 }), (initial, edits) => {
        let claims: readonly Claim[] = initial.map(([first, count]) => claimAt(...wordSpan(first, count)));
        let kept = placeArticleClaims(text, claims, null);
        for (const e of edits) {
          claims = apply(claims, e);
          kept = placeArticleClaims(text, claims, kept);
          expect(shape(kept)).toEqual(shape(placeArticleClaims(text, claims, null)));
          expect(kept.claims).toBe(claims);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('draws each claim where it anchors, overlapping claims on different layers', () => {
    const [a0, a1] = wordSpan(2, 6);
    const [b0, b1] = wordSpan(3, 2);
    const [c0, c1] = wordSpan(4, 3);
    const [d0, d1] = wordSpan(20, 2);
    const claims = [claimAt(a0, a1), claimAt(b0, b1), claimAt(c0, c1), claimAt(d0, d1)];
    const placement = placeArticleClaims(text, claims, null);
    expect(placement.spans.map(({ id, start, end, layer }) => [id, start, end, layer])).toEqual([
      [claims[0].id, a0, a1, 0],
      [claims[1].id, b0, b1, 1],
      [claims[2].id, c0, c1, 2],
      [claims[3].id, d0, d1, 0],
    ]);
    expect(placement.deepestLayer).toBe(2);
    // More overlapping claims than layers share the last one.
    const crowded = placeArticleClaims(text, [...claims, claimAt(...wordSpan(4, 1))], placement);
    expect(Math.max(...crowded.spans.map((span) => span.layer))).toBe(MAX_LAYERS - 1);
  });

  it('keeps the spans and index the reader drew when an edit moved no claim, and builds them again when one moved', () => {
    const claims = [claimAt(...wordSpan(1, 3)), claimAt(...wordSpan(10, 2)), claimAt(...wordSpan(30, 4))];
    const first = placeArticleClaims(text, claims, null);
    const verdict = [claims[0], { ...claims[1], verdict: { ...claims[1].verdict, levelId: 'true' } }, claims[2]];
    const second = placeArticleClaims(text, verdict, first);
    expect(second.spans).toBe(first.spans);
    expect(second.index).toBe(first.index);
    expect(second.claims[second.spans[1].index].verdict.levelId).toBe('true');

    const moved = [verdict[0], { ...verdict[1], target: describeRange(text, ...wordSpan(50, 2)) }, verdict[2]];
    const third = placeArticleClaims(text, moved, second);
    expect(third.spans).not.toBe(second.spans);
    expect(third.spans.map((span) => span.start)).toEqual([wordSpan(1, 3)[0], wordSpan(30, 4)[0], wordSpan(50, 2)[0]]);
  });

  it('places nothing from an earlier text: a changed article is placed again', () => {
    const claims = [claimAt(...wordSpan(5, 2))];
    const before = placeArticleClaims(text, claims, null);
    const shorter = text.slice(0, 10);
    expect(placeArticleClaims(shorter, claims, before).spans).toEqual([]);
  });
});
