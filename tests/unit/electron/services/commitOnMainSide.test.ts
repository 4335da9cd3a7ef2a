/**
 * Every change the main side records yields a project that reopens as it was saved: random sequences
 * of valid operations, the audit's hostile cases, randomly mutated arguments, undo and redo, and
 * hostile annotation files, each saved and reopened after every change that was applied. A change
 * is either refused (OperationError, the project unchanged) or reopens with nothing to repair.
 * More runs: FC_RUNS=2000 npx vitest run tests/unit/electron/services/commitOnMainSide.test.ts
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitOnMainSide } from '../../../../electron/services/commitOnMainSide';
import { sha256Hex } from '../../../../electron/services/intake/sha256';
import { checkInvariants } from '../../../../shared/invariants';
import { parseAnnotationFile, planImport } from '../../../../shared/interop/importAnnotations';
import { OperationError, type Change, type Project } from '../../../../shared/operations';
import { parseProjectFile, serializeProject } from '../../../../shared/projectFile';
import { projectWith } from '../../shared/operations/arbitraries';
import { hostileAnnotationFile, hostileChange } from '../../shared/operations/hostile';

const RUNS = Number(process.env.FC_RUNS ?? 60);
const TIMEOUT = Math.max(20_000, RUNS * 300);
const meta = (n: number) => ({ id: `h${n}`, at: '2026-11-25T10:00:00.000Z', author: 'Tester' });

/** The change applied as the main side applies it, or null when it is refused (and nothing else may be thrown). */
function tryCommit(p: Project, change: Change): Project | null {
  try {
    return commitOnMainSide(p, change, meta(p.history.length)).project;
  } catch (err) {
    if (err instanceof OperationError) return null;
    throw err;
  }
}

function expectReopensAsSaved(saved: Project, what: string): void {
  const reopened = parseProjectFile(serializeProject(saved), sha256Hex);
  if (!reopened.ok) throw new Error(`after ${what}: the saved project does not reopen: ${reopened.problem}`);
  expect(reopened.repairs, `after ${what}: nothing to repair`).toEqual([]);
  expect(checkInvariants(saved, sha256Hex), `after ${what}`).toEqual([]);
  expect(reopened.project, `after ${what}: reopens as it was saved`).toEqual(saved);
}

describe('every change the main side records reopens', () => {
  it('random sequences of valid, hostile and mutated changes, undo and redo', () => {
    const seen = { applied: 0, refused: 0 };
    fc.assert(
      fc.property(fc.gen(), (g) => {
        let p = projectWith(g);
        for (let step = g(fc.integer, { min: 1, max: 10 }); step > 0; step--) {
          const next = hostileChange(p, g);
          if (!next) continue;
          const after = tryCommit(p, next.change);
          if (!after) {
            seen.refused++;
            continue;
          }
          seen.applied++;
          expectReopensAsSaved(after, next.kind);
          p = after;
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`apply → save → load: ${seen.applied} changes applied and reopened, ${seen.refused} refused`);
    expect(seen.applied).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  }, TIMEOUT);

  it('hostile annotation files, imported as the CLI imports them', () => {
    let imported = 0;
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const source = projectWith(g);
        // Our own export of the project, imported into a copy without its claims.
        const target: Project = { ...source, claims: [], links: [], history: [] };
        delete target.comments;
        let annotations;
        try {
          annotations = parseAnnotationFile(hostileAnnotationFile(source, g));
        } catch {
          return; // not an annotation file: the CLI says so and writes nothing
        }
        let n = 0;
        const plan = planImport(target, annotations, { newId: (prefix) => `${prefix}-${++n}`, now: '2026-11-25T10:00:00.000Z', author: 'Importer' });
        if (plan.ops.length === 0) return;
        const after = tryCommit(target, { kind: 'do', op: { type: 'batch', label: 'Import annotations', ops: plan.ops } });
        expect(after, `the plan's operations apply (refused: ${JSON.stringify(plan.refused)})`).not.toBeNull();
        imported++;
        expectReopensAsSaved(after!, 'importing annotations');
      }),
      { numRuns: RUNS },
    );
    console.log(`hostile annotation files: ${imported} imports reopened`);
  }, TIMEOUT);
});
