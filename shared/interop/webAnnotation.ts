/**
 * W3C Web Annotation export: an AnnotationCollection with one Annotation per claim (motivation
 * `assessing`): a TextualBody for the verdict (purpose assessing), one for the rationale (purpose
 * commenting) and a SpecificResource per source (purpose linking); the target is the article's URL
 * (or a urn of its text's SHA-256 for a local file) with a TextQuoteSelector and a
 * TextPositionSelector counted in Unicode code points. Everything the workbench needs to read the
 * claim back exactly sits under the namespaced key `factcheck` (a JSON literal in JSON-LD terms);
 * the team's own work on it (review steps, assignee, due date) and withheld sources stay behind.
 */
import type { Article, Claim, ClaimSourceLink, RatingScale, Source } from '../model';
import type { Project } from '../operations';
import { checkExternalUrl } from '../urlCheck';
import { jsonForEmbedding } from './escape';
import { buildReportData, verdictLabel, type ExportOptions, type ReportClaim } from './reportData';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const EXTENSION_KEY = 'factcheck';
export const EXTENSION_IRI = 'urn:factcheck-workbench:vocab#extension';
/** The annotation context plus our term; `@json` keeps our object as an opaque JSON literal. */
export const ANNOTATION_CONTEXT = [ANNO_CONTEXT, { '@version': 1.1, [EXTENSION_KEY]: { '@id': EXTENSION_IRI, '@type': '@json' } }];

/** What we keep under the `factcheck` key: enough to rebuild the claim and its sources exactly. */
export interface FactcheckExtension {
  version: 1;
  claim: Pick<Claim, 'id' | 'statement' | 'claimant' | 'state' | 'createdAt' | 'createdBy' | 'tags' | 'factCheckUrl'> & {
    verdict: { levelId: string | null; levelLabel: string | null; conclusion: string };
  };
  sources: { link: Pick<ClaimSourceLink, 'id' | 'stance' | 'excerpt' | 'location'>; source: Source }[];
  /** Sources left out because they are withheld for source safety. */
  withheldSources: number;
}

/** The IRI an article's annotations target: its public URL, else a urn of its text's hash. */
export function articleIri(article: Pick<Article, 'metadata' | 'textSha256'>): string {
  const url = article.metadata.url ? checkExternalUrl(article.metadata.url) : null;
  return url?.ok ? url.url : `urn:sha256:${article.textSha256}`;
}

export function claimIri(claimId: string): string {
  return `urn:factcheck:claim:${encodeURIComponent(claimId)}`;
}

/**
 * Code point offsets for many claims of one text: texts without surrogate pairs (most) need no
 * counting; otherwise the pairs' positions are found once per text and binary-searched.
 */
const pairStarts = new Map<string, number[]>();
export function codePointOffsetIn(text: string, index: number): number {
  let pairs = pairStarts.get(text);
  if (!pairs) {
    pairs = [];
    for (const m of text.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)) pairs.push(m.index);
    if (pairStarts.size > 16) pairStarts.clear();
    pairStarts.set(text, pairs);
  }
  if (pairs.length === 0) return index;
  // Pairs starting before index - 1 lie wholly before it (one unit fewer each); a pair split at `index`
  // counts as the character before it, as toCodePointOffset in shared/anchoring/codePoints.ts does.
  let lo = 0;
  let hi = pairs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pairs[mid]! < index - 1) lo = mid + 1;
    else hi = mid;
  }
  return index - lo;
}

export function buildAnnotation(item: ReportClaim, scale: RatingScale): Record<string, unknown> {
  const { claim, article, level } = item;
  const body: Record<string, unknown>[] = [];
  const label = verdictLabel(item, scale);
  if (label) body.push({ type: 'TextualBody', purpose: 'assessing', value: label, format: 'text/plain' });
  if (claim.verdict.rationale.trim()) {
    body.push({ type: 'TextualBody', purpose: 'commenting', value: claim.verdict.rationale, format: 'text/markdown' });
  }
  for (const { source } of item.sources) {
    const url = checkExternalUrl(source.url);
    if (url.ok) body.push({ type: 'SpecificResource', purpose: 'linking', source: url.url });
  }
  const { position, quote } = claim.target;
  const extension: FactcheckExtension = {
    version: 1,
    claim: {
      id: claim.id,
      statement: claim.statement,
      claimant: claim.claimant,
      state: claim.state,
      createdAt: claim.createdAt,
      createdBy: claim.createdBy,
      verdict: { levelId: claim.verdict.levelId, levelLabel: level?.label ?? null, conclusion: claim.verdict.conclusion },
      ...(claim.tags?.length ? { tags: claim.tags } : {}),
      ...(claim.factCheckUrl ? { factCheckUrl: claim.factCheckUrl } : {}),
    },
    sources: item.sources.map(({ link, source }) => ({
      link: { id: link.id, ...(link.stance ? { stance: link.stance } : {}), excerpt: link.excerpt, ...(link.location ? { location: link.location } : {}) },
      source,
    })),
    withheldSources: item.withheldCount,
  };
  const annotation: Record<string, unknown> = {
    '@context': ANNOTATION_CONTEXT,
    id: claimIri(claim.id),
    type: 'Annotation',
    motivation: 'assessing',
    created: claim.createdAt,
  };
  if (claim.createdBy.trim()) annotation.creator = { type: 'Person', name: claim.createdBy };
  if (body.length) annotation.body = body;
  annotation.target = {
    source: articleIri(article),
    selector: [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      {
        type: 'TextPositionSelector',
        start: codePointOffsetIn(article.text, position.start),
        end: codePointOffsetIn(article.text, position.end),
      },
    ],
  };
  annotation[EXTENSION_KEY] = extension;
  return annotation;
}

export function buildAnnotationCollection(project: Project, options: ExportOptions = {}): Record<string, unknown> {
  const data = buildReportData(project, options);
  const items = data.claims.map((item) => buildAnnotation(item, data.scale));
  const id = `urn:factcheck:project:${encodeURIComponent(project.id)}`;
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: project.title,
    total: items.length,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function renderWebAnnotations(project: Project, options: ExportOptions = {}): string {
  return jsonForEmbedding(buildAnnotationCollection(project, options));
}
