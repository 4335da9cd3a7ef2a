/**
 * The undo/redo stacks carried from one history list to the next by commitChange (so an undo on a
 * long history replays nothing) are the stacks a full replay of the history finds, for everyone's
 * undo and for each person's own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitChange, undoRedoStacks } from '../../../shared/history';
import { createEmptyProject } from '../../../shared/projectFile';
import { OperationError, type Change, type Project } from '../../../shared/operations';
import { formatHlc } from '../../../shared/sync/hlc';

const OWNERS = [undefined, 'k-ana', 'k-ben'] as const;

describe('undo/redo stacks carried by commitChange', () => {
  it('equal a full replay after every change, for everyone and for each person', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom('do', 'do', 'undo', 'redo'), who: fc.constantFrom(...OWNERS) }), { minLength: 1, maxLength: 40 }),
        (steps) => {
          let project: Project = createEmptyProject({ id: 'p', title: 'T', createdAt: '2026-11-25T09:00:00.000Z' });
          // Worked out once at the start, as the loader's check does: from then on they are carried.
          for (const owner of OWNERS) undoRedoStacks(project.history, undefined, owner);
          steps.forEach(({ kind, who }, n) => {
            const change: Change = kind === 'do' ? { kind, op: { type: 'renameProject', title: `T${n}` } } : { kind: kind as 'undo' | 'redo' };
            const stamp = who ? { keyId: who, device: 'd', hlc: formatHlc({ wallMs: Date.UTC(2026, 10, 25), counter: n }) } : {};
            try {
              project = commitChange(project, change, { id: `h${n}`, at: '2026-11-25T10:00:00.000Z', author: who ?? 'legacy', ...stamp }).project;
            } catch (err) {
              if (!(err instanceof OperationError)) throw err;
            }
            for (const owner of OWNERS) expect(undoRedoStacks(project.history, undefined, owner)).toEqual(undoRedoStacks([...project.history], undefined, owner));
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
