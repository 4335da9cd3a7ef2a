import { describe, expect, it } from 'vitest';
import { apply } from '../../../../shared/operations';
import { invert } from '../../../../shared/operations';
import { commitChange, describeOperation } from '../../../../shared/history';
import type { Operation, Project } from '../../../../shared/operations';
import { parseProjectFile, serializeProject } from '../../../../shared/projectFile';
import { reviewOperation } from '../../../../shared/workflow/rules';
import { presetById } from '../../../../shared/scales/presets';
import { meta, sampleProject } from '../helpers';
import { roundTrip } from './roundTrip';
import { sha256Hex } from '../../../../electron/services/intake/sha256';

const SHA = 'a'.repeat(64);
const attachment = { sha256: SHA, ext: 'pdf', name: 'report.pdf', size: 1234, addedAt: '2026-11-25T10:00:00.000Z' };
const comment = (id: string, claimId = 'c1') => ({ id, claimId, author: 'A', at: '2026-11-25T10:00:00.000Z', text: `note ${id}` });

function withExtras(): Project {
  const p = sampleProject();
  return {
    ...p,
    comments: [comment('m1'), comment('m2', 'c2')],
    sources: p.sources.map((s) => (s.id === 's2' ? { ...s, attachments: [attachment] } : s)),
    claims: p.claims.map((c) => (c.id === 'c1' ? { ...c, verdict: { ...c.verdict, levelId: 'mostly-false' } } : c)),
  };
}

const cases: [string, Operation][] = [
  ['changeState', { type: 'changeState', claimId: 'c1', state: 'readyForReview', action: 'submit' }],
  ['postComment', { type: 'postComment', comment: comment('m3') }],
  ['postComment at index', { type: 'postComment', comment: comment('m3'), index: 0 }],
  ['deleteComment', { type: 'deleteComment', commentId: 'm1' }],
  ['setRatingScale', { type: 'setRatingScale', scale: presetById('snopes')!.build(), verdicts: [{ claimId: 'c1', levelId: 'mostly-false' }, { claimId: 'c2', levelId: null, previousLabel: 'Half true' }] }],
  ['setMethodology', { type: 'setMethodology', text: 'We check **everything**.' }],
  ['attachFile', { type: 'attachFile', sourceId: 's1', attachment }],
  ['detachFile', { type: 'detachFile', sourceId: 's2', sha256: SHA }],
  ['editClaim assignee and tags', { type: 'editClaim', claimId: 'c2', changes: { assignee: 'A', tags: ['budget'] } }],
  ['editSource new fields', { type: 'editSource', sourceId: 's1', changes: { author: 'Jane Roe', publishedAt: '2026-01-02', kind: 'dataset', notes: 'n' } }],
  ['editLink location and mixed stance', { type: 'editLink', linkId: 'l1', changes: { location: 'p. 4', stance: 'mixed' } }],
  ['review batch with a comment', reviewOperation('c1', 'requestChanges', comment('m9'))],
];

