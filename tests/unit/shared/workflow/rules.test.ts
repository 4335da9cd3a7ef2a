import { describe, expect, it } from 'vitest';
import { commitChange } from '../../../../shared/history';
import type { Project } from '../../../../shared/operations';
import { availableSteps, checkChangeAllowed, reviewOperation, whyNot } from '../../../../shared/workflow/rules';
import { stampAuthor } from '../../../../shared/workflow/stampAuthor';
import { meta, sampleProject } from '../helpers';

function withState(state: Project['claims'][number]['state']): Project {
  const p = sampleProject();
  return { ...p, claims: p.claims.map((c) => (c.id === 'c1' ? { ...c, state } : c)) };
}

describe('review rules', () => {
  it('offers the steps that fit the state and the role', () => {
    const labels = (state: Parameters<typeof withState>[0], role: 'checker' | 'editor') =>
      availableSteps(withState(state).claims[0], role).map((s) => s.label);
    expect(labels('researching', 'checker')).toEqual(['Ready for review']);
    expect(labels('readyForReview', 'checker')).toEqual([]);
    expect(labels('readyForReview', 'editor')).toEqual(['Request changes', 'Approve']);
    expect(labels('changesRequested', 'checker')).toEqual(['Ready for review']);
    expect(labels('approved', 'checker')).toEqual(['Reopen']);
  });

  it('explains why a step is not possible', () => {
    expect(whyNot({ state: 'readyForReview' }, 'approve', 'checker')).toMatch(/Only an editor may approve/);
    expect(whyNot({ state: 'approved' }, 'submit', 'checker')).toMatch(/not possible while the claim is approved/);
    expect(whyNot({ state: 'readyForReview' }, 'approve', 'editor')).toBeNull();
  });

  it('only an editor may approve or request changes, also by a plain state edit or a redo', () => {
    const p = withState('readyForReview');
    expect(checkChangeAllowed(p, { kind: 'do', op: reviewOperation('c1', 'approve') }, 'checker')).toMatch(/Only an editor/);
    expect(checkChangeAllowed(p, { kind: 'do', op: reviewOperation('c1', 'requestChanges') }, 'checker')).toMatch(/Only an editor/);
    expect(checkChangeAllowed(p, { kind: 'do', op: { type: 'editClaim', claimId: 'c1', changes: { state: 'approved' } } }, 'checker')).toMatch(/Only an editor/);
    expect(checkChangeAllowed(p, { kind: 'do', op: reviewOperation('c1', 'approve') }, 'editor')).toBeNull();
    expect(checkChangeAllowed(withState('approved'), { kind: 'do', op: reviewOperation('c1', 'submit') }, 'checker')).toMatch(/not possible/);

    const approved = commitChange(p, { kind: 'do', op: reviewOperation('c1', 'approve') }, meta(1)).project;
    const undone = commitChange(approved, { kind: 'undo' }, meta(2)).project;
    expect(checkChangeAllowed(undone, { kind: 'redo' }, 'checker')).toMatch(/Only an editor/);
    expect(checkChangeAllowed(undone, { kind: 'redo' }, 'editor')).toBeNull();
    expect(checkChangeAllowed(approved, { kind: 'do', op: reviewOperation('c1', 'reopen') }, 'checker')).toBeNull();
  });

  it('stamps the author on posted comments', () => {
    const op = reviewOperation('c1', 'requestChanges', { id: 'm1', claimId: 'c1', author: 'spoofed', at: 't', text: 'Why?' });
    const stamped = stampAuthor({ kind: 'do', op }, 'B');
    expect(stamped.kind === 'do' && stamped.op.type === 'batch' && stamped.op.ops[1]).toMatchObject({ comment: { author: 'B' } });
  });
});
