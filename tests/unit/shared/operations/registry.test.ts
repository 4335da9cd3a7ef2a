/**
 * The operation registry, walked from the operation union itself: every option of OperationSchema
 * has a family module; on random projects each operation's inverse undoes it exactly and the
 * operation applies again after its undo; claimIds names every claim an operation changes (its
 * content, links, comments or cited sources); and the approval lock refuses exactly what `locks` says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apply,
  applyWithInverse,
  claimIdsOf,
  familyOf,
  invert,
  OPERATION_FAMILIES,
  OperationSchema,
  stateChangeOf,
  leavesOf,
  validateOperation,
  type LeafOperation,
  type Operation,
  type Project,
} from '../../../../shared/operations';
import { OPERATION_BUILDERS, projectWith, type Gen } from './arbitraries';
import { makeArticle, makeClaim, sampleProject } from '../helpers';

const typeOf = (option: (typeof OperationSchema.options)[number]): string => option.shape.type.value;
const LEAF_TYPES = OperationSchema.options.map(typeOf).filter((type) => type !== 'batch') as LeafOperation['type'][];
/** More runs on demand: FC_RUNS=500 npx vitest run tests/unit/shared/operations/registry.test.ts */
const RUNS = Number(process.env.FC_RUNS ?? 40);

/** JSON with sorted keys, so key order does not count as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The claims whose content, links, comments or cited sources differ between two states. */
function changedClaims(before: Project, after: Project): string[] {
  const ids = new Set([...before.claims, ...after.claims].map((c) => c.id));
  const cited = (p: Project, id: string) => p.links.filter((l) => l.claimId === id).map((l) => l.sourceId);
  const view = (p: Project, id: string) =>
    canonical({
      claim: p.claims.find((c) => c.id === id),
      links: p.links.filter((l) => l.claimId === id),
      comments: (p.comments ?? []).filter((c) => c.claimId === id),
      corrections: (p.corrections ?? []).filter((c) => c.claimId === id),
      sources: [...new Set([...cited(before, id), ...cited(after, id)])].map((sourceId) => p.sources.find((s) => s.id === sourceId)),
    });
  return [...ids].filter((id) => view(before, id) !== view(after, id));
}

function randomOperation(type: LeafOperation['type'], p: Project, g: Gen): LeafOperation | null {
  return (OPERATION_BUILDERS[type] as (p: Project, g: Gen) => LeafOperation | null)(p, g);
}

/** Runs `check` on random projects, each with a random operation of `type` that fits it. */
function forRandomOperations(type: LeafOperation['type'], check: (p: Project, op: LeafOperation) => void): void {
  fc.assert(
    fc.property(fc.gen(), (g) => {
      const p = projectWith(g);
      const op = randomOperation(type, p, g);
      fc.pre(op !== null);
      check(p, op!);
    }),
    { numRuns: RUNS },
  );
}

function checkRoundTrip(p: Project, op: Operation): void {
  expect(OperationSchema.safeParse(op).success, 'the operation is valid').toBe(true);
  const after = apply(p, op);
  const inverse = invert(p, op);
  expect(OperationSchema.safeParse(inverse).success, 'the inverse can be stored in the history').toBe(true);
  const undone = apply(after, inverse);
  expect(undone).toEqual(p);
  expect(apply(undone, op)).toEqual(after);
}

