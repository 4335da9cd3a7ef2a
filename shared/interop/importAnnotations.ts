/**
 * Interop back in: W3C Web Annotations (ours, Recogito's, any TextQuoteSelector-based ones) and
 * Hypothesis annotation JSON become claims of an article in the project, anchored with the
 * anchoring module. Our own annotations come back exactly (their `factcheck` key holds the claim
 * and its sources); others become draft claims whose quote is the annotated text and whose
 * rationale holds the annotation's comment.
 */
import { anchor, describeRange } from '../anchoring';
import type { Article, Claim, ClaimSourceLink, ClaimTarget, Source } from '../model';
import { apply, OperationError, type LeafOperation, type Project } from '../operations';
import { clipText } from '../limits';
import { fromCodePointOffset } from '../anchoring/codePoints';
import { optionalArray, optionalName, optionalObject, optionalString } from './foreignJson';
import { EXTENSION_KEY, articleIri, type FactcheckExtension } from './webAnnotation';

export interface ParsedAnnotation {
  kind: 'w3c' | 'hypothesis';
  /** The document the annotation targets, when it says. */
  source?: string;
  quote?: { exact: string; prefix: string; suffix: string };
  /** Offsets as the annotation gives them (code points for W3C). */
  position?: { start: number; end: number };
  comment: string;
  created?: string;
  creator?: string;
  ours?: FactcheckExtension;
}

export interface ImportPlan {
  article: Article | undefined;
  total: number;
  anchored: number;
  /** Annotations whose claim is already in the project (same id). */
  duplicates: number;
  /** Annotations with nothing to anchor (no quote) or whose quote is not in the article. */
  unanchored: { index: number; reason: string }[];
  /** Annotations that anchor but carry data the project cannot hold (not imported; the reason names the field). */
  refused: { index: number; reason: string }[];
  /** Operations that add the anchored claims (and the sources they need). */
  ops: LeafOperation[];
}

/** Reads a JSON value in any of the shapes we accept. Throws Error with a message saying what is wrong. */
export function parseAnnotationFile(value: unknown): ParsedAnnotation[] {
  const list = annotationList(value);
  return list.map((raw, index) => {
    if (raw === null || typeof raw !== 'object') throw new Error(`Annotation ${index + 1} is not an object.`);
    return isHypothesis(raw) ? parseHypothesis(raw) : parseW3c(raw);
  });
}

function annotationList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === null || typeof value !== 'object') throw new Error('The file is not an annotation file (expected a JSON object or array).');
  const rows = optionalArray(value, 'rows');
  if (rows.length || Array.isArray((value as Record<string, unknown>).rows)) return rows;
  const type = optionalString(value, 'type');
  if (type === 'AnnotationCollection') {
    const first = optionalObject(value, 'first');
    if (first) return optionalArray(first, 'items');
    return optionalArray(value, 'items');
  }
  if (type === 'AnnotationPage') return optionalArray(value, 'items');
  if (type === 'Annotation' || 'target' in value) return [value];
  throw new Error('The file holds no annotations: expected a W3C Annotation, AnnotationCollection or AnnotationPage, or Hypothesis JSON ({"rows": […]}).');
}

function isHypothesis(raw: object): boolean {
  const r = raw as Record<string, unknown>;
  return r.type !== 'Annotation' && typeof r.uri === 'string' ? true : r.type !== 'Annotation' && Array.isArray(r.target) && 'text' in r;
}

function selectorsOf(target: unknown): unknown[] {
  const targets = Array.isArray(target) ? target : [target];
  const out: unknown[] = [];
  for (const t of targets) {
    const selector = (t as Record<string, unknown> | null)?.selector;
    if (Array.isArray(selector)) out.push(...selector);
    else if (selector) out.push(selector);
  }
  return out;
}

function readSelectors(target: unknown): Pick<ParsedAnnotation, 'quote' | 'position'> {
  const out: Pick<ParsedAnnotation, 'quote' | 'position'> = {};
  for (const s of selectorsOf(target)) {
    const type = optionalString(s, 'type');
    const r = s as Record<string, unknown>;
    if (type === 'TextQuoteSelector' && typeof r.exact === 'string' && !out.quote) {
      out.quote = { exact: r.exact, prefix: typeof r.prefix === 'string' ? r.prefix : '', suffix: typeof r.suffix === 'string' ? r.suffix : '' };
    } else if (type === 'TextPositionSelector' && Number.isInteger(r.start) && Number.isInteger(r.end) && !out.position) {
      out.position = { start: r.start as number, end: r.end as number };
    }
  }
  return out;
}

