/** Builders for shared/ unit tests: small, valid projects with interleaved claims and links. */
import { joinBlocks, countWords } from '../../../shared/articles/canonicalText';
import type { CaptureJob } from '../../../shared/api';
import type { Article, ArticleMetadata, Block, Claim, ClaimSourceLink, Source } from '../../../shared/model';
import { createEmptyProject } from '../../../shared/projectFile';
import type { LeafOperation, Project } from '../../../shared/operations';
import { loadable } from '../loadable';
import { sha256Hex } from '../../../electron/services/intake/sha256';

/** A plain-text article of paragraphs; `fields` sets when it was imported, its hash and more metadata. */
export function makeArticle(
  id: string,
  title: string,
  paragraphs: string[],
  fields: { importedAt?: string; textSha256?: string; metadata?: Partial<ArticleMetadata> } = {},
): Article {
  const blocks: Block[] = paragraphs.map((text) => ({ type: 'paragraph', text }));
  const text = joinBlocks(blocks);
  return {
    id,
    importedAt: fields.importedAt ?? '2026-11-25T09:00:00.000Z',
    format: 'text',
    metadata: { title, wordCount: countWords(text), fileName: `${id}.txt`, ...fields.metadata },
    blocks,
    text,
    textSha256: fields.textSha256 ?? sha256Hex(text),
    previousVersions: [],
  };
}

export function makeClaim(id: string, article: Article, phrase: string): Claim {
  const start = article.text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" not in ${article.id}`);
  return {
    id,
    articleId: article.id,
    target: {
      position: { start, end: start + phrase.length },
      quote: { exact: phrase, prefix: article.text.slice(Math.max(0, start - 32), start), suffix: '' },
    },
    statement: phrase,
    claimant: '',
    verdict: { levelId: null, rationale: '', conclusion: '' },
    state: 'draft',
    createdAt: '2026-11-25T09:00:00.000Z',
    createdBy: 'Tester',
  };
}

/** A capture job for source s1 of project p1, queued and not yet tried; `over` replaces any of that. */
export function makeCaptureJob(over: Partial<CaptureJob> = {}): CaptureJob {
  return {
    id: 'j1',
    projectId: 'p1',
    sourceId: 's1',
    url: 'https://example.org/s1',
    state: 'queued',
    message: 'Waiting to start',
    attempts: 0,
    alsoWayback: false,
    createdAt: '2026-11-28T10:00:00.000Z',
    ...over,
  };
}

export function makeSource(id: string): Source {
  return { id, url: `https://example.org/${id}`, title: `Source ${id}`, publisher: 'Example', accessedAt: '2026-11-25' };
}

export function makeLink(id: string, claimId: string, sourceId: string): ClaimSourceLink {
  return { id, claimId, sourceId, stance: 'supports', excerpt: `excerpt ${id}` };
}

/**
 * Two articles; claims c1 (a1), c2 (a2), c3 (a1) interleaved; sources s1, s2, s3 (s3 unused);
 * links l1 (c1-s1), l2 (c2-s1), l3 (c1-s2), l4 (c3-s2).
 */
export function sampleProject(): Project {
  const a1 = makeArticle('a1', 'Strikes', ['The strikes have killed at least 75 people.', 'Petro halted intelligence sharing.']);
  const a2 = makeArticle('a2', 'Budget', ['The budget grew by 4 percent.', 'Unemployment fell to 5 percent.']);
  return loadable({
    ...createEmptyProject({ id: 'p1', title: 'Sample', createdAt: '2026-11-25T09:00:00.000Z' }),
    articles: [a1, a2],
    claims: [
      makeClaim('c1', a1, 'at least 75 people'),
      makeClaim('c2', a2, 'grew by 4 percent'),
      makeClaim('c3', a1, 'halted intelligence sharing'),
    ],
    sources: [makeSource('s1'), makeSource('s2'), makeSource('s3')],
    links: [makeLink('l1', 'c1', 's1'), makeLink('l2', 'c2', 's1'), makeLink('l3', 'c1', 's2'), makeLink('l4', 'c3', 's2')],
  });
}

/** "Add source": a new library source and its link to a claim, the two steps of one batch. */
export function addSourceAndLink(sourceId: string, linkId: string, claimId: string): LeafOperation[] {
  return [
    { type: 'addSource', source: makeSource(sourceId) },
    { type: 'linkSource', link: makeLink(linkId, claimId, sourceId) },
  ];
}

/** The sample project with these verdict levels (claim id → level id; other claims get none). */
export function withVerdicts(levels: Record<string, string | null>): Project {
  const p = sampleProject();
  return { ...p, claims: p.claims.map((c) => ({ ...c, verdict: { ...c.verdict, levelId: levels[c.id] ?? null } })) };
}

export const meta = (n: number) => ({ id: `h${n}`, at: `2026-11-25T10:00:${String(n).padStart(2, '0')}.000Z`, author: 'Tester' });
