import { describe, expect, it } from 'vitest';
import { commitChange } from '../../../shared/history';
import { entryDetails } from '../../../shared/historyDetails';
import type { Change, Project } from '../../../shared/operations';
import { addSourceAndLink, meta, sampleProject } from './helpers';

function run(project: Project, changes: Change[]): Project {
  return changes.reduce((p, change) => commitChange(p, change, meta(p.history.length)).project, project);
}

const withScale = (p: Project): Project => ({
  ...p,
  ratingScale: {
    id: 'scale',
    name: 'Scale',
    levels: [
      { id: 'true', label: 'True', color: '#2e7d5b', description: '', rating: 2 },
      { id: 'false', label: 'False', color: '#b3261e', description: '', rating: 0 },
    ],
  },
});

describe('entryDetails', () => {
  it('names the claim and shows the statement before and after', () => {
    const p = run(sampleProject(), [{ kind: 'do', op: { type: 'editClaim', claimId: 'c1', changes: { statement: 'At least 75 people died' } } }]);
    const details = entryDetails(p.history[0], p);
    expect(details).toEqual({
      label: 'Edit claim statement',
      claimId: 'c1',
      claimName: '“At least 75 people died”',
      moreClaims: 0,
      changes: [{ field: 'Statement', before: '“at least 75 people”', after: '“At least 75 people died”' }],
    });
  });

  it('shows verdict levels by label and review states by name, also for an undo', () => {
    const p = run(withScale(sampleProject()), [
      { kind: 'do', op: { type: 'setVerdict', claimId: 'c2', levelId: 'false' } },
      { kind: 'do', op: { type: 'changeState', claimId: 'c2', state: 'readyForReview', action: 'submit' } },
      { kind: 'undo' },
    ]);
    expect(entryDetails(p.history[0], p).changes).toEqual([{ field: 'Verdict', before: 'No verdict', after: 'False' }]);
    expect(entryDetails(p.history[1], p)).toMatchObject({
      label: 'Ready for review',
      claimId: 'c2',
      changes: [{ field: 'Review state', before: 'Draft', after: 'Ready for review' }],
    });
    expect(entryDetails(p.history[2], p)).toMatchObject({
      label: 'Undo: Ready for review',
      changes: [{ field: 'Review state', before: 'Ready for review', after: 'Draft' }],
    });
  });

  it('still names a claim that was deleted later', () => {
    const p = run(sampleProject(), [
      { kind: 'do', op: { type: 'editClaim', claimId: 'c3', changes: { claimant: 'Petro' } } },
      { kind: 'do', op: { type: 'deleteClaim', claimId: 'c3' } },
    ]);
    expect(p.claims.some((c) => c.id === 'c3')).toBe(false);
    expect(entryDetails(p.history[0], p)).toMatchObject({ claimId: 'c3', claimName: '“halted intelligence sharing”', changes: [{ field: 'Claimant', before: '(none)', after: 'Petro' }] });
    expect(entryDetails(p.history[1], p)).toMatchObject({ label: 'Delete claim', claimId: 'c3', changes: [] });
  });

  it('pairs the edits inside a batch with their own old values', () => {
    const p = run(sampleProject(), [
      {
        kind: 'do',
        op: {
          type: 'batch',
          label: 'Edit two claims',
          ops: [
            { type: 'editClaim', claimId: 'c1', changes: { statement: 'one' } },
            { type: 'editClaim', claimId: 'c3', changes: { statement: 'three' } },
          ],
        },
      },
    ]);
    const details = entryDetails(p.history[0], p);
    expect(details.moreClaims).toBe(1);
    expect(details.changes).toEqual([
      { field: 'Statement', before: '“at least 75 people”', after: '“one”' },
      { field: 'Statement', before: '“halted intelligence sharing”', after: '“three”' },
    ]);
  });

  it('has no claim for project-wide changes and shows stance set from nothing', () => {
    const p = run(sampleProject(), [
      { kind: 'do', op: { type: 'renameProject', title: 'Other' } },
      { kind: 'do', op: { type: 'batch', label: 'Add source', ops: addSourceAndLink('s9', 'l9', 'c2').map((op) => (op.type === 'linkSource' ? { ...op, link: { ...op.link, stance: undefined } } : op)) } },
      { kind: 'do', op: { type: 'editLink', linkId: 'l9', changes: { stance: 'refutes' } } },
    ]);
    expect(entryDetails(p.history[0], p)).toMatchObject({ label: 'Rename project', claimId: null, claimName: null, changes: [] });
    expect(entryDetails(p.history[2], p).changes).toEqual([{ field: 'Stance', before: 'Stance not set', after: 'Refutes' }]);
  });
});