function targetSource(target: unknown): string | undefined {
  const first = Array.isArray(target) ? target[0] : target;
  if (typeof first === 'string') return first;
  return optionalString(first, 'source', 'id');
}

function parseW3c(raw: object): ParsedAnnotation {
  const r = raw as Record<string, unknown>;
  const bodies = Array.isArray(r.body) ? r.body : r.body ? [r.body] : [];
  const comments: string[] = [];
  for (const b of bodies) {
    const purpose = optionalString(b, 'purpose');
    const value = optionalString(b, 'value');
    if (value && (purpose === undefined || purpose === 'commenting' || purpose === 'describing')) comments.push(value);
  }
  if (typeof r.bodyValue === 'string') comments.push(r.bodyValue);
  const ext = r[EXTENSION_KEY];
  return {
    kind: 'w3c',
    source: targetSource(r.target),
    ...readSelectors(r.target),
    comment: comments.join('\n\n'),
    created: optionalString(r, 'created'),
    creator: optionalName(r, 'creator'),
    ours: isExtension(ext) ? ext : undefined,
  };
}

function parseHypothesis(raw: object): ParsedAnnotation {
  const r = raw as Record<string, unknown>;
  const parsed = readSelectors(r.target);
  return {
    kind: 'hypothesis',
    source: optionalString(r, 'uri') ?? targetSource(r.target),
    ...parsed,
    comment: optionalString(r, 'text') ?? '',
    created: optionalString(r, 'created'),
    creator: optionalString(r, 'user')?.replace(/^acct:/, ''),
  };
}

function isExtension(value: unknown): value is FactcheckExtension {
  const claim = optionalObject(value, 'claim');
  return !!claim && typeof claim.id === 'string' && Array.isArray((value as Record<string, unknown>).sources);
}

/** The article the annotations are about: by URL / text hash, else the one where most of them anchor. */
export function chooseArticle(project: Project, annotations: readonly ParsedAnnotation[]): Article | undefined {
  const sources = new Set(annotations.map((a) => a.source).filter((s): s is string => !!s).map(normaliseIri));
  const byIri = project.articles.find((a) => sources.has(normaliseIri(articleIri(a))) || (a.metadata.url && sources.has(normaliseIri(a.metadata.url))));
  if (byIri) return byIri;
  let best: Article | undefined;
  let bestCount = 0;
  for (const article of project.articles) {
    const count = annotations.filter((a) => locate(article.text, a) !== null).length;
    if (count > bestCount) {
      best = article;
      bestCount = count;
    }
  }
  return best;
}

