import { describe, expect, it } from 'vitest';
import type { CheckedBeforeMatch } from '../../../../shared/api';
import { createEmptyProject } from '../../../../shared/projectFile';
import { apply as applyOperation } from '../../../../shared/operations';
import { isSourceOfClaim, sourceFromMatchOperation } from '../../../../renderer/src/archive/sourceFromMatch';

const match: CheckedBeforeMatch = {
  statement: 'Fares doubled in 2022',
  verdict: 'False',
  source: 'archive',
  url: 'https://checks.example/fares',
  publisher: 'Desk',
  date: '2023-01-02',
  score: 0.9,
  sameClaim: true,
};

describe('Use as source', () => {
  it('adds the earlier fact-check as a source giving context, then only links it again', () => {
    let project = createEmptyProject({ id: 'p1', title: 'T', createdAt: '2026-01-01T00:00:00.000Z' });
    project = { ...project, claims: [{ id: 'c1' } as never, { id: 'c2' } as never] };
    const op = sourceFromMatchOperation(project, 'c1', match, '2026-05-06')!;
    project = applyOperation(project, op);
    expect(project.sources).toEqual([
      expect.objectContaining({ url: 'https://checks.example/fares', title: 'Fact-check: Fares doubled in 2022', publisher: 'Desk', accessedAt: '2026-05-06', publishedAt: '2023-01-02' }),
    ]);
    expect(project.links).toEqual([expect.objectContaining({ claimId: 'c1', stance: 'context', excerpt: 'False: Fares doubled in 2022' })]);
    expect(isSourceOfClaim(project, 'c1', match)).toBe(true);
    expect(isSourceOfClaim(project, 'c2', match)).toBe(false);

    const again = sourceFromMatchOperation(project, 'c2', match)!;
    expect(again.type).toBe('linkSource');
    expect(sourceFromMatchOperation(project, 'c2', { ...match, url: undefined })).toBeNull();
  });
});
