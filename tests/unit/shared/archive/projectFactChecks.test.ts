import { describe, expect, it } from 'vitest';
import { claimFactChecks, projectFactChecks } from '../../../../shared/archive/projectFactChecks';
import type { Claim } from '../../../../shared/model';
import type { Project } from '../../../../shared/operations';
import { createEmptyProject } from '../../../../shared/projectFile';

function claim(id: string, statement: string, levelId: string | null, conclusion = ''): Claim {
  return {
    id,
    articleId: 'a1',
    target: { position: { start: 0, end: 4 }, quote: { exact: `quote of ${id}`, prefix: '', suffix: '' } },
    statement,
    claimant: ' Mayor ',
    verdict: { levelId, rationale: '', conclusion },
    state: 'draft',
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 't',
  } as Claim;
}

function project(claims: Claim[], history: Project['history'] = []): Project {
  return { ...createEmptyProject({ id: 'p1', title: 'Desk', createdAt: '2026-01-01T00:00:00.000Z' }), claims, history };
}

describe('projectFactChecks', () => {
  it('lists claims with a verdict, with its label, the claimant and the day it was last set', () => {
    const base = project([]);
    const [first, second] = base.ratingScale.levels;
    const history = [
      { op: { type: 'setVerdict', claimId: 'c1', levelId: second!.id }, author: 't', at: '2026-02-01T10:00:00.000Z', id: 'h1' },
      { op: { type: 'setVerdict', claimId: 'c1', levelId: first!.id }, author: 't', at: '2026-03-04T10:00:00.000Z', id: 'h2' },
    ] as unknown as Project['history'];
    const p = project([claim('c1', '  Fares   doubled ', first!.id), claim('c2', 'No verdict yet', null), claim('c3', '', second!.id)], history);
    expect(projectFactChecks(p)).toEqual([
      { projectId: 'p1', projectTitle: 'Desk', claimId: 'c1', statement: 'Fares doubled', verdict: first!.label, claimant: 'Mayor', date: '2026-03-04' },
      { projectId: 'p1', projectTitle: 'Desk', claimId: 'c3', statement: 'quote of c3', verdict: second!.label, claimant: 'Mayor' },
    ]);
  });

  it('uses the conclusion on a scale without levels, and maps a claim that lost its verdict to null', () => {
    const p = project([claim('c1', 'Fares doubled', null, 'Wrong: they rose by half')]);
    const noLevels = { ...p, ratingScale: { ...p.ratingScale, levels: [] } };
    expect(projectFactChecks(noLevels)[0]!.verdict).toBe('Wrong: they rose by half');
    expect(projectFactChecks(p)).toEqual([]);
    expect(claimFactChecks(p, ['c1', 'gone'])).toEqual(new Map([['c1', null], ['gone', null]]));
  });
});
