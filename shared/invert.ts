/**
 * Inverse operations. `invert(project, op)` is computed against the state BEFORE `op`, and
 * apply(apply(project, op), invert(project, op)) deep-equals `project` (history aside), including
 * the order of every list.
 */
import { apply } from './reducer';
import { OperationError, type LeafOperation, type Operation, type Project } from './operations';
import { isReviewOperation } from './review/reviewReducer';
import { invertReviewOperation } from './review/reviewInvert';
import { invertAnchoringOperation, isAnchoringOperation } from './anchoring/anchoringOperations';
import { invertArticleMetadataOperation, isArticleMetadataOperation } from './articles/editArticleMetadata';
import { invertCaptureOperation, isCaptureOperation } from './captures/captureOperations';

/** Values that stand for "not set" when undoing the first edit of an optional field. */
const UNSET_VALUES: Record<string, unknown> = { assignee: '', tags: [], author: '', publishedAt: '', kind: '', notes: '', location: '', withheld: false };

export function invert(project: Project, op: Operation): Operation {
  if (op.type !== 'batch') return invertLeaf(project, op);
  const inverses: LeafOperation[][] = [];
  let state = project;
  for (const inner of op.ops) {
    inverses.push(leaves(invertLeaf(state, inner)));
    state = apply(state, inner);
  }
  const ops = inverses.reverse().flat();
  return op.label === undefined ? { type: 'batch', ops } : { type: 'batch', label: op.label, ops };
}

function leaves(op: Operation): LeafOperation[] {
  return op.type === 'batch' ? op.ops : [op];
}

function invertLeaf(project: Project, op: LeafOperation): Operation {
  if (isReviewOperation(op)) return invertReviewOperation(project, op);
  if (isAnchoringOperation(op)) return invertAnchoringOperation(project, op);
  if (isArticleMetadataOperation(op)) return invertArticleMetadataOperation(project, op);
  if (isCaptureOperation(op)) return invertCaptureOperation(project, op);
  switch (op.type) {
    case 'renameProject':
      return { type: 'renameProject', title: project.title };

    case 'addArticle':
      return { type: 'removeArticle', articleId: op.article.id };

    case 'removeArticle': {
      const index = indexOf(project.articles, op.articleId, 'article');
      const article = project.articles[index];
      const restoreArticle: LeafOperation = { type: 'addArticle', article, index };
      const claimIds = new Set(project.claims.filter((c) => c.articleId === op.articleId).map((c) => c.id));
      if (claimIds.size === 0) return restoreArticle;
      // Claims and links of several articles interleave in their lists: put each back at its old
      // index, in ascending order, so every list comes back in exactly the same order.
      const ops: LeafOperation[] = [restoreArticle];
      project.claims.forEach((claim, i) => {
        if (claimIds.has(claim.id)) ops.push({ type: 'addClaim', claim, index: i });
      });
      project.links.forEach((link, i) => {
        if (claimIds.has(link.claimId)) ops.push({ type: 'linkSource', link, index: i });
      });
      return { type: 'batch', label: 'Restore article', ops };
    }

    case 'renameArticle': {
      const article = project.articles[indexOf(project.articles, op.articleId, 'article')];
      return { type: 'renameArticle', articleId: op.articleId, title: article.metadata.title };
    }

    case 'addClaim':
      return { type: 'deleteClaim', claimId: op.claim.id };

    case 'deleteClaim': {
      const index = indexOf(project.claims, op.claimId, 'claim');
      const restoreClaim: LeafOperation = { type: 'addClaim', claim: project.claims[index], index };
      const ops: LeafOperation[] = [restoreClaim];
      project.links.forEach((link, i) => {
        if (link.claimId === op.claimId) ops.push({ type: 'linkSource', link, index: i });
      });
      return ops.length === 1 ? restoreClaim : { type: 'batch', label: 'Restore claim', ops };
    }

    case 'editClaim': {
      const claim = project.claims[indexOf(project.claims, op.claimId, 'claim')];
      return { type: 'editClaim', claimId: op.claimId, changes: oldValues(claim, op.changes) };
    }

    case 'setVerdict': {
      const { verdict } = project.claims[indexOf(project.claims, op.claimId, 'claim')];
      const inverse: Extract<LeafOperation, { type: 'setVerdict' }> = { type: 'setVerdict', claimId: op.claimId };
      if (op.levelId !== undefined) inverse.levelId = verdict.levelId;
      if (op.rationale !== undefined) inverse.rationale = verdict.rationale;
      if (op.conclusion !== undefined) inverse.conclusion = verdict.conclusion;
      return inverse;
    }

    case 'addSource':
      return { type: 'removeSource', sourceId: op.source.id };

    case 'editSource': {
      const source = project.sources[indexOf(project.sources, op.sourceId, 'source')];
      return { type: 'editSource', sourceId: op.sourceId, changes: oldValues(source as Omit<typeof source, 'kind'> & { kind?: NonNullable<typeof source.kind> | '' }, op.changes) };
    }

    case 'removeSource': {
      const index = indexOf(project.sources, op.sourceId, 'source');
      return { type: 'addSource', source: project.sources[index], index };
    }

    case 'linkSource':
      return { type: 'unlinkSource', linkId: op.link.id };

    case 'editLink': {
      const link = project.links[indexOf(project.links, op.linkId, 'source link')];
      return { type: 'editLink', linkId: op.linkId, changes: oldValues(link, op.changes) };
    }

    case 'unlinkSource': {
      const index = indexOf(project.links, op.linkId, 'source link');
      return { type: 'linkSource', link: project.links[index], index };
    }

    default: {
      const unknown: never = op;
      throw new OperationError(`Unknown operation: ${String((unknown as { type?: unknown }).type)}`);
    }
  }
}

function indexOf(items: readonly { id: string }[], id: string, what: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) throw new OperationError(`No ${what} with id "${id}"`);
  return index;
}

/** The current values of exactly the keys a change sets. */
function oldValues<T extends object, C extends Partial<T>>(current: T, changes: C): C {
  const out = {} as C;
  for (const key of Object.keys(changes) as (keyof C & keyof T)[]) {
    if (changes[key] !== undefined) out[key] = (current[key] ?? UNSET_VALUES[key as string]) as unknown as C[typeof key];
  }
  return out;
}
