/**
 * The reducer: applies one operation to a project and returns the new project. Pure and immutable
 * (new arrays/objects along the changed path; untouched parts are shared). Does not touch history:
 * that is history.ts's job. Throws OperationError when the operation does not fit the project.
 */
import type { Article, Claim, ClaimSourceLink, Source } from './model';
import { OperationError, type LeafOperation, type Operation, type Project } from './operations';
import { applyReviewOperation, assertUnlocked, dropBlankOptionals, isReviewOperation } from './review/reviewReducer';
import { applyAnchoringOperation, isAnchoringOperation } from './anchoring/anchoringOperations';
import { applyArticleMetadataOperation, isArticleMetadataOperation } from './articles/editArticleMetadata';
import { applyCaptureOperation, isCaptureOperation } from './captures/captureOperations';
import { insertAt, removeAt, replaceAt, requireIndex, requireNew } from './listOps';

export function apply(project: Project, op: Operation): Project {
  if (op.type === 'batch') {
    if (op.ops.length === 0) throw new OperationError('A batch needs at least one operation');
    return op.ops.reduce<Project>((state, inner) => applyLeaf(state, inner), project);
  }
  return applyLeaf(project, op);
}

function applyLeaf(project: Project, op: LeafOperation): Project {
  assertUnlocked(project, op);
  if (isReviewOperation(op)) return applyReviewOperation(project, op);
  if (isAnchoringOperation(op)) return applyAnchoringOperation(project, op);
  if (isArticleMetadataOperation(op)) return applyArticleMetadataOperation(project, op);
  if (isCaptureOperation(op)) return applyCaptureOperation(project, op);
  switch (op.type) {
    case 'renameProject':
      return { ...project, title: op.title };

    case 'addArticle': {
      requireNew(project.articles, op.article.id, 'article');
      const claims = op.claims ?? [];
      const links = op.links ?? [];
      let next: Project = { ...project, articles: insertAt(project.articles, op.article, op.index) };
      for (const claim of claims) {
        if (claim.articleId !== op.article.id) {
          throw new OperationError(`Claim "${claim.id}" belongs to article "${claim.articleId}", not "${op.article.id}"`);
        }
        next = addClaim(next, claim, undefined);
      }
      for (const link of links) next = linkSource(next, link, undefined);
      return next;
    }

    case 'removeArticle': {
      const index = requireIndex(project.articles, op.articleId, 'article');
      const claimIds = new Set(project.claims.filter((c) => c.articleId === op.articleId).map((c) => c.id));
      return {
        ...project,
        articles: removeAt(project.articles, index),
        claims: claimIds.size ? project.claims.filter((c) => !claimIds.has(c.id)) : project.claims,
        links: claimIds.size ? project.links.filter((l) => !claimIds.has(l.claimId)) : project.links,
      };
    }

    case 'renameArticle': {
      const index = requireIndex(project.articles, op.articleId, 'article');
      const article = project.articles[index];
      const renamed: Article = { ...article, metadata: { ...article.metadata, title: op.title } };
      return { ...project, articles: replaceAt(project.articles, index, renamed) };
    }

    case 'addClaim': {
      let next = addClaim(project, op.claim, op.index);
      for (const link of op.links ?? []) {
        if (link.claimId !== op.claim.id) {
          throw new OperationError(`Source link "${link.id}" belongs to claim "${link.claimId}", not "${op.claim.id}"`);
        }
        next = linkSource(next, link, undefined);
      }
      return next;
    }

    case 'deleteClaim': {
      const index = requireIndex(project.claims, op.claimId, 'claim');
      const hasLinks = project.links.some((l) => l.claimId === op.claimId);
      return {
        ...project,
        claims: removeAt(project.claims, index),
        links: hasLinks ? project.links.filter((l) => l.claimId !== op.claimId) : project.links,
      };
    }

    case 'editClaim': {
      const index = requireIndex(project.claims, op.claimId, 'claim');
      const claim: Claim = dropBlankOptionals({ ...project.claims[index], ...definedFields(op.changes) });
      return { ...project, claims: replaceAt(project.claims, index, claim) };
    }

    case 'setVerdict': {
      const index = requireIndex(project.claims, op.claimId, 'claim');
      const old = project.claims[index];
      const { levelId, rationale, conclusion } = op;
      const claim: Claim = { ...old, verdict: { ...old.verdict, ...definedFields({ levelId, rationale, conclusion }) } };
      return { ...project, claims: replaceAt(project.claims, index, claim) };
    }

    case 'addSource':
      requireNew(project.sources, op.source.id, 'source');
      return { ...project, sources: insertAt(project.sources, op.source, op.index) };

    case 'editSource': {
      const index = requireIndex(project.sources, op.sourceId, 'source');
      const source: Source = dropBlankOptionals({ ...project.sources[index], ...definedFields(op.changes) } as Source);
      return { ...project, sources: replaceAt(project.sources, index, source) };
    }

    case 'removeSource': {
      const index = requireIndex(project.sources, op.sourceId, 'source');
      const used = project.links.filter((l) => l.sourceId === op.sourceId).length;
      if (used > 0) {
        throw new OperationError(
          `Source "${op.sourceId}" is still linked to ${used === 1 ? 'a claim' : `${used} claims`}; unlink it first`,
        );
      }
      return { ...project, sources: removeAt(project.sources, index) };
    }

    case 'linkSource':
      return linkSource(project, op.link, op.index);

    case 'editLink': {
      const index = requireIndex(project.links, op.linkId, 'source link');
      const link: ClaimSourceLink = dropBlankOptionals({ ...project.links[index], ...definedFields(op.changes) });
      return { ...project, links: replaceAt(project.links, index, link) };
    }

    case 'unlinkSource': {
      const index = requireIndex(project.links, op.linkId, 'source link');
      return { ...project, links: removeAt(project.links, index) };
    }

    default: {
      const unknown: never = op;
      throw new OperationError(`Unknown operation: ${String((unknown as { type?: unknown }).type)}`);
    }
  }
}

function addClaim(project: Project, claim: Claim, index: number | undefined): Project {
  requireNew(project.claims, claim.id, 'claim');
  const article = project.articles.find((a) => a.id === claim.articleId);
  if (!article) throw new OperationError(`No article with id "${claim.articleId}" for claim "${claim.id}"`);
  const { start, end } = claim.target.position;
  if (!(start >= 0 && start <= end && end <= article.text.length)) {
    throw new OperationError(
      `Claim "${claim.id}" spans ${start}–${end}, outside the article's text (length ${article.text.length})`,
    );
  }
  return { ...project, claims: insertAt(project.claims, claim, index) };
}

function linkSource(project: Project, link: ClaimSourceLink, index: number | undefined): Project {
  requireNew(project.links, link.id, 'source link');
  if (!project.claims.some((c) => c.id === link.claimId)) {
    throw new OperationError(`No claim with id "${link.claimId}" for source link "${link.id}"`);
  }
  if (!project.sources.some((s) => s.id === link.sourceId)) {
    throw new OperationError(`No source with id "${link.sourceId}" for source link "${link.id}"`);
  }
  return { ...project, links: insertAt(project.links, link, index) };
}

/** The fields whose value is not undefined (a partial change must not erase fields it does not name). */
function definedFields<T extends object>(changes: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(changes) as (keyof T)[]) {
    if (changes[key] !== undefined) out[key] = changes[key];
  }
  return out;
}
