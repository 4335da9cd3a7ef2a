import { describe, expect, it } from 'vitest';
import type { Source } from '../../../../shared/model';
import { apply, type Operation, type Project } from '../../../../shared/operations';
import { libraryMatch, librarySourcesFor, linkLibrarySourceOperation, normalizeUrl, reuseSourceOperation } from '../../../../renderer/src/sources/reuseSource';
import { projectWithClaims } from '../../../support/projectFiles';

const source = (id: string, url: string, title = ''): Source => ({ id, url, title, publisher: '', accessedAt: '2026-11-28' });

/** Two claims; claim 0 cites the library source "s-report" and a duplicate "s-dup" of its URL; claim 1 cites only "s-dup". */
function library(): Project {
  const base = projectWithClaims({ title: 'Library', paragraphs: ['Forty ships a week will use the quay, the minister said.'], claims: 2 });
  const [c0, c1] = base.claims.map((c) => c.id);
  const ops: Operation[] = [
    { type: 'addSource', source: source('s-report', 'https://example.org/report', 'Port report') },
    { type: 'addSource', source: source('s-dup', 'HTTPS://Example.org/report/#page-2') },
    { type: 'addSource', source: source('s-blank', '') },
    { type: 'addSource', source: source('s-other', 'https://example.org/other', 'Other') },
    { type: 'linkSource', link: { id: 'l-0-report', claimId: c0!, sourceId: 's-report', excerpt: '' } },
    { type: 'linkSource', link: { id: 'l-0-dup', claimId: c0!, sourceId: 's-dup', stance: 'refutes', excerpt: 'Ten ships.', location: 'p. 2' } },
    { type: 'linkSource', link: { id: 'l-1-dup', claimId: c1!, sourceId: 's-dup', stance: 'supports', excerpt: 'Forty ships.', location: 'p. 4' } },
  ];
  return ops.reduce(apply, base);
}

describe('reusing a library source', () => {
  it('matches URLs whatever their case, trailing slash or fragment', () => {
    expect(normalizeUrl(' HTTPS://Example.org/report/#page-2 ')).toBe('https://example.org/report');
    const project = library();
    expect(libraryMatch(project, project.sources.find((s) => s.id === 's-dup')!)?.id).toBe('s-report');
    expect(libraryMatch(project, project.sources.find((s) => s.id === 's-other')!)).toBeUndefined();
    expect(libraryMatch(project, project.sources.find((s) => s.id === 's-blank')!)).toBeUndefined();
  });

  it('relinks a claim to the library source with its stance, excerpt and location; the duplicate stays while another claim uses it', () => {
    const project = library();
    const c1 = project.claims[1]!.id;
    const link = project.links.find((l) => l.id === 'l-1-dup')!;
    const after = apply(project, reuseSourceOperation(project, link, project.sources.find((s) => s.id === 's-report')!)!);
    const relinked = after.links.filter((l) => l.claimId === c1);
    expect(relinked.map(({ sourceId, stance, excerpt, location }) => ({ sourceId, stance, excerpt, location }))).toEqual([
      { sourceId: 's-report', stance: 'supports', excerpt: 'Forty ships.', location: 'p. 4' },
    ]);
    // Claim 0 still cites the duplicate, so it is kept.
    expect(after.sources.map((s) => s.id)).toContain('s-dup');
  });

  it('drops the duplicate once no claim uses it, and refuses to link a claim twice to one source', () => {
    let project = library();
    const report = project.sources.find((s) => s.id === 's-report')!;
    // Claim 0 already cites the library source: no second link.
    expect(reuseSourceOperation(project, project.links.find((l) => l.id === 'l-0-dup')!, report)).toBeNull();
    project = apply(project, { type: 'unlinkSource', linkId: 'l-0-dup' });
    project = apply(project, reuseSourceOperation(project, project.links.find((l) => l.id === 'l-1-dup')!, report)!);
    expect(project.sources.map((s) => s.id)).not.toContain('s-dup');
  });
});

describe('the library picker', () => {
  it('offers the sources the claim does not cite yet that have a URL or title, and links the chosen one', () => {
    const project = library();
    const [c0, c1] = project.claims.map((c) => c.id);
    expect(librarySourcesFor(project, c0!).map((s) => s.id)).toEqual(['s-other']);
    expect(librarySourcesFor(project, c1!).map((s) => s.id)).toEqual(['s-report', 's-other']);
    const after = apply(project, linkLibrarySourceOperation(c1!, project.sources.find((s) => s.id === 's-other')!));
    expect(after.links.filter((l) => l.claimId === c1).map((l) => l.sourceId)).toEqual(['s-dup', 's-other']);
    expect(librarySourcesFor(after, c1!).map((s) => s.id)).toEqual(['s-report']);
  });
});
