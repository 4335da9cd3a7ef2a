/**
 * The list helpers the operation families share: requireNew answers from an id set that insertAt
 * hands on to the list it makes; whichever version of a list is asked, the answer is the list's own.
 * hasId answers from that set when there is one. Inside a run (fillingInPlace), inserts and removals
 * change only the lists the run made.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OperationError } from '../../../../shared/operations';
import { fillingInPlace, hasId, insertAt, removeAt, replaceAt, requireIndex, requireNew, withoutItemsOnClaim } from '../../../../shared/operations/lists';

type Item = { id: string };
const has = (items: readonly Item[], id: string) => {
  try {
    requireNew(items, id, 'claim');
    return false;
  } catch (error) {
    expect(error).toBeInstanceOf(OperationError);
    return true;
  }
};

describe('requireNew', () => {
  it('refuses an id the list holds, naming it, and accepts one it does not', () => {
    const list = [{ id: 'c1' }, { id: 'c2' }];
    expect(() => requireNew(list, 'c2', 'claim')).toThrow('There is already a claim with id "c2"');
    expect(() => requireNew(list, 'c3', 'claim')).not.toThrow();
  });

  it('answers for every version of a list built by inserts, removals and replacements, asked in any order', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), id: fc.integer({ min: 0, max: 12 }), at: fc.option(fc.integer({ min: -1, max: 15 }), { nil: undefined }) }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), id: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ kind: fc.constant('ask' as const), version: fc.nat(), id: fc.integer({ min: 0, max: 12 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const versions: Item[][] = [[]];
        for (const s of steps) {
          const list = versions.at(-1)!;
          if (s.kind === 'insert') versions.push(insertAt(list, { id: `c${s.id}` }, s.at));
          else if (s.kind === 'remove' && list.length) versions.push(removeAt(list, s.at % list.length));
          else if (s.kind === 'replace' && list.length) versions.push(replaceAt(list, s.at % list.length, { id: `c${s.id}` }));
          else if (s.kind === 'ask') {
            const version = versions[s.version % versions.length]!;
            expect(has(version, `c${s.id}`)).toBe(version.some((item) => item.id === `c${s.id}`));
            expect(hasId(version, `c${s.id}`)).toBe(version.some((item) => item.id === `c${s.id}`));
          }
        }
        for (const version of versions) {
          for (let id = 0; id <= 12; id++) {
            expect(has(version, `c${id}`)).toBe(version.some((item) => item.id === `c${id}`));
            expect(hasId(version, `c${id}`)).toBe(version.some((item) => item.id === `c${id}`));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('insertAt', () => {
  it('inserts at the index, clamped to the list, or appends, and leaves the list it was given alone', () => {
    const list = ['a', 'b', 'c'];
    expect(insertAt(list, 'x', 1)).toEqual(['a', 'x', 'b', 'c']);
    expect(insertAt(list, 'x', -4)).toEqual(['x', 'a', 'b', 'c']);
    expect(insertAt(list, 'x', 99)).toEqual(['a', 'b', 'c', 'x']);
    expect(insertAt(list, 'x', 1.7)).toEqual(['a', 'x', 'b', 'c']);
    expect(insertAt(list, 'x', undefined)).toEqual(['a', 'b', 'c', 'x']);
    expect(list).toEqual(['a', 'b', 'c']);
  });
});

describe('fillingInPlace', () => {
  it('inserts as insertAt does, changing only lists made inside the run, and requireNew answers for each', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 5 }), fc.array(fc.option(fc.integer({ min: -1, max: 40 }), { nil: undefined }), { maxLength: 30 }), (start, indexes) => {
        const given = [...new Set(start)].map((n) => ({ id: `g${n}` }));
        const copy = given.slice();
        const expected = indexes.reduce<Item[]>((list, at, i) => insertAt(list, { id: `n${i}` }, at), given);
        const made = fillingInPlace(() => indexes.reduce<readonly Item[]>((list, at, i) => insertAt(list, { id: `n${i}` }, at), given));
        expect(made).toEqual(expected);
        expect(given).toEqual(copy);
        for (const item of expected) expect(has(made, item.id)).toBe(true);
        expect(has(made, 'absent')).toBe(false);
        // Outside the run the list it made is an ordinary list again: an insert copies it.
        const after = insertAt(made, { id: 'later' }, undefined);
        expect(made).toEqual(expected);
        expect(after).toEqual([...expected, { id: 'later' }]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('requireIndex', () => {
  it("finds an item's index wherever it is, and names what is missing", () => {
    const list = Array.from({ length: 50 }, (_, i) => ({ id: `c${i}` }));
    for (const i of [0, 1, 25, 48, 49]) expect(requireIndex(list, `c${i}`, 'claim')).toBe(i);
    expect(() => requireIndex(list, 'c50', 'claim')).toThrow('No claim with id "c50"');
  });
});

describe('fillingInPlace, with removals (the undo of a batch of added claims)', () => {
  it('inserts and removes as outside a run, changing only lists made inside it, and requireNew answers for each', () => {
    const step = fc.oneof(fc.record({ insert: fc.option(fc.integer({ min: -1, max: 40 }), { nil: undefined }) }), fc.record({ remove: fc.nat() }));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 8 }), fc.array(step, { maxLength: 40 }), (start, steps) => {
        const given = [...new Set(start)].map((n) => ({ id: `g${n}` }));
        const copy = given.slice();
        const run = (list: readonly Item[]) =>
          steps.reduce<readonly Item[]>((current, s, i) => {
            if ('insert' in s) return insertAt(current, { id: `n${i}` }, s.insert);
            if (current.length === 0) return current;
            // The list is asked first (requireNew builds its id set, as a claim added to it earlier in a run does), then
            // an item is removed: the set must lose its id.
            const at = s.remove % current.length;
            expect(has(current, current[at]!.id)).toBe(true);
            return removeAt(current, at);
          }, list);
        const expected = run(given);
        const made = fillingInPlace(() => run(given));
        expect(made).toEqual(expected);
        expect(given).toEqual(copy);
        for (const id of [...given, ...steps.map((_, i) => ({ id: `n${i}` }))].map((item) => item.id)) {
          expect(has(made, id)).toBe(expected.some((item) => item.id === id));
          expect(hasId(made, id)).toBe(expected.some((item) => item.id === id));
        }
        // Outside the run the list it made is an ordinary list again: a removal copies it.
        if (made.length > 0) {
          const after = removeAt(made, 0);
          expect(made).toEqual(expected);
          expect(after).toEqual(expected.slice(1));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('withoutItemsOnClaim (the links and comments a deleted claim takes with it)', () => {
  type OnClaim = { id: string; claimId: string };
  it('gives what a filter gives, inside a run and out, mixed with inserts and removals, and leaves the given list alone', () => {
    const step = fc.oneof(
      fc.record({ drop: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ insert: fc.integer({ min: 0, max: 6 }), at: fc.option(fc.integer({ min: -1, max: 30 }), { nil: undefined }) }),
      fc.record({ remove: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 20 }), fc.array(step, { maxLength: 30 }), (start, steps) => {
        const given: OnClaim[] = start.map((claim, i) => ({ id: `g${i}`, claimId: `c${claim}` }));
        const copy = given.slice();
        const run = (filtering: boolean) =>
          steps.reduce<readonly OnClaim[]>((current, s, i) => {
            if ('drop' in s) {
              const next = filtering ? current.filter((item) => item.claimId !== `c${s.drop}`) : withoutItemsOnClaim(current, `c${s.drop}`);
              // Nothing on the claim: the same list.
              if (!current.some((item) => item.claimId === `c${s.drop}`) && !filtering) expect(next).toBe(current);
              return next;
            }
            if ('insert' in s) return insertAt(current, { id: `n${i}`, claimId: `c${s.insert}` }, s.at);
            return current.length ? removeAt(current, s.remove % current.length) : current;
          }, given);
        const expected = run(true);
        expect(run(false)).toEqual(expected);
        expect(fillingInPlace(() => run(false))).toEqual(expected);
        expect(given).toEqual(copy);
      }),
      { numRuns: 300 },
    );
  });

  it('in a run, takes out every item on the claim wherever it is, and keeps the ids the list is asked about', () => {
    const links: OnClaim[] = [
      { id: 'l1', claimId: 'c1' },
      { id: 'l2', claimId: 'c2' },
      { id: 'l3', claimId: 'c1' },
      { id: 'l4', claimId: 'c3' },
    ];
    requireNew(links, 'l9', 'source link');
    const left = fillingInPlace(() => {
      const once = withoutItemsOnClaim(links, 'c1');
      expect(has(once, 'l1')).toBe(false);
      expect(has(once, 'l2')).toBe(true);
      return withoutItemsOnClaim(withoutItemsOnClaim(once, 'c3'), 'c9');
    });
    expect(left).toEqual([{ id: 'l2', claimId: 'c2' }]);
    expect(links.map((link) => link.id)).toEqual(['l1', 'l2', 'l3', 'l4']);
  });
});
