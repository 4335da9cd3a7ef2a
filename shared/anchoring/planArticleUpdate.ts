/**
 * Plans an article update: re-anchors every claim of the article against the new version (one
 * shared diff) and builds the single updateArticle operation that stores the new version, keeps
 * the old one in previousVersions and records each claim's result. Nothing is dropped:
 *   exact / moved → the target moves to the new span;
 *   changed       → the target keeps its old selectors; the new span is `anchor.proposed` until
 *                   the checker decides; a claim with a verdict is marked needsRecheck;
 *   orphaned      → the target keeps its old quote.
 */
import { hasVerdict } from '../claims';
import type { ArticleVersion, Claim, ClaimAnchor, RatingLevel } from '../model';
import type { ClaimAnchoring, LeafOperation, Project } from '../operations';
import { describeRange } from './describeRange';
import { reanchorAll } from './reanchorAll';

export interface UpdateSummary {
  exact: number;
  moved: number;
  changed: number;
  orphaned: number;
}

export interface ArticleUpdatePlan {
  op: Extract<LeafOperation, { type: 'updateArticle' }>;
  summary: UpdateSummary;
}

export function planArticleUpdate(project: Project, articleId: string, version: ArticleVersion, checkedAt: string): ArticleUpdatePlan {
  const article = project.articles.find((a) => a.id === articleId);
  if (!article) throw new Error(`No article with id "${articleId}"`);
  const claims = project.claims.filter((claim) => claim.articleId === articleId);
  const results = reanchorAll(article.text, version.text, claims);
  const summary: UpdateSummary = { exact: 0, moved: 0, changed: 0, orphaned: 0 };
  const changes = claims.map((claim, i): ClaimAnchoring => {
    const result = results[i];
    summary[result.status]++;
    const keep = { needsRecheck: claim.needsRecheck ?? null };
    if (result.status === 'orphaned') {
      const anchor: ClaimAnchor = { status: 'orphaned', checkedAt, oldQuote: claim.target.quote.exact };
      return { claimId: claim.id, target: claim.target, anchor, ...keep };
    }
    const target = describeRange(version.text, result.start, result.end);
    if (result.status === 'changed') {
      const anchor: ClaimAnchor = { status: 'changed', changes: result.changes, checkedAt, oldQuote: claim.target.quote.exact, proposed: target };
      return { claimId: claim.id, target: claim.target, anchor, needsRecheck: hasVerdict(claim, project.ratingScale) ? true : keep.needsRecheck };
    }
    return { claimId: claim.id, target, anchor: { status: result.status, checkedAt }, ...keep };
  });
  return { op: { type: 'updateArticle', articleId, version, previous: 'push', claims: changes }, summary };
}

/** The reanchorClaim operations for the checker's decisions on a changed or orphaned claim. */
export function acceptProposedSpan(claim: Claim): ClaimAnchoring {
  const proposed = claim.anchor?.proposed;
  if (!proposed) throw new Error(`Claim "${claim.id}" has no proposed span to accept`);
  return {
    claimId: claim.id,
    target: proposed,
    anchor: { ...withoutProposed(claim.anchor!), decision: 'accepted' },
    needsRecheck: claim.needsRecheck ?? null,
  };
}

/** Re-targets a claim to [start, end) of the article's text; a reworded claim with a verdict on `scale` needs a re-check. */
export function retargetClaim(claim: Claim, text: string, start: number, end: number, scale: { readonly levels: readonly RatingLevel[] }): ClaimAnchoring {
  const target = describeRange(text, start, end);
  const base: ClaimAnchor = claim.anchor ? withoutProposed(claim.anchor) : { status: 'moved' };
  const reworded = target.quote.exact !== claim.target.quote.exact;
  return {
    claimId: claim.id,
    target,
    anchor: { ...base, oldQuote: base.oldQuote ?? claim.target.quote.exact, decision: 'retargeted' },
    needsRecheck: reworded && hasVerdict(claim, scale) ? true : (claim.needsRecheck ?? null),
  };
}

export function keepOrphaned(claim: Claim): ClaimAnchoring {
  const base: ClaimAnchor = claim.anchor ? withoutProposed(claim.anchor) : { status: 'orphaned' };
  return {
    claimId: claim.id,
    target: claim.target,
    anchor: { ...base, status: 'orphaned', oldQuote: base.oldQuote ?? claim.target.quote.exact, decision: 'keptOrphaned' },
    needsRecheck: claim.needsRecheck ?? null,
  };
}

function withoutProposed(anchor: ClaimAnchor): ClaimAnchor {
  const { proposed: _proposed, ...rest } = anchor;
  return rest;
}