function normaliseIri(iri: string): string {
  return iri.trim().replace(/#.*$/, '').replace(/\/+$/, '').replace(/^http:/, 'https:');
}

/** Where an annotation's quote is in the text (UTF-16 offsets), or null. */
export function locate(text: string, a: ParsedAnnotation): { start: number; end: number; exact: boolean } | null {
  if (!a.quote || a.quote.exact === '') return null;
  const start = a.position ? fromCodePointOffset(text, a.position.start) : 0;
  const end = a.position ? fromCodePointOffset(text, a.position.end) : 0;
  const target: ClaimTarget = { position: { start, end }, quote: a.quote };
  const found = anchor(text, target);
  if (found.status !== 'orphaned') return { start: found.start, end: found.end, exact: found.status === 'exact' };
  // Other tools extract text with different whitespace: match the quote's words across any whitespace
  // (a quote longer than the text cannot be in it, whatever its spacing: no pattern is built for it).
  if (a.quote.exact.length > 2 * text.length + 100) return null;
  const words = a.quote.exact.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
  const hits = [...text.matchAll(pattern)];
  if (hits.length === 0) return null;
  const near = hits.reduce((b, h) => (Math.abs(h.index - start) < Math.abs(b.index - start) ? h : b));
  return { start: near.index, end: near.index + near[0].length, exact: false };
}

export interface PlanOptions {
  /** Makes new ids (claims and links of foreign annotations). */
  newId: (prefix: string) => string;
  now: string;
  author: string;
  /** Use this article instead of choosing one. */
  articleId?: string;
}

export function planImport(project: Project, annotations: readonly ParsedAnnotation[], options: PlanOptions): ImportPlan {
  const article = options.articleId ? project.articles.find((a) => a.id === options.articleId) : chooseArticle(project, annotations);
  const plan: ImportPlan = { article, total: annotations.length, anchored: 0, duplicates: 0, unanchored: [], refused: [], ops: [] };
  if (!article) {
    annotations.forEach((_, index) => plan.unanchored.push({ index, reason: 'no article in the project holds this text' }));
    return plan;
  }
  const claimIds = new Set(project.claims.map((c) => c.id));
  const sourceIds = new Set(project.sources.map((s) => s.id));

  let state = project;
  annotations.forEach((a, index) => {
    if (!a.quote) {
      plan.unanchored.push({ index, reason: 'it has no TextQuoteSelector' });
      return;
    }
    const found = locate(article.text, a);
    if (!found) {
      plan.unanchored.push({ index, reason: `its quote "${a.quote.exact.slice(0, 60)}" is not in the article` });
      return;
    }
    // Our own annotation at its recorded place keeps its selectors exactly; others are re-described in our text.
    const keepQuote = a.ours && found.exact && article.text.slice(found.start, found.end) === a.quote.exact;
    const target: ClaimTarget = keepQuote
      ? { position: { start: found.start, end: found.end }, quote: { ...a.quote } }
      : describeRange(article.text, found.start, found.end);

    let ops: LeafOperation[];
    if (a.ours) {
      if (claimIds.has(a.ours.claim.id)) {
        plan.duplicates++;
        return;
      }
      try {
        ops = oursToOperations(a, a.ours, target, article.id, project, sourceIds);
      } catch (err) {
        // Another program's idea of our format: fields missing or of the wrong kind.
        plan.refused.push({ index, reason: `its workbench data is not readable (${err instanceof Error ? err.message : String(err)})` });
        return;
      }
    } else {
      const claim: Claim = {
        id: options.newId('claim'),
        articleId: article.id,
        target,
        statement: clipText(target.quote.exact, 'paragraph'),
        claimant: '',
        verdict: { levelId: null, rationale: a.comment, conclusion: '' },
        state: 'draft',
        createdAt: clipText(a.created ?? options.now, 'date'),
        createdBy: clipText(a.creator ?? options.author, 'person'),
      };
      ops = [{ type: 'addClaim', claim }];
    }
    // The reducer is the judge: what it refuses (types, sizes, ids, verdicts) is reported, never written.
    try {
      state = apply(state, { type: 'batch', ops });
    } catch (err) {
      if (!(err instanceof OperationError)) throw err;
      plan.refused.push({ index, reason: `its claim cannot be added: ${err.message}` });
      return;
    }
    for (const op of ops) {
      if (op.type === 'addSource') sourceIds.add(op.source.id);
      if (op.type === 'addClaim') claimIds.add(op.claim.id);
    }
    plan.ops.push(...ops);
    plan.anchored++;
  });
  return plan;
}

/** The operations that add one of our own annotations back: its sources (those not in the project yet) and its claim with links. */
function oursToOperations(a: ParsedAnnotation, ours: FactcheckExtension, target: ClaimTarget, articleId: string, project: Project, sourceIds: ReadonlySet<string>): LeafOperation[] {
  const c = ours.claim;
  const ops: LeafOperation[] = [];
  const links: ClaimSourceLink[] = [];
  const added = new Set<string>();
  for (const { link, source } of ours.sources) {
    if (!sourceIds.has(source.id) && !added.has(source.id)) {
      ops.push({ type: 'addSource', source: source as Source });
      added.add(source.id);
    }
    links.push({
      id: link.id,
      claimId: c.id,
      sourceId: source.id,
      ...(link.stance ? { stance: link.stance } : {}),
      excerpt: link.excerpt,
      ...(typeof link.location === 'string' && link.location ? { location: link.location } : {}),
    });
  }
  const levels = project.ratingScale.levels;
  const levelId = c.verdict.levelId && levels.some((l) => l.id === c.verdict.levelId) ? c.verdict.levelId : (levels.find((l) => l.label === c.verdict.levelLabel)?.id ?? null);
  const claim: Claim = {
    id: c.id,
    articleId,
    target,
    statement: c.statement,
    claimant: c.claimant,
    verdict: { levelId, rationale: a.comment, conclusion: c.verdict.conclusion },
    // Review steps are taken here, not imported: an approval or a request from elsewhere comes back as work for review.
    state: c.state === 'approved' ? 'readyForReview' : c.state === 'changesRequested' ? 'researching' : c.state,
    createdAt: c.createdAt,
    createdBy: c.createdBy,
    ...(Array.isArray(c.tags) && c.tags.length ? { tags: c.tags.filter((t): t is string => typeof t === 'string') } : {}),
    // Where its fact-check is published belongs to the claim; the reducer refuses one that is not a URL.
    ...(typeof c.factCheckUrl === 'string' && c.factCheckUrl ? { factCheckUrl: c.factCheckUrl } : {}),
  };
  ops.push({ type: 'addClaim', claim, links });
  return ops;
}