describe('review operations', () => {
  it.each(cases)('%s applies and undoes', (_name, op) => {
    roundTrip(withExtras(), op);
  });

  it('undo of a first edit of an optional field leaves it blank', () => {
    const p = sampleProject();
    const op: Operation = { type: 'editClaim', claimId: 'c1', changes: { assignee: 'B' } };
    const undone = apply(apply(p, op), invert(p, op));
    expect(undone.claims[0]).not.toHaveProperty('assignee');
  });

  it('deleting every claim with a comment leaves no comment list, in a batch as one by one, and Undo brings the comments back', () => {
    const p = withExtras();
    const ops: Operation[] = [
      { type: 'deleteClaim', claimId: 'c1' },
      { type: 'deleteClaim', claimId: 'c2' },
    ];
    const oneByOne = ops.reduce(apply, p);
    expect(oneByOne).not.toHaveProperty('comments');
    // In a batch the second delete empties the list the first one made, in place: it is still no list.
    const batch: Operation = { type: 'batch', label: 'Delete claims', ops: ops as Extract<Operation, { type: 'deleteClaim' }>[] };
    expect(apply(p, batch)).toEqual(oneByOne);
    expect(apply(apply(p, batch), invert(p, batch)).comments).toEqual(p.comments);
  });

  it('refuses unknown comments, attachments and duplicates', () => {
    const p = withExtras();
    expect(() => apply(p, { type: 'deleteComment', commentId: 'zz' })).toThrow(/No comment/);
    expect(() => apply(p, { type: 'postComment', comment: comment('m1') })).toThrow(/already/);
    expect(() => apply(p, { type: 'postComment', comment: comment('m7', 'nope') })).toThrow(/No claim/);
    expect(() => apply(p, { type: 'attachFile', sourceId: 's2', attachment })).toThrow(/already attached/);
    expect(() => apply(p, { type: 'detachFile', sourceId: 's1', sha256: SHA })).toThrow(/No attachment/);
  });

  it('labels each step for the history', () => {
    expect(describeOperation({ type: 'changeState', claimId: 'c1', state: 'readyForReview', action: 'submit' })).toBe('Ready for review');
    expect(describeOperation({ type: 'changeState', claimId: 'c1', state: 'approved', action: 'approve' })).toBe('Approve');
    expect(describeOperation({ type: 'changeState', claimId: 'c1', state: 'researching', action: 'reopen' })).toBe('Reopen');
    expect(describeOperation(reviewOperation('c1', 'requestChanges', comment('m9')))).toBe('Request changes');
    expect(describeOperation({ type: 'postComment', comment: comment('m9') })).toBe('Post comment');
    expect(describeOperation({ type: 'attachFile', sourceId: 's1', attachment })).toBe('Attach file');
    expect(describeOperation({ type: 'setRatingScale', scale: presetById('snopes')!.build(), verdicts: [] })).toBe('Change rating scale');
    expect(describeOperation({ type: 'editLink', linkId: 'l1', changes: { location: 'p. 2' } })).toBe('Edit location');
  });

  it('a step without a comment is a single changeState', () => {
    expect(reviewOperation('c1', 'submit')).toEqual({ type: 'changeState', claimId: 'c1', state: 'readyForReview', action: 'submit' });
    expect(reviewOperation('c1', 'submit', comment('m1', 'c1'))).toMatchObject({ type: 'batch', label: 'Ready for review' });
  });
});

describe('the lock on approved claims', () => {
  const approved = (): Project => commitChange(withExtras(), { kind: 'do', op: { type: 'changeState', claimId: 'c1', state: 'approved', action: 'approve' } }, meta(1)).project;

  it.each<[string, Operation]>([
    ['statement', { type: 'editClaim', claimId: 'c1', changes: { statement: 'x' } }],
    ['verdict', { type: 'setVerdict', claimId: 'c1', levelId: 'true' }],
    ['stance', { type: 'editLink', linkId: 'l1', changes: { stance: 'refutes' } }],
    ['unlink', { type: 'unlinkSource', linkId: 'l3' }],
    ['source used by it', { type: 'editSource', sourceId: 's1', changes: { title: 'x' } }],
    ['attachment of its source', { type: 'attachFile', sourceId: 's1', attachment }],
    ['deletion', { type: 'deleteClaim', claimId: 'c1' }],
    ['removal of its article', { type: 'removeArticle', articleId: 'a1' }],
  ])('refuses edits: %s', (_name, op) => {
    expect(() => apply(approved(), op)).toThrow(/approved and locked; reopen/);
  });

  it('allows comments, other claims, reopening, and undo of the approval', () => {
    const p = approved();
    expect(() => apply(p, { type: 'postComment', comment: comment('m5') })).not.toThrow();
    expect(() => apply(p, { type: 'editClaim', claimId: 'c3', changes: { claimant: 'x' } })).not.toThrow();
    const reopened = apply(p, reviewOperation('c1', 'reopen'));
    // Once reopened, the claim (or its article) can be deleted, and undoing that restores it with its links.
    for (const op of [{ type: 'deleteClaim', claimId: 'c1' }, { type: 'removeArticle', articleId: 'a1' }] as const) {
      const deleted = commitChange(reopened, { kind: 'do', op }, meta(3)).project;
      expect({ ...commitChange(deleted, { kind: 'undo' }, meta(4)).project, history: [] }).toEqual({ ...reopened, history: [] });
    }
    expect(reopened.claims[0].state).toBe('researching');
    expect(() => apply(reopened, { type: 'setVerdict', claimId: 'c1', levelId: 'true' })).not.toThrow();
    const undone = commitChange(p, { kind: 'undo' }, meta(2)).project;
    expect(undone.claims[0].state).toBe('draft');
  });
});

describe('backward compatibility', () => {
  it('a project with the new fields round-trips through the file format', () => {
    const p = withExtras();
    const parsed = parseProjectFile(serializeProject(p), sha256Hex);
    expect(parsed.ok && parsed.project).toEqual(p);
  });

  it('a foundation project (no review fields) still loads', () => {
    const p = sampleProject();
    const parsed = parseProjectFile(serializeProject(p), sha256Hex);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.project.comments).toBeUndefined();
  });
});
