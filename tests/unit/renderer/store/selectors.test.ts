/** The workspace's claims of an article: in reading order after every kind of change to the list. */
import { describe, expect, it } from 'vitest';
import { claimsInReadingOrder } from '../../../../shared/claims';
import type { Claim } from '../../../../shared/model';
import type { Project } from '../../../../shared/operations';
import { articleClaims } from '../../../../renderer/src/store/selectors';
import { makeClaim, sampleProject } from '../../shared/helpers';

const ids = (claims: readonly Claim[]) => claims.map((claim) => claim.id);
const expected = (project: Project, articleId: string) => ids(claimsInReadingOrder(project.claims.filter((claim) => claim.articleId === articleId)));

describe('articleClaims', () => {
  const project = sampleProject();
  const [a1, a2] = project.articles;

  it('is the same array while the claims list is', () => {
    expect(articleClaims(project, 'a1')).toBe(articleClaims({ ...project }, 'a1'));
    expect(ids(articleClaims(project, 'a1'))).toEqual(['c1', 'c3']);
  });

  it('puts claims added at the end in their places, in every article', () => {
    articleClaims(project, 'a1');
    articleClaims(project, 'a2');
    const added = { ...project, claims: [...project.claims, makeClaim('c4', a1, 'The strikes'), makeClaim('c5', a2, 'Unemployment'), makeClaim('c6', a1, 'at least 75')] };
    expect(ids(articleClaims(added, 'a1'))).toEqual(['c4', 'c6', 'c1', 'c3']);
    expect(ids(articleClaims(added, 'a1'))).toEqual(expected(added, 'a1'));
    expect(ids(articleClaims(added, 'a2'))).toEqual(expected(added, 'a2'));
  });

  it('sorts again after a removal, a replacement or a reorder', () => {
    articleClaims(project, 'a1');
    const removed = { ...project, claims: project.claims.slice(1) };
    expect(ids(articleClaims(removed, 'a1'))).toEqual(['c3']);
    const moved = { ...project, claims: project.claims.map((claim) => (claim.id === 'c3' ? makeClaim('c3', a1, 'The strikes') : claim)) };
    articleClaims(project, 'a1');
    expect(ids(articleClaims(moved, 'a1'))).toEqual(['c3', 'c1']);
    const reordered = { ...project, claims: [...project.claims].reverse() };
    expect(ids(articleClaims(reordered, 'a1'))).toEqual(expected(reordered, 'a1'));
  });
});
