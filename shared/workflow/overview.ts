/**
 * The project overview: counts by state and verdict, filters, sort and full-text search (minisearch)
 * over claims' statements, quotes, claimants, rationales, conclusions, tags and their sources.
 */
import MiniSearch from 'minisearch';
import { ClaimStateSchema, type Claim, type ClaimState } from '../model';
import type { Project } from '../operations';
import { isAssignedTo, isOverdue } from './tasking';

export interface OverviewFilters {
  state?: ClaimState | '';
  /** A level id, 'none' for claims without a verdict, or '' for all. */
  verdict?: string;
  claimant?: string;
  tag?: string;
  assignee?: string;
  /** "Assigned to me": the user's name. */
  assignedTo?: string;
  /** "Overdue": today's date (YYYY-MM-DD); claims due before it and not approved. */
  overdueOn?: string;
  query?: string;
}

export type OverviewSort = 'article' | 'state' | 'verdict' | 'claimant' | 'created';

export interface OverviewCounts {
  byState: Record<ClaimState, number>;
  /** Level id (or 'none') → count. */
  byVerdict: Record<string, number>;
  total: number;
}

const STATE_ORDER: readonly ClaimState[] = ClaimStateSchema.options;

export function overviewCounts(project: Project, claims: readonly Claim[] = project.claims): OverviewCounts {
  const byState = Object.fromEntries(STATE_ORDER.map((s) => [s, 0])) as Record<ClaimState, number>;
  const byVerdict: Record<string, number> = {};
  for (const claim of claims) {
    byState[claim.state]++;
    const key = claim.verdict.levelId && project.ratingScale.levels.some((l) => l.id === claim.verdict.levelId) ? claim.verdict.levelId : 'none';
    byVerdict[key] = (byVerdict[key] ?? 0) + 1;
  }
  return { byState, byVerdict, total: claims.length };
}

/** Distinct, sorted values of a claim field across the project (for the filter menus). */
export function distinctValues(project: Project, pick: (claim: Claim) => string[]): string[] {
  const values = new Set<string>();
  for (const claim of project.claims) for (const value of pick(claim)) if (value.trim()) values.add(value.trim());
  return [...values].sort((a, b) => a.localeCompare(b));
}

interface ClaimDocument {
  id: string;
  statement: string;
  quote: string;
  claimant: string;
  rationale: string;
  conclusion: string;
  tags: string;
  sources: string;
  comments: string;
}

/** Builds a search index over the project's claims (rebuild when the project changes). */
export function buildClaimIndex(project: Project): MiniSearch<ClaimDocument> {
  const index = new MiniSearch<ClaimDocument>({
    fields: ['statement', 'quote', 'claimant', 'rationale', 'conclusion', 'tags', 'sources', 'comments'],
    storeFields: [],
    searchOptions: { prefix: true, fuzzy: 0.15, combineWith: 'AND', boost: { statement: 2, quote: 1.5 } },
  });
  const sourcesById = new Map(project.sources.map((s) => [s.id, s]));
  // Links and comments grouped by claim in one pass each (not filtered again for every claim).
  const sourceText = new Map<string, string[]>();
  for (const l of project.links) {
    const s = sourcesById.get(l.sourceId);
    const text = [s?.title, s?.publisher, s?.author, s?.url, s?.notes, l.excerpt].filter(Boolean).join(' ');
    const list = sourceText.get(l.claimId);
    if (list) list.push(text);
    else sourceText.set(l.claimId, [text]);
  }
  const commentText = new Map<string, string[]>();
  for (const c of project.comments ?? []) {
    const list = commentText.get(c.claimId);
    if (list) list.push(c.text);
    else commentText.set(c.claimId, [c.text]);
  }
  const docs: ClaimDocument[] = project.claims.map((claim) => ({
    id: claim.id,
    statement: claim.statement,
    quote: claim.target.quote.exact,
    claimant: claim.claimant,
    rationale: claim.verdict.rationale,
    conclusion: claim.verdict.conclusion,
    tags: (claim.tags ?? []).join(' '),
    sources: (sourceText.get(claim.id) ?? []).join(' '),
    comments: (commentText.get(claim.id) ?? []).join(' '),
  }));
  index.addAll(docs);
  return index;
}

/** The claim index of a project, built the first time it is asked for (a search), then kept. */
export function lazyClaimIndex(project: Project): () => MiniSearch<ClaimDocument> {
  let index: MiniSearch<ClaimDocument> | null = null;
  return () => (index ??= buildClaimIndex(project));
}

export function filterClaims(
  project: Project,
  filters: OverviewFilters,
  sort: OverviewSort = 'article',
  index?: MiniSearch<ClaimDocument> | (() => MiniSearch<ClaimDocument>),
): Claim[] {
  let claims = project.claims.slice();
  const query = filters.query?.trim();
  let scores: Map<string, number> | null = null;
  if (query) {
    const idx = typeof index === 'function' ? index() : (index ?? buildClaimIndex(project));
    scores = new Map(idx.search(query).map((r) => [String(r.id), r.score]));
    claims = claims.filter((c) => scores!.has(c.id));
  }
  if (filters.state) claims = claims.filter((c) => c.state === filters.state);
  if (filters.verdict) {
    const known = new Set(project.ratingScale.levels.map((l) => l.id));
    claims = claims.filter((c) => (filters.verdict === 'none' ? !c.verdict.levelId || !known.has(c.verdict.levelId) : c.verdict.levelId === filters.verdict));
  }
  if (filters.claimant) claims = claims.filter((c) => c.claimant.trim() === filters.claimant);
  if (filters.tag) claims = claims.filter((c) => (c.tags ?? []).some((t) => t.trim() === filters.tag));
  if (filters.assignee) claims = claims.filter((c) => (c.assignee ?? '').trim() === filters.assignee);
  if (filters.assignedTo) claims = claims.filter((c) => isAssignedTo(c, filters.assignedTo!));
  if (filters.overdueOn) claims = claims.filter((c) => isOverdue(c, filters.overdueOn!));

  const articleOrder = new Map(project.articles.map((a, i) => [a.id, i]));
  const levelOrder = new Map(project.ratingScale.levels.map((l, i) => [l.id, i]));
  const compare: Record<OverviewSort, (a: Claim, b: Claim) => number> = {
    article: (a, b) =>
      (articleOrder.get(a.articleId) ?? 0) - (articleOrder.get(b.articleId) ?? 0) || a.target.position.start - b.target.position.start,
    state: (a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state),
    verdict: (a, b) => (levelOrder.get(a.verdict.levelId ?? '') ?? 999) - (levelOrder.get(b.verdict.levelId ?? '') ?? 999),
    claimant: (a, b) => a.claimant.localeCompare(b.claimant),
    created: (a, b) => b.createdAt.localeCompare(a.createdAt),
  };
  const order = new Map(claims.map((c, i) => [c.id, i]));
  const cmp = query && sort === 'article' && scores ? (a: Claim, b: Claim) => (scores!.get(b.id) ?? 0) - (scores!.get(a.id) ?? 0) : compare[sort];
  return claims.sort((a, b) => cmp(a, b) || order.get(a.id)! - order.get(b.id)!);
}
