/**
 * The renderer's remembered derived data gives exactly what the shared functions give, after any
 * sequence of changes, undos and redos (lists replaced by every change), and is not recomputed for
 * a project whose lists did not change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitChange, redoTarget, undoTarget } from '../../../../shared/history';
import type { Change, HistoryEntry, LeafOperation, Project } from '../../../../shared/operations';
import { peopleSeen } from '../../../../shared/workflow/tasking';
import { reviewRecords } from '../../../../shared/workflow/reviewRecord';
import { projectPeople, projectReviewRecords, undoRedoTargets } from '../../../../renderer/src/store/derived';
import { OPERATION_BUILDERS, projectWith, type Gen } from '../../shared/operations/arbitraries';

const TYPES = Object.keys(OPERATION_BUILDERS) as LeafOperation['type'][];

/** A random change that fits `p`: mostly an operation of a random type, sometimes an undo or a redo. */
function randomChange(g: Gen, p: Project): Change | null {
  const roll = g(fc.integer, { min: 0, max: 9 });
  if (roll === 0) return undoTarget(p.history) ? { kind: 'undo' } : null;
  if (roll === 1) return redoTarget(p.history) ? { kind: 'redo' } : null;
  const type = TYPES[g(fc.integer, { min: 0, max: TYPES.length - 1 })]!;
  const op = (OPERATION_BUILDERS[type] as (p: Project, g: Gen) => LeafOperation | null)(p, g);
  return op ? { kind: 'do', op } : null;
}

function expectSameAsShared(p: Project, also: string[]): void {
  const { undo, redo } = undoRedoTargets(p.history);
  // A copy of the list is not among the lists whose stacks are kept: its targets come from a walk of every entry.
  const fresh = [...p.history];
  expect(undo).toEqual(undoTarget(fresh));
  expect(redo).toEqual(redoTarget(fresh));
  // While the earlier history is paged in, undo and redo wait: no targets.
  expect(undoRedoTargets(p.history, true)).toEqual({ undo: null, redo: null });
  expect(projectPeople(p, also)).toEqual(peopleSeen(p, also));
  expect(projectPeople(p)).toEqual(peopleSeen(p));
  expect(new Map(projectReviewRecords(p))).toEqual(reviewRecords(p));
}

describe('derived data, remembered per version of the lists', () => {
  it('equals undoTarget / redoTarget, peopleSeen and reviewRecords after random changes', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        let p = projectWith(g);
        const also = g(fc.boolean) ? [g(fc.constantFrom, 'Ana Checker', 'ana checker', '  Bo ', '')] : [];
        expectSameAsShared(p, also);
        for (let step = 0; step < 8; step++) {
          const change = randomChange(g, p);
          if (!change) continue;
          try {
            p = commitChange(p, change, { author: g(fc.constantFrom, 'Ana', 'Bo', 'ana'), at: '2026-11-28T10:00:00.000Z', id: `h${step}` }).project;
          } catch {
            continue;
          }
          expectSameAsShared(p, also);
          // The same lists again (a selection, a keystroke): the same answers.
          expectSameAsShared({ ...p }, also);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('reviewRecords read from where the last history ended (or where the reply replaced its end) equal a reading of every entry', () => {
    // Entries copied: not the objects read before, so every entry is read.
    const readWhole = (p: Project) => reviewRecords({ ...p, history: p.history.map((entry) => ({ ...entry })) });
    fc.assert(
      fc.property(fc.gen(), (g) => {
        let p = projectWith(g);
        reviewRecords(p);
        for (let step = 0; step < 12; step++) {
          const change = randomChange(g, p) ?? { kind: 'do' as const, op: OPERATION_BUILDERS.setVerdict(p, g) ?? OPERATION_BUILDERS.editClaim(p, g)! };
          try {
            p = commitChange(p, change, { author: g(fc.constantFrom, 'Ana', 'Bo'), at: '2026-11-28T10:00:00.000Z', id: `h${step}` }).project;
          } catch {
            continue;
          }
          // The previous call read the previous history: this one reads only the new entry.
          const read = reviewRecords(p);
          expect(read).toEqual(readWhole(p));
          reviewRecords(p);
          // The main side's reply replaces the last entries with its own (equal, other objects): only they are read again.
          const cut = g(fc.integer, { min: 0, max: Math.min(3, p.history.length) });
          p = { ...p, history: [...p.history.slice(0, p.history.length - cut), ...p.history.slice(p.history.length - cut).map((entry) => ({ ...entry }))] };
          expect(reviewRecords(p)).toEqual(readWhole(p));
          // A history that ends earlier (a reload, a rebase dropped changes): the steps of the entries it lost do not count.
          const shorter = { ...p, history: p.history.slice(0, p.history.length - cut) };
          expect(reviewRecords(shorter)).toEqual(readWhole(shorter));
          reviewRecords(p);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('reviewRecords of a history that lost its last entries do not keep the steps of those entries', () => {
    const step = (id: string, state: 'approved' | 'inProgress') =>
      ({ id, seq: 0, at: '2026-11-28T10:00:00.000Z', author: 'Bo', op: { type: 'editClaim', claimId: 'c1', changes: { state } }, inverse: { type: 'editClaim', claimId: 'c1', changes: {} } }) as unknown as HistoryEntry;
    const project = { claims: [{ id: 'c1', state: 'approved' }] as unknown as Project['claims'], links: [], comments: [], history: [step('h0', 'inProgress'), step('h1', 'approved')] };
    expect(reviewRecords(project).get('c1')?.approval?.by).toBe('Bo');
    // The same claim, approved, but the approval is no longer in the history (a reload dropped it).
    expect(reviewRecords({ ...project, history: project.history.slice(0, 1) }).has('c1')).toBe(false);
  });

  it('gives the very same result for unchanged lists and a new one once a list changes', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const p = projectWith(g);
        const records = projectReviewRecords(p);
        const people = projectPeople(p);
        expect(projectReviewRecords({ ...p })).toBe(records);
        expect(projectPeople({ ...p })).toBe(people);
        const renamed = { ...p, claims: p.claims.map((c, i) => (i === 0 ? { ...c, createdBy: 'Zoë New' } : c)) };
        expect(projectPeople(renamed)).toContain('Zoë New');
        expect(projectPeople(renamed)).not.toBe(people);
      }),
      { numRuns: 30 },
    );
  });
});
