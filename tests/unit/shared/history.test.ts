import { describe, expect, it, vi } from 'vitest';
import { keepOrphaned, planArticleUpdate } from '../../../shared/anchoring';
import { claimsWithHistory, commitChange, describeOperation, entriesForClaim, prepareUndoRedo, redoTarget, undoRedoStacks, undoTarget } from '../../../shared/history';
import { OperationError, OperationSchema, type Change, type Operation, type Project } from '../../../shared/operations';
import { addSourceAndLink, makeArticle, makeSource, meta, sampleProject } from './helpers';

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
          ops: addSourceAndLink('s4', 'l5', 'c1'),
        },
      },
      { kind: 'do', op: { type: 'removeArticle', articleId: 'a1' } },
      { kind: 'do', op: { type: 'setVerdict', claimId: 'c2', levelId: 'false' } },
      { kind: 'do', op: { type: 'editClaim', claimId: 'c2', changes: { state: 'approved' } } },
    ]);
    const undone = run(after, [undo, undo, undo, undo, undo]);
    expect({ ...undone, history: [] }).toEqual(p);
    const redone = run(undone, [redo, redo, redo, redo, redo]);
    expect({ ...redone, history: [] }).toEqual({ ...after, history: [] });
    expect(redone.history).toHaveLength(15);
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

describe('entriesForClaim (the History filter)', () => {
  it("shows a claim's re-anchoring, the attachments of its sources and its article's removal, and nothing of others", () => {
    const attachment = (n: number) => ({ sha256: String(n).repeat(64), ext: 'pdf', name: `f${n}.pdf`, size: 1, addedAt: '2026-11-25T10:00:00.000Z' });
    const p = sampleProject();
    const after = (project: Project, op: Operation) => run(project, [{ kind: 'do', op }]);
    let state = after(p, { type: 'renameProject', title: 'Other' });
    state = after(state, { type: 'attachFile', sourceId: 's1', attachment: attachment(1) });
    state = after(state, { type: 'attachFile', sourceId: 's3', attachment: attachment(2) });
    const { id: _id, previousVersions: _earlier, ...newVersion } = makeArticle('a1', 'Strikes', ['The strikes have killed at least 80 people.', 'A new paragraph replaces the one about intelligence.']);
    state = after(state, planArticleUpdate(state, 'a1', newVersion, '2026-11-26T09:00:00.000Z').op);
    state = after(state, { type: 'reanchorClaim', claim: keepOrphaned(state.claims[0]) });
    state = after(state, { type: 'detachFile', sourceId: 's1', sha256: attachment(1).sha256 });
    state = after(state, { type: 'unlinkSource', linkId: 'l1' });
    state = after(state, { type: 'removeArticle', articleId: 'a1' });
    state = run(state, [{ kind: 'undo' }]);

    const labels = (claimId: string) => entriesForClaim(state, claimId).map((e) => `${e.kind} ${describeOperation(e.op)}`);
    expect(labels('c1')).toEqual([
      'do Attach file',
      'do Update article',
      'do Keep claim orphaned',
      'do Remove attachment',
      'do Unlink source',
      'do Remove article',
      'undo Restore article',
    ]);
    expect(labels('c2')).toEqual(['do Attach file', 'do Remove attachment']);
    expect(entriesForClaim(state, null)).toHaveLength(state.history.length);
    // The History's claim picker offers exactly the claims with entries.
    const withEntries = p.claims.map((claim) => claim.id).filter((id) => entriesForClaim(state, id).length > 0);
    expect(withEntries).toContain('c1');
    expect([...claimsWithHistory(state)].sort()).toEqual([...withEntries].sort());
    expect(claimsWithHistory(sampleProject())).toEqual([]);
  });
});

describe('prepareUndoRedo (done while the window is idle after opening)', () => {
  // A project as read from its file: the history's operations are new objects, validated by nobody yet.
  const reopened = (project: Project): Project => JSON.parse(JSON.stringify(project)) as Project;
  const withBatch = () => {
    const p = sampleProject();
    const ops = ['Old title', 'New title'].map((title) => ({ type: 'renameProject' as const, title }));
    return run(p, [{ kind: 'do', op: { type: 'batch', label: 'Two renames', ops } }]);
  };
  const schemaChecksDuring = (change: () => void): number => {
    const spy = vi.spyOn(OperationSchema, 'safeParse');
    try {
      change();
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  };

  it('validates what the next undo and redo replay, so they do not validate it again', () => {
    const cold = reopened(withBatch());
    expect(schemaChecksDuring(() => commitChange(cold, undo, meta(1)))).toBeGreaterThan(0);

    const warm = reopened(withBatch());
    prepareUndoRedo(warm.history);
    let undone = warm;
    expect(schemaChecksDuring(() => (undone = commitChange(warm, undo, meta(1)).project))).toBe(0);
    expect(undone.title).toBe('Sample');

    const reopenedUndone = reopened(undone);
    prepareUndoRedo(reopenedUndone.history);
    expect(schemaChecksDuring(() => expect(commitChange(reopenedUndone, redo, meta(2)).project.title).toBe('New title'))).toBe(0);
  });

  it('leaves an operation that does not validate to the undo, which reports it', () => {
    const broken = reopened(withBatch());
    (broken.history[0]!.inverse as { type: string }).type = 'noSuchOperation';
    expect(() => prepareUndoRedo(broken.history)).not.toThrow();
    expect(() => commitChange(broken, undo, meta(1))).toThrow(OperationError);
  });
});
