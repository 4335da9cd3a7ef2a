import { describe, expect, it } from 'vitest';
import { commitChange, describeOperation, redoTarget, undoRedoStacks, undoTarget } from '../../../shared/history';
import { OperationError, type Change, type Project } from '../../../shared/operations';
import { makeLink, makeSource, meta, sampleProject } from './helpers';

function run(project: Project, changes: Change[]): Project {
  return changes.reduce((p, change) => commitChange(p, change, meta(p.history.length)).project, project);
}

const rename = (title: string): Change => ({ kind: 'do', op: { type: 'renameProject', title } });
const undo: Change = { kind: 'undo' };
const redo: Change = { kind: 'redo' };

describe('commitChange', () => {
  it('applies a do and records op, inverse and meta', () => {
    const p = sampleProject();
    const { project, entry } = commitChange(p, rename('A'), meta(0));
    expect(project.title).toBe('A');
    expect(entry).toEqual({
      seq: 0,
      id: 'h0',
      at: '2026-11-25T10:00:00.000Z',
      author: 'Tester',
      kind: 'do',
      op: { type: 'renameProject', title: 'A' },
      inverse: { type: 'renameProject', title: 'Sample' },
    });
    expect(project.history).toEqual([entry]);
    expect(p.history).toEqual([]);
  });

  it('undoes and redoes in order', () => {
    const p = sampleProject();
    const after = run(p, [rename('A'), rename('B'), undo]);
    expect(after.title).toBe('A');
    expect(after.history[2]).toMatchObject({ kind: 'undo', of: 1, op: { title: 'A' }, inverse: { title: 'B' } });
    const back = run(after, [undo]);
    expect(back.title).toBe('Sample');
    expect(back.history[3]).toMatchObject({ kind: 'undo', of: 0 });
    expect(() => commitChange(back, undo, meta(4))).toThrow(OperationError);
    expect(() => commitChange(back, undo, meta(4))).toThrow('Nothing to undo');
    const again = run(back, [redo]);
    expect(again.title).toBe('A');
    expect(again.history[4]).toMatchObject({ kind: 'redo', of: 0 });
    const again2 = run(again, [redo]);
    expect(again2.title).toBe('B');
    expect(again2.history[5]).toMatchObject({ kind: 'redo', of: 1 });
    expect(() => commitChange(again2, redo, meta(6))).toThrow('Nothing to redo');
  });

  it('a new do clears the redo stack', () => {
    const after = run(sampleProject(), [rename('A'), rename('B'), undo, rename('C')]);
    expect(after.title).toBe('C');
    expect(redoTarget(after.history)).toBeNull();
    expect(() => commitChange(after, redo, meta(4))).toThrow('Nothing to redo');
    const undone = run(after, [undo, undo]);
    expect(undone.title).toBe('Sample');
    expect(undoRedoStacks(undone.history)).toEqual({ undo: [], redo: [3, 0] });
  });

  it('returns to the original project after undoing everything, including batches and removals', () => {
    const p = sampleProject();
    const after = run(p, [
      { kind: 'do', op: { type: 'setVerdict', claimId: 'c1', levelId: 'true', rationale: 'Yes' } },
      {
        kind: 'do',
        op: {
          type: 'batch',
          label: 'Add source',
          ops: [
            { type: 'addSource', source: makeSource('s4') },
            { type: 'linkSource', link: makeLink('l5', 'c1', 's4') },
          ],
        },
      },
      { kind: 'do', op: { type: 'removeArticle', articleId: 'a1' } },
      { kind: 'do', op: { type: 'editClaim', claimId: 'c2', changes: { state: 'approved' } } },
    ]);
    const undone = run(after, [undo, undo, undo, undo]);
    expect({ ...undone, history: [] }).toEqual(p);
    const redone = run(undone, [redo, redo, redo, redo]);
    expect({ ...redone, history: [] }).toEqual({ ...after, history: [] });
    expect(redone.history).toHaveLength(12);
  });

  it('does not record a change that fails', () => {
    const p = sampleProject();
    expect(() => commitChange(p, { kind: 'do', op: { type: 'deleteClaim', claimId: 'zzz' } }, meta(0))).toThrow(OperationError);
    expect(p.history).toHaveLength(0);
  });

  it('derives targets from the history alone', () => {
    const h = run(sampleProject(), [rename('A'), rename('B'), undo]).history;
    expect(undoTarget(h)?.seq).toBe(0);
    expect(redoTarget(h)?.seq).toBe(1);
    expect(undoTarget([])).toBeNull();
    expect(redoTarget([])).toBeNull();
  });
});

describe('describeOperation', () => {
  it('gives short human labels', () => {
    const p = sampleProject();
    expect(describeOperation({ type: 'addClaim', claim: p.claims[0] })).toBe('Mark claim');
    expect(describeOperation({ type: 'editClaim', claimId: 'c1', changes: { statement: 'x' } })).toBe('Edit claim statement');
    expect(describeOperation({ type: 'editClaim', claimId: 'c1', changes: { statement: 'x', claimant: 'y' } })).toBe('Edit claim');
    expect(describeOperation({ type: 'setVerdict', claimId: 'c1', levelId: 'true' })).toBe('Set verdict');
    expect(describeOperation({ type: 'setVerdict', claimId: 'c1', rationale: 'r' })).toBe('Edit rationale');
    expect(describeOperation({ type: 'addSource', source: makeSource('s9') })).toBe('Add source');
    expect(describeOperation({ type: 'batch', label: 'Add source', ops: [{ type: 'renameProject', title: 'x' }] })).toBe('Add source');
    expect(describeOperation({ type: 'batch', ops: [{ type: 'deleteClaim', claimId: 'c1' }] })).toBe('Delete claim');
  });
});
