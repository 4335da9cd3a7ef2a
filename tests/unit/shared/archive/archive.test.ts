import { describe, expect, it } from 'vitest';
import { FactCheckArchive } from '../../../../shared/archive/archive';
import { mergeMatches } from '../../../../shared/archive/search';
import type { CheckedBeforeMatch, ProjectFactCheck, PublishedFactCheck } from '../../../../shared/archive/types';

const published = (claimReviewed: string, slug: string, verdict = 'False'): PublishedFactCheck => ({
  claimReviewed,
  rating: { alternateName: verdict },
  url: `https://checks.example/${slug}`,
  publisher: 'Desk',
  datePublished: '2024-01-02',
});

const PUBLISHED = [
  published('New Zealand pays a state pension to every resident over 65 regardless of income', 'nz', 'True'),
  published('Wisconsin cut the pensions of state workers by a third in 2011', 'wi'),
  published('Unemployment in Ohio fell to 4.1 percent in 2019', 'ohio'),
  published('Unemployment in Ohio rose to 4.1 percent in 2019', 'ohio-rose'),
  published('Crime in Chicago has not fallen since 2015', 'chicago'),
];

function archive(): FactCheckArchive {
  const a = new FactCheckArchive();
  a.importFactChecks(PUBLISHED);
  return a;
}

const item = (claimId: string, statement: string, verdict = 'False'): ProjectFactCheck => ({ projectId: 'p1', projectTitle: 'Desk work', claimId, statement, verdict });

describe('FactCheckArchive.search', () => {
  it('finds a paraphrase (synonyms, reordered) as the same claim, with its metadata', () => {
    const [best] = archive().search('The jobless rate in Ohio went down to 4.1 per cent in 2019');
    expect(best).toMatchObject({ statement: PUBLISHED[2]!.claimReviewed, verdict: 'False', source: 'archive', url: 'https://checks.example/ohio', publisher: 'Desk', date: '2024-01-02', sameClaim: true });
  });

  it('does not call the same topic in another place, or the opposite direction, the same claim', () => {
    const wisconsin = archive().search('Wisconsin pays a state pension to every resident over 65 regardless of income');
    expect(wisconsin.find((m) => m.url?.endsWith('/nz'))?.sameClaim ?? false).toBe(false);
    const rose = archive().search('Unemployment in Ohio rose to 4.1 percent in 2019');
    expect(rose[0]!.url).toBe('https://checks.example/ohio-rose');
    expect(rose.find((m) => m.url === 'https://checks.example/ohio')?.sameClaim ?? false).toBe(false);
  });

  it('returns nothing for an empty query or an unrelated one, best first otherwise', () => {
    expect(archive().search('  ')).toEqual([]);
    expect(archive().search('Volcanic glass conducts sound').filter((m) => m.sameClaim)).toEqual([]);
    const all = archive().search('pension state workers income Wisconsin New Zealand', { limit: 5 });
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
  });

  it('skips a duplicate page and claim on import', () => {
    const a = archive();
    expect(a.importFactChecks([PUBLISHED[0]!, { ...PUBLISHED[0]!, claimReviewed: PUBLISHED[0]!.claimReviewed.toUpperCase() }, published('Another claim', 'other')])).toEqual({ imported: 1, skipped: 2 });
    expect(a.publishedCount).toBe(PUBLISHED.length + 1);
  });
});

describe('FactCheckArchive projects', () => {
  it('follows a project claim by claim: replaced, removed, and left out when it is the claim being checked', () => {
    const a = new FactCheckArchive();
    expect(a.setProject('p1', [item('c1', 'The mayor closed twelve libraries in 2020'), item('c2', 'Bus fares doubled in 2022')])).toBe(true);
    expect(a.setProject('p1', [item('c1', 'The mayor closed twelve libraries in 2020'), item('c2', 'Bus fares doubled in 2022')])).toBe(false);
    expect(a.search('Twelve libraries were closed by the mayor in 2020')[0]).toMatchObject({ source: 'project', project: 'Desk work', sameClaim: true });
    expect(a.search('The mayor closed twelve libraries in 2020', { exclude: { projectId: 'p1', claimId: 'c1' } }).some((m) => m.source === 'project' && m.statement.includes('libraries'))).toBe(false);

    a.updateClaims('p1', new Map([['c1', null], ['c2', item('c2', 'Bus fares tripled in 2022', 'True')]]));
    expect(a.projectCount).toBe(1);
    expect(a.search('The mayor closed twelve libraries in 2020').some((m) => m.statement.includes('libraries'))).toBe(false);
    expect(a.search('Bus fares tripled in 2022')[0]).toMatchObject({ verdict: 'True', sameClaim: true });
  });

  it('saves its parts with the index and gives the same answers after loading them from JSON', () => {
    const a = archive();
    a.setProject('p1', [item('c1', 'Bus fares doubled in 2022')]);
    const queries = ['In 2019 Ohio unemployment fell to 4.1%', 'Bus fares went up twofold in 2022', 'Chicago crime has not gone down since 2015'];
    const before = queries.map((q) => a.search(q));
    const b = new FactCheckArchive();
    b.loadPublished(JSON.parse(JSON.stringify(a.publishedPart())));
    b.loadProjects(JSON.parse(JSON.stringify(a.projectsPart())));
    expect(queries.map((q) => b.search(q))).toEqual(before);
    // The loaded index keeps updating one item at a time.
    b.importFactChecks([published('Bus fares in Leeds doubled in 2022', 'leeds')]);
    expect(b.search('Leeds bus fares doubled in 2022')[0]!.url).toBe('https://checks.example/leeds');
  });
});

describe('mergeMatches', () => {
  it('lists each fact-check once with its best score, same-claim matches first', () => {
    const m = (statement: string, score: number, sameClaim: boolean): CheckedBeforeMatch => ({ statement, verdict: 'False', source: 'archive', url: `https://x.example/${statement}`, score, sameClaim });
    const merged = mergeMatches([[m('a', 0.3, false), m('b', 0.9, false)], [m('a', 0.6, true)]]);
    expect(merged.map((x) => [x.statement, x.score, x.sameClaim])).toEqual([
      ['a', 0.6, true],
      ['b', 0.9, false],
    ]);
  });
});
