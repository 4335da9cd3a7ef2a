import { describe, expect, it } from 'vitest';
import { commitChange } from '../../../../shared/history';
import type { Claim } from '../../../../shared/model';
import type { Change, Project } from '../../../../shared/operations';
import { filterClaims } from '../../../../shared/workflow/overview';
import { isOverdue, lastChanges, localDay, peopleSeen, sortClaimTable } from '../../../../shared/workflow/tasking';
import { meta, sampleProject } from '../helpers';

function run(project: Project, changes: Change[], at?: string[]): Project {
  return changes.reduce((p, change, i) => commitChange(p, change, { ...meta(p.history.length), ...(at ? { at: at[i] } : {}) }).project, project);
}

const edit = (claimId: string, changes: Record<string, unknown>): Change => ({ kind: 'do', op: { type: 'editClaim', claimId, changes } } as Change);

describe('due dates', () => {
  it('a claim is overdue after its due day until it is approved', () => {
    const claim = (dueDate: string | undefined, state: Claim['state'] = 'researching') => ({ dueDate, state });
    expect(isOverdue(claim('2026-11-27'), '2026-11-28')).toBe(true);
    expect(isOverdue(claim('2026-11-28'), '2026-11-28')).toBe(false);
    expect(isOverdue(claim(undefined), '2026-11-28')).toBe(false);
    expect(isOverdue(claim('2026-11-01', 'approved'), '2026-11-28')).toBe(false);
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('the due date is set and cleared by editClaim, and undone exactly', () => {
    const p = run(sampleProject(), [edit('c1', { dueDate: '2026-12-01' }), edit('c1', { dueDate: '' }), { kind: 'undo' }, { kind: 'undo' }]);
    expect(run(sampleProject(), [edit('c1', { dueDate: '2026-12-01' })]).claims[0].dueDate).toBe('2026-12-01');
    expect(run(sampleProject(), [edit('c1', { dueDate: '2026-12-01' }), edit('c1', { dueDate: '' })]).claims[0]).not.toHaveProperty('dueDate');
    expect(p.claims[0]).toEqual(sampleProject().claims[0]);
  });
});

describe('overview filters', () => {
  const p = run(sampleProject(), [
    edit('c1', { assignee: 'Sam Okafor', dueDate: '2026-11-20' }),
    edit('c2', { assignee: 'Bo Lindqvist', dueDate: '2026-11-20' }),
    edit('c3', { assignee: ' sam okafor ', dueDate: '2026-12-20' }),
  ]);

  it('"Assigned to me" keeps the claims assigned to the user, whatever the case and spaces', () => {
    expect(filterClaims(p, { assignedTo: 'Sam Okafor' }).map((c) => c.id)).toEqual(['c1', 'c3']);
  });

  it('"Overdue" keeps claims due before today and combines with "Assigned to me"', () => {
    expect(filterClaims(p, { overdueOn: '2026-11-28' }).map((c) => c.id).sort()).toEqual(['c1', 'c2']);
    expect(filterClaims(p, { overdueOn: '2026-11-28', assignedTo: 'Sam Okafor' }).map((c) => c.id)).toEqual(['c1']);
  });
});

describe('people seen in a project', () => {
  it('gathers assignees, claim authors, commenters and history authors once each', () => {
    const base = sampleProject();
    const p = run(
      { ...base, comments: [{ id: 'm1', claimId: 'c1', author: 'Ana', at: '2026-11-25T10:00:00.000Z', text: 'hi' }] },
      [edit('c1', { assignee: 'Sam' }), edit('c2', { assignee: 'sam' })],
    );
    expect(peopleSeen(p, ['Zoe', ''])).toEqual(['Ana', 'Sam', 'Tester', 'Zoe']);
  });
});

describe('the claims table', () => {
  const p = run(
    sampleProject(),
    [edit('c3', { assignee: 'Bo', dueDate: '2026-12-01' }), edit('c1', { assignee: 'Ana' }), edit('c2', { statement: 'Budget grew' })],
    ['2026-11-25T10:00:00.000Z', '2026-11-26T10:00:00.000Z', '2026-11-27T10:00:00.000Z'],
  );
  const context = { levelOrder: new Map([['true', 0], ['false', 1]]), changed: lastChanges(p) };
  const ids = (claims: Claim[]) => claims.map((c) => c.id);

  it('knows when each claim last changed', () => {
    expect(Object.fromEntries(lastChanges(p))).toEqual({ c3: '2026-11-25T10:00:00.000Z', c1: '2026-11-26T10:00:00.000Z', c2: '2026-11-27T10:00:00.000Z' });
  });

  it('sorts by each column both ways, empty values last', () => {
    expect(ids(sortClaimTable(p.claims, 'changed', 'descending', context))).toEqual(['c2', 'c1', 'c3']);
    expect(ids(sortClaimTable(p.claims, 'assignee', 'ascending', context))).toEqual(['c1', 'c3', 'c2']);
    expect(ids(sortClaimTable(p.claims, 'assignee', 'descending', context))).toEqual(['c3', 'c1', 'c2']);
    expect(ids(sortClaimTable(p.claims, 'due', 'descending', context))).toEqual(['c3', 'c1', 'c2']);
    expect(ids(sortClaimTable(p.claims, 'statement', 'ascending', context))).toEqual(['c1', 'c2', 'c3']);
    const rated = p.claims.map((c) => (c.id === 'c2' ? { ...c, verdict: { ...c.verdict, levelId: 'false' } } : c.id === 'c3' ? { ...c, verdict: { ...c.verdict, levelId: 'true' } } : c));
    expect(ids(sortClaimTable(rated, 'verdict', 'descending', context))).toEqual(['c2', 'c3', 'c1']);
  });
});
