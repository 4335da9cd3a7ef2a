/**
 * The overview's search index reads each link and comment once, however many claims there are
 * (it used to filter every link for every claim: ~10⁸ comparisons at 10,000 claims). Counted, not
 * timed: the project's link and comment lists count how often their items are read.
 */
import { describe, expect, it } from 'vitest';
import type { Project } from '../../../../shared/operations';
import { buildClaimIndex, filterClaims, lazyClaimIndex } from '../../../../shared/workflow/overview';
import { sampleProject } from '../helpers';

/** An array that counts reads of its items (by index or through iteration). */
function counting<T>(items: T[]): { list: T[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { list, reads: () => reads };
}

function bigProject(claimCount: number): { project: Project; linkReads: () => number; commentReads: () => number } {
  const base = sampleProject();
  const template = base.claims[0]!;
  const claims = Array.from({ length: claimCount }, (_, i) => ({ ...template, id: `claim-${i}`, statement: `Statement number ${i}` }));
  const source = { ...base.sources[0]!, id: 'src', title: 'Rainfall ledger' };
  const links = counting(claims.flatMap((c, i) => [0, 1].map((k) => ({ id: `link-${i}-${k}`, claimId: c.id, sourceId: 'src', stance: 'supports' as const, excerpt: k === 0 && i === 7 ? 'needle excerpt' : '' }))));
  const comments = counting(claims.map((c, i) => ({ id: `comment-${i}`, claimId: c.id, author: 'A', at: '2026-03-14T10:00:00.000Z', text: i === 9 ? 'haystack remark' : 'ok' })));
  const project = { ...base, claims, sources: [source], links: links.list, comments: comments.list } as Project;
  return { project, linkReads: links.reads, commentReads: comments.reads };
}

describe('overview search index', () => {
  it('reads each link and comment a bounded number of times, not once per claim', () => {
    const { project, linkReads, commentReads } = bigProject(2000);
    const index = buildClaimIndex(project);
    // 4,000 links and 2,000 comments: a pass or two over each, never 2,000 passes (8,000,000 reads).
    expect(linkReads()).toBeLessThanOrEqual(3 * project.links.length);
    expect(commentReads()).toBeLessThanOrEqual(3 * (project.comments ?? []).length);
    expect(filterClaims(project, { query: 'needle' }, 'article', index).map((c) => c.id)).toEqual(['claim-7']);
    expect(filterClaims(project, { query: 'haystack' }, 'article', index).map((c) => c.id)).toEqual(['claim-9']);
    expect(filterClaims(project, { query: 'rainfall' }, 'article', index)).toHaveLength(2000);
  });

  it('is built on the first search only, and once however many searches follow', () => {
    const { project, linkReads } = bigProject(300);
    const index = lazyClaimIndex(project);
    // Opening the Overview (no query, any filter) reads no link.
    expect(filterClaims(project, {}, 'article', index)).toHaveLength(300);
    expect(filterClaims(project, { state: 'draft' }, 'state', index).length).toBeGreaterThanOrEqual(0);
    expect(linkReads()).toBe(0);
    expect(filterClaims(project, { query: 'needle' }, 'article', index).map((c) => c.id)).toEqual(['claim-7']);
    const afterFirst = linkReads();
    expect(afterFirst).toBeGreaterThan(0);
    expect(filterClaims(project, { query: 'haystack' }, 'article', index).map((c) => c.id)).toEqual(['claim-9']);
    expect(linkReads()).toBe(afterFirst);
  });
});
