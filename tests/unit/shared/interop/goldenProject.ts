/**
 * The project whose exports are compared with the hand-checked files in tests/fixtures/exports/:
 * fixed ids and dates, and the cases a shared exporter/importer bug would hide behind: a quote
 * holding a comma and double quotes, a formula-like claimant, emoji before claims (code point
 * offsets differ from UTF-16 ones), Markdown in a rationale, tags, a link location, a withheld
 * source, a claim's own Fact-check URL, a claim without a verdict and one approved in the history.
 */
import { commitChange } from '../../../../shared/history';
import type { Article } from '../../../../shared/model';
import type { Project } from '../../../../shared/operations';
import { createEmptyProject } from '../../../../shared/projectFile';
import { claimOn } from '../../../support/claimOn';
import { loadable } from '../../loadable';
import { makeArticle } from '../helpers';

export const GOLDEN_GENERATED_AT = '2026-03-20T12:00:00.000Z';
export const GOLDEN_APPROVED_AT = '2026-03-16T08:30:00.000Z';

export const GOLDEN_PARAGRAPHS = [
  'Bridge repairs 🚧 finish early',
  'The city said the repairs cost "4.2 million euros, all in", far below the estimate.',
  'Traffic fell by 30 percent, according to the mayor.',
  'Officials said 🚧 work ends in June.',
];

export function goldenArticle(): Article {
  return makeArticle('a1', 'Bridge repairs finish early', GOLDEN_PARAGRAPHS, {
    importedAt: '2026-03-14T09:00:00.000Z',
    metadata: { url: 'https://news.example.org/bridge', byline: 'R. Writer', publishedAt: '2026-03-10' },
  });
}

const CHECKER = 'Cam Checker';

export function goldenProject(): Project {
  const article = goldenArticle();
  const base = createEmptyProject({ id: 'p-golden', title: 'Bridge checks', createdAt: '2026-03-14T08:00:00.000Z' });
  const ready = loadable({
    ...base,
    publication: { organisation: 'Northline Checks', publishedAt: 'https://checks.example.org/bridge' },
    methodology: 'Every figure is compared with the **city accounts**.',
    articles: [article],
    claims: [
      claimOn(article, 'c1', 'cost "4.2 million euros, all in"', {
        createdAt: '2026-03-14T10:00:00.000Z',
        createdBy: CHECKER,
        statement: 'The bridge repairs cost 4.2 million euros.',
        claimant: 'The city',
        verdict: { levelId: 'mostly-true', rationale: 'The accounts show **4.4 million**.\n\n- VAT left out.', conclusion: 'Close: 4.4 million.' },
        state: 'readyForReview',
        tags: ['budget', 'transport'],
      }),
      claimOn(article, 'c2', 'Traffic fell by 30 percent', {
        createdBy: CHECKER,
        claimant: '@mayor',
        verdict: { levelId: 'false', rationale: 'Counts show a fall of 12 percent.', conclusion: '' },
        state: 'readyForReview',
        createdAt: '2026-03-14T10:05:00.000Z',
        factCheckUrl: 'https://checks.example.org/claims/traffic',
      }),
      claimOn(article, 'c3', 'work ends in June', { createdBy: CHECKER, claimant: 'Officials', createdAt: '2026-03-14T10:10:00.000Z' }),
    ],
    sources: [
      { id: 's1', url: 'https://city.example.org/accounts-2026.pdf', title: 'City accounts 2026', publisher: 'City', accessedAt: '2026-03-15', kind: 'official', author: 'Treasury' },
      { id: 's2', url: 'https://traffic.example.org/counts', title: 'Traffic counts, March', publisher: 'Road agency', accessedAt: '2026-03-15' },
      { id: 's3', url: 'https://tips.example.org/', title: 'Inside source', publisher: 'Private', accessedAt: '2026-03-15', withheld: true },
    ],
    links: [
      { id: 'l1', claimId: 'c1', sourceId: 's1', stance: 'supports', excerpt: 'Repairs: 4.4 m', location: 'p. 12' },
      { id: 'l2', claimId: 'c2', sourceId: 's2', stance: 'refutes', excerpt: 'Change in traffic: -12%', location: 'table 3' },
      { id: 'l3', claimId: 'c2', sourceId: 's3', stance: 'refutes', excerpt: 'private message' },
    ],
  });
  // c1 is approved by an editor, so the reports name the reviewer and the day.
  const approve = { type: 'changeState', claimId: 'c1', state: 'approved', action: 'approve' } as const;
  return commitChange(ready, { kind: 'do', op: approve }, { id: 'h1', at: GOLDEN_APPROVED_AT, author: 'Eve Editor' }).project;
}
