/** Reducer, inverse and labels of the re-anchoring operations (updateArticle, reanchorClaim). */
import type { Article, ArticleVersion, Claim, ClaimAnchor } from '../model';
import { OperationError, type LeafOperation, type Project } from '../operations';
import type { ClaimAnchoring } from './operationSchemas';

export type AnchoringOperation = Extract<LeafOperation, { type: 'updateArticle' | 'reanchorClaim' }>;

export function isAnchoringOperation(op: LeafOperation): op is AnchoringOperation {
  return op.type === 'updateArticle' || op.type === 'reanchorClaim';
}

/** The version fields of an article (what previousVersions holds). */
export function snapshotOf(article: Article): ArticleVersion {
  const { importedAt, format, metadata, blocks, text, textSha256 } = article;
  return { importedAt, format, metadata, blocks, text, textSha256 };
}

/** A claim's current anchoring fields, in the form an operation carries them. */
export function anchoringOf(claim: Claim): ClaimAnchoring {
  return { claimId: claim.id, target: claim.target, anchor: claim.anchor ?? null, needsRecheck: claim.needsRecheck ?? null };
}

function withAnchoring(claim: Claim, change: ClaimAnchoring, text: string): Claim {
  const { start, end } = change.target.position;
  if (!(start >= 0 && start <= end && end <= text.length)) {
    throw new OperationError(`Claim "${claim.id}" would span ${start}–${end}, outside the article's text (length ${text.length})`);
  }
  const { anchor: _anchor, needsRecheck: _needsRecheck, ...rest } = claim;
  const next: Claim = { ...rest, target: change.target };
  if (change.anchor !== null) next.anchor = change.anchor as ClaimAnchor;
  if (change.needsRecheck !== null) next.needsRecheck = change.needsRecheck;
  return next;
}

function applyClaimChanges(project: Project, changes: readonly ClaimAnchoring[], articleId: string, text: string): Project['claims'] {
  const byId = new Map(changes.map((change) => [change.claimId, change]));
  for (const change of changes) {
    const claim = project.claims.find((c) => c.id === change.claimId);
    if (!claim) throw new OperationError(`No claim with id "${change.claimId}"`);
    if (claim.articleId !== articleId) throw new OperationError(`Claim "${change.claimId}" is not in article "${articleId}"`);
  }
  return project.claims.map((claim) => {
    const change = byId.get(claim.id);
    return change ? withAnchoring(claim, change, text) : claim;
  });
}

export function applyAnchoringOperation(project: Project, op: AnchoringOperation): Project {
  if (op.type === 'updateArticle') {
    const index = project.articles.findIndex((a) => a.id === op.articleId);
    if (index < 0) throw new OperationError(`No article with id "${op.articleId}"`);
    const article = project.articles[index];
    let previousVersions: ArticleVersion[];
    if (op.previous === 'push') {
      previousVersions = [...article.previousVersions, snapshotOf(article)];
    } else {
      if (article.previousVersions.length === 0) throw new OperationError(`Article "${op.articleId}" has no earlier version to restore`);
      previousVersions = article.previousVersions.slice(0, -1);
    }
    const updated: Article = { ...op.version, id: article.id, previousVersions };
    const articles = project.articles.slice();
    articles[index] = updated;
    return { ...project, articles, claims: applyClaimChanges(project, op.claims, op.articleId, op.version.text) };
  }
  const claim = project.claims.find((c) => c.id === op.claim.claimId);
  if (!claim) throw new OperationError(`No claim with id "${op.claim.claimId}"`);
  const article = project.articles.find((a) => a.id === claim.articleId);
  if (!article) throw new OperationError(`No article with id "${claim.articleId}"`);
  return { ...project, claims: applyClaimChanges(project, [op.claim], article.id, article.text) };
}

export function invertAnchoringOperation(project: Project, op: AnchoringOperation): AnchoringOperation {
  if (op.type === 'updateArticle') {
    const article = project.articles.find((a) => a.id === op.articleId);
    if (!article) throw new OperationError(`No article with id "${op.articleId}"`);
    const old = snapshotOf(article);
    const claims = op.claims.map((change) => {
      const claim = project.claims.find((c) => c.id === change.claimId);
      if (!claim) throw new OperationError(`No claim with id "${change.claimId}"`);
      return anchoringOf(claim);
    });
    return { type: 'updateArticle', articleId: op.articleId, version: old, previous: op.previous === 'push' ? 'pop' : 'push', claims };
  }
  const claim = project.claims.find((c) => c.id === op.claim.claimId);
  if (!claim) throw new OperationError(`No claim with id "${op.claim.claimId}"`);
  return { type: 'reanchorClaim', claim: anchoringOf(claim) };
}

export function describeAnchoringOperation(op: AnchoringOperation): string {
  if (op.type === 'updateArticle') return 'Update article';
  if (op.claim.needsRecheck === false) return 'Mark claim re-checked';
  switch (op.claim.anchor?.decision) {
    case 'accepted':
      return 'Accept new claim span';
    case 'retargeted':
      return 'Re-target claim';
    case 'keptOrphaned':
      return 'Keep claim orphaned';
    default:
      return 'Re-anchor claim';
  }
}
