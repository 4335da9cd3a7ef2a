/** Projects for the export tests: the bundled sample, and one full of hostile content. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, Claim } from '../../../../shared/model';
import type { Project } from '../../../../shared/operations';
import { createEmptyProject, parseProjectFile } from '../../../../shared/projectFile';
import { claimOn } from '../../../support/claimOn';
import { loadable } from '../../loadable';
import { makeArticle } from '../helpers';
import { REPO, sharedFixture } from '../../testPaths';
import { sha256Hex } from '../../../../electron/services/intake/sha256';

export { REPO };
export const GENERATED_AT = '2026-03-20T12:00:00.000Z';

export function loadSample(): Project {
  const parsed = parseProjectFile(readFileSync(path.join(REPO, 'resources', 'sample', 'sample.factcheck.json'), 'utf8'), sha256Hex);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.project;
}

export function textArticle(id: string, title: string, paragraphs: string[], extra: Partial<Article['metadata']> = {}): Article {
  return makeArticle(id, title, paragraphs, { importedAt: '2026-03-14T09:00:00.000Z', textSha256: 'a'.repeat(64), metadata: extra });
}

/** An approved claim judged False, said by "Someone" and marked by "Checker"; `fields` replace any of that. */
export function approvedClaimOn(article: Article, id: string, phrase: string, fields: Partial<Claim> = {}): Claim {
  const verdict = { levelId: 'false', rationale: '', conclusion: '' };
  return claimOn(article, id, phrase, { claimant: 'Someone', verdict, state: 'approved', createdAt: '2026-03-14T10:00:00.000Z', createdBy: 'Checker', ...fields });
}

export const HOSTILE_QUOTE = '</style><script>alert("quote")</script>';

/** Script in a rationale, a javascript: source URL, a quote containing </style><script>. */
export function hostileProject(): Project {
  const article = textArticle('a1', 'Hostile <img src=x onerror=alert(1)>', [
    `Intro text. ${HOSTILE_QUOTE} was printed here.`,
    'Second paragraph with =cmd|" /C calc"!A0 in it.',
  ]);
  const base = createEmptyProject({ id: 'p-hostile', title: '<script>alert("title")</script>', createdAt: GENERATED_AT });
  return loadable({
    ...base,
    articles: [article],
    claims: [
      approvedClaimOn(article, 'c1', HOSTILE_QUOTE, {
        statement: '<b onmouseover="alert(1)">statement</b>',
        claimant: '=HYPERLINK("http://evil.example","x")',
        verdict: {
          levelId: 'false',
          rationale: 'See <script>alert("rationale")</script> and [click](javascript:alert(1)) and <img src=x onerror=alert(2)>',
          conclusion: '@SUM(1+1)',
        },
      }),
      approvedClaimOn(article, 'c2', '=cmd|" /C calc"!A0', { statement: '+1+1', claimant: '-2+3', verdict: { levelId: 'true', rationale: '', conclusion: '' } }),
    ],
    sources: [
      { id: 's1', url: 'javascript:alert(document.cookie)', title: '<svg onload=alert(1)>', publisher: 'Evil', accessedAt: '2026-03-14' },
      { id: 's2', url: 'https://safe.example.org/a?b=1&c=2', title: 'Safe', publisher: 'Ok', accessedAt: '2026-03-14' },
    ],
    links: [
      { id: 'l1', claimId: 'c1', sourceId: 's1', stance: 'refutes', excerpt: '</blockquote><script>alert(3)</script>' },
      { id: 'l2', claimId: 'c1', sourceId: 's2', stance: 'supports', excerpt: 'fine' },
    ],
  });
}

/** A small fixed project for snapshots (independent of the bundled sample, which may change). */
export function fixedProject(): Project {
  const article = textArticle(
    'a1',
    'Council budget grows by 4 percent',
    ['Council budget grows by 4 percent', 'The council said spending rose by 4 percent this year, the largest rise since 2010.', 'Unemployment fell to 5 percent, the mayor claimed.'],
    { url: 'https://news.example.org/budget', byline: 'A. Reporter', publishedAt: '2026-03-10' },
  );
  const base = createEmptyProject({ id: 'p-fixed', title: 'Budget checks', createdAt: GENERATED_AT });
  return loadable({
    ...base,
    methodology: 'We compare every figure with the **published accounts**.',
    articles: [article],
    claims: [
      approvedClaimOn(article, 'c1', 'spending rose by 4 percent', {
        statement: 'Council spending rose by 4 percent this year.',
        claimant: 'The council',
        verdict: { levelId: 'mostly-true', rationale: 'The accounts show **3.8 percent**.\n\n- Rounded up.', conclusion: 'Close: 3.8 percent.' },
        tags: ['budget', 'council'],
      }),
      approvedClaimOn(article, 'c2', 'the largest rise since 2010', { claimant: 'The council', verdict: { levelId: null, rationale: '', conclusion: '' }, state: 'researching' }),
      approvedClaimOn(article, 'c3', 'Unemployment fell to 5 percent', { claimant: 'The mayor', verdict: { levelId: 'false', rationale: 'It rose to 6 percent.', conclusion: '' } }),
    ],
    sources: [
      { id: 's1', url: 'https://council.example.org/accounts-2026.pdf', title: 'Accounts 2026', publisher: 'Council', accessedAt: '2026-03-11', kind: 'official', author: 'Finance dept.' },
      { id: 's2', url: 'https://stats.example.org/unemployment', title: 'Labour statistics', publisher: 'Statistics office', accessedAt: '2026-03-11' },
      { id: 's3', url: 'https://tipster.example.org/', title: 'Confidential tip', publisher: 'Private', accessedAt: '2026-03-11', withheld: true },
    ],
    links: [
      { id: 'l1', claimId: 'c1', sourceId: 's1', stance: 'supports', excerpt: 'Total spending: +3.8%', location: 'p. 4' },
      { id: 'l2', claimId: 'c3', sourceId: 's2', stance: 'refutes', excerpt: 'Unemployment: 6.0%' },
      { id: 'l3', claimId: 'c3', sourceId: 's3', stance: 'refutes', excerpt: 'secret' },
    ],
  });
}