describe('the operation registry', () => {
  it('has a family module for every option of the operation union, and nothing else', () => {
    expect(LEAF_TYPES.length).toBeGreaterThan(20);
    for (const option of OperationSchema.options) {
      const type = typeOf(option);
      if (type === 'batch') continue;
      const family = familyOf(type);
      expect(family, `family of ${type}`).toBeDefined();
      expect(family!.types).toContain(type);
      expect(family!.schemas, `${type}'s schema comes from its family`).toContain(option);
      expect(OPERATION_BUILDERS[type as LeafOperation['type']], `test generator for ${type}`).toBeTypeOf('function');
    }
    const familyTypes = OPERATION_FAMILIES.flatMap((family) => [...family.types]);
    expect([...familyTypes].sort()).toEqual([...LEAF_TYPES].sort());
    for (const family of OPERATION_FAMILIES) expect(family.schemas.map((s) => typeOf(s as never)).sort(), family.name).toEqual([...family.types].sort());
  });

  it.each(LEAF_TYPES)('%s: its inverse undoes it exactly, and it applies again after the undo', (type) => {
    forRandomOperations(type, checkRoundTrip);
  });

  it.each(LEAF_TYPES)('%s: claimIds names every claim it changes, and the lock refuses it on them exactly when it locks', (type) => {
    forRandomOperations(type, (p, op) => {
      const ids = claimIdsOf(op, p);
      expect(ids).toEqual(expect.arrayContaining(changedClaims(p, apply(p, op))));
      const existing = ids.filter((id) => p.claims.some((c) => c.id === id));
      if (existing.length === 0) return;
      // An approved claim has a verdict.
      const approve = (c: Project['claims'][number]) => ({ ...c, state: 'approved' as const, verdict: { ...c.verdict, levelId: c.verdict.levelId ?? p.ratingScale.levels[0]!.id } });
      const approved: Project = { ...p, claims: p.claims.map((c) => (c.id === existing[0] ? approve(c) : c)) };
      if (familyOf(type)!.locks(op)) expect(() => apply(approved, op)).toThrow(/approved and locked/);
      // Not locked; still refused when it would leave the approved claim without its verdict (a scale change that drops it).
      else expect(() => apply(approved, op)).not.toThrow(/approved and locked|^(?!.*approved without a verdict)/);
    });
  });

  it.each([3, 12])('removing an article with %i claims, two of them approved, names the approved claim first in the list', (count) => {
    const words = Array.from({ length: count }, (_, i) => `word${i}`);
    const article = makeArticle('a9', 'Many', [words.join(' ')]);
    const claims = words.map((word, i) => makeClaim(`k${i}`, article, word));
    const approve = (claim: Project['claims'][number]) => ({ ...claim, state: 'approved' as const, verdict: { ...claim.verdict, levelId: 'true' } });
    const base = sampleProject();
    const p: Project = { ...base, articles: [...base.articles, article], claims: [...base.claims, ...claims.map((claim, i) => (i === 1 || i === count - 1 ? approve(claim) : claim))] };
    expect(() => apply(p, { type: 'removeArticle', articleId: 'a9' })).toThrow('This article has a claim (“word1”) that is approved and locked');
  });

  it('a batch of random operations, each fitting the state before it, is undone in one step', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const p = projectWith(g);
        const ops: LeafOperation[] = [];
        let state = p;
        for (let i = g(fc.integer, { min: 1, max: 5 }); i > 0; i--) {
          const op = randomOperation(g(fc.constantFrom, ...LEAF_TYPES), state, g);
          // Approving inside the batch would lock the claim against the undo of the steps after it.
          if (!op || stateChangeOf(op)?.to === 'approved') continue;
          ops.push(op);
          state = apply(state, op);
        }
        fc.pre(ops.length > 0);
        const batch: Operation = { type: 'batch', label: 'Several', ops };
        checkRoundTrip(p, batch);
        // One pass over the leaves gives what applying and inverting them one by one gives.
        const oneByOne = ops.reduce<{ state: Project; inverses: LeafOperation[][] }>(
          ({ state, inverses }, op) => ({ state: apply(state, op), inverses: [leavesOf(invert(state, op)), ...inverses] }),
          { state: p, inverses: [] },
        );
        expect(applyWithInverse(p, batch)).toEqual({ project: oneByOne.state, inverse: { type: 'batch', label: 'Several', ops: oneByOne.inverses.flat() } });
        expect(claimIdsOf(batch, p)).toEqual(expect.arrayContaining(changedClaims(p, state).filter((id) => p.claims.some((c) => c.id === id))));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('a batch of added claims (filled into one new list) gives what adding them one by one gives, and leaves the project it was given alone', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const p = projectWith(g);
        const before = canonical(p);
        const ops: LeafOperation[] = [];
        let state = p;
        // A run of added claims, with another operation before, inside or after it now and then.
        for (let i = g(fc.integer, { min: 2, max: 9 }); i > 0; i--) {
          const op = randomOperation(g(fc.integer, { min: 0, max: 4 }) === 0 ? g(fc.constantFrom, ...LEAF_TYPES) : 'addClaim', state, g);
          if (!op || stateChangeOf(op)?.to === 'approved') continue;
          ops.push(op);
          state = apply(state, op);
        }
        fc.pre(ops.filter((op) => op.type === 'addClaim').length > 1);
        const batch: Operation = { type: 'batch', ops };
        const { project: next, inverse } = applyWithInverse(p, batch);
        expect(next).toEqual(state);
        expect(canonical(p)).toBe(before);
        // Applied again to the same project: the same result, the first result untouched.
        const nextCopy = canonical(next);
        expect(apply(p, batch)).toEqual(state);
        expect(canonical(next)).toBe(nextCopy);
        expect(apply(next, inverse)).toEqual(p);
        // A claim added twice refuses the whole batch, and the project stays as it was.
        const added = ops.find((op) => op.type === 'addClaim' && state.claims.some((claim) => claim.id === op.claim.id));
        if (added) {
          expect(() => apply(p, { type: 'batch', ops: [...ops, added] })).toThrow(/There is already a claim with id/);
          expect(canonical(p)).toBe(before);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('checks the rules the loader checks once, on the result of a batch', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const p = projectWith(g);
        const add = randomOperation('addClaim', p, g);
        fc.pre(add !== null && add.type === 'addClaim');
        // On current selectors (a claim still marked changed keeps older ones, which are not checked against the text).
        const { anchor: _older, ...claim } = (add as Extract<LeafOperation, { type: 'addClaim' }>).claim;
        const twice: Operation = { type: 'batch', ops: [{ type: 'addClaim', claim }, { type: 'editClaim', claimId: claim.id, changes: { statement: 'x' } }, { type: 'addClaim', claim }] };
        expect(() => apply(p, twice)).toThrow(`There is already a claim with id "${claim.id}"`);
        // A claim whose quote is not the text at its span: the batch is refused whole, with the loader's words.
        const offText: Operation = { type: 'batch', ops: [{ type: 'renameProject', title: 'T' }, { type: 'addClaim', claim: { ...claim, target: { ...claim.target, quote: { ...claim.target.quote, exact: `${claim.target.quote.exact}!` } } } }] };
        expect(() => apply(p, offText)).toThrow(/is not its quote/);
      }),
      { numRuns: RUNS },
    );
  });

  it('parses an operation once: the schema result is what later validations return, and a refused one stays refused', () => {
    const op = { type: 'renameProject', title: 'New', stranger: 1 } as unknown as Operation;
    const parsed = validateOperation(op);
    expect(parsed).toEqual({ type: 'renameProject', title: 'New' });
    expect(validateOperation(op)).toBe(parsed);
    expect(validateOperation(parsed)).toBe(parsed);
    const bad = { type: 'renameProject', title: 7 } as unknown as Operation;
    expect(() => validateOperation(bad)).toThrow(/renameProject: title/);
    expect(() => validateOperation(bad)).toThrow(/renameProject: title/);
    expect(() => apply(projectWith(fc.sample(fc.gen(), 1)[0]!), bad)).toThrow(/renameProject: title/);
  });
});
