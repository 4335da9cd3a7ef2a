/**
 * The retired operation forms, editClaim{state} (now changeState) and renameArticle (now
 * editArticleMetadata{title}): a project file written before they were retired still loads, reads
 * in the history and undoes and redoes them; new changes may not send them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitChange, describeOperation, entriesForClaim, undoTarget } from '../../../../shared/history';
import { retiredReason, type Change, type Project } from '../../../../shared/operations';
import { parseProjectFile } from '../../../../shared/projectFile';
import { REPO } from '../../testPaths';

const LEGACY = path.join(REPO, 'tests', 'fixtures', 'projects', 'legacy-history.factcheck.json');

function legacyProject(): Project {
  const parsed = parseProjectFile(readFileSync(LEGACY, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.project;
}

function run(project: Project, changes: Change[]): Project {
  return changes.reduce((p, change, i) => commitChange(p, change, { id: `t${i}`, at: '2026-11-28T10:00:00.000Z', author: 'Tester' }).project, project);
}

describe('retired operation forms', () => {
  it('a file written before they were retired loads, with both forms in its history', () => {
    const project = legacyProject();
    expect(project.history.map((e) => describeOperation(e.op))).toEqual([
      'Add article',
      'Mark claim',
      'Add source',
      'Set verdict',
      'Change claim state',
      'Rename article',
      'Edit claim',
      'Edit claim',
      'Edit claim',
      'Approve',
      'Post comment',
    ]);
    expect(project.articles[0].metadata.title).toBe('Strikes: the toll');
    expect(project.claims[0]).toMatchObject({ state: 'approved', statement: 'At least 75 people died' });
    // The History filter finds the old state changes of the claim too.
    expect(entriesForClaim(project, 'claim-1').map((e) => e.seq)).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10]);
  });

  it('undo and redo step through the stored entries, the retired forms included', () => {
    const project = legacyProject();
    // Undo the comment, the approval, the edit with a state, the rename and the plain state change.
    const undone = run(project, [{ kind: 'undo' }, { kind: 'undo' }, { kind: 'undo' }, { kind: 'undo' }, { kind: 'undo' }]);
    expect(undone.articles[0].metadata.title).toBe('Strikes kill dozens');
    expect(undone.claims[0]).toMatchObject({ state: 'draft', statement: 'At least 75 people have been killed in the strikes' });
    expect(undoTarget(undone.history)?.op.type).toBe('setVerdict');
    const redone = run(undone, [{ kind: 'redo' }, { kind: 'redo' }, { kind: 'redo' }, { kind: 'redo' }, { kind: 'redo' }]);
    expect({ ...redone, history: [] }).toEqual({ ...project, history: [] });
  });

  it('new changes may not send them, and say what to send instead', () => {
    expect(retiredReason({ type: 'editClaim', claimId: 'c', changes: { state: 'approved' } })).toMatch(/changeState/);
    expect(retiredReason({ type: 'editClaim', claimId: 'c', changes: { statement: 'x', state: 'draft' } })).toMatch(/changeState/);
    expect(retiredReason({ type: 'renameArticle', articleId: 'a', title: 'x' })).toMatch(/editArticleMetadata/);
    expect(retiredReason({ type: 'batch', ops: [{ type: 'renameProject', title: 'x' }, { type: 'renameArticle', articleId: 'a', title: 'x' }] })).toMatch(/editArticleMetadata/);
    expect(retiredReason({ type: 'editClaim', claimId: 'c', changes: { statement: 'x' } })).toBeNull();
    expect(retiredReason({ type: 'editArticleMetadata', articleId: 'a', changes: { title: 'x' } })).toBeNull();
    expect(retiredReason({ type: 'changeState', claimId: 'c', state: 'approved', action: 'approve' })).toBeNull();
  });
});
