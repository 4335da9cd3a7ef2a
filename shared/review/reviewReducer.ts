/**
 * The review workflow's operations (state changes, the discussion thread, rating scales, the
 * methodology note, attachments) and the lock on approved claims. Called by shared/reducer.ts.
 */
import type { Claim, Source } from '../model';
import { OperationError, type LeafOperation, type Project } from '../operations';
import { insertAt, removeAt, replaceAt, requireIndex, requireNew } from '../listOps';

export type ReviewOperation = Extract<
  LeafOperation,
  { type: 'changeState' | 'postComment' | 'deleteComment' | 'setRatingScale' | 'setMethodology' | 'attachFile' | 'detachFile' }
>;

const REVIEW_TYPES = new Set<string>([
  'changeState',
  'postComment',
  'deleteComment',
  'setRatingScale',
  'setMethodology',
  'attachFile',
  'detachFile',
]);

export function isReviewOperation(op: LeafOperation): op is ReviewOperation {
  return REVIEW_TYPES.has(op.type);
}

/** Optional fields added by the review workflow: a blank value ('' or []) means "not set" and removes the key, so undo restores files exactly. */
const BLANKABLE_KEYS = ['assignee', 'tags', 'author', 'publishedAt', 'kind', 'notes', 'location', 'withheld'] as const;

export function dropBlankOptionals<T extends object>(value: T): T {
  let out: T | null = null;
  for (const key of BLANKABLE_KEYS) {
    const v = (value as Record<string, unknown>)[key];
    if (v === '' || v === false || (Array.isArray(v) && v.length === 0)) {
      out ??= { ...value };
      delete (out as Record<string, unknown>)[key];
    }
  }
  return out ?? value;
}

export const LOCKED_MESSAGE = 'is approved and locked; reopen it to make changes';

/** The claims an operation would change (for the lock on approved claims). Review steps and comments are never locked. */
export function claimsTouchedBy(project: Project, op: LeafOperation): string[] {
  switch (op.type) {
    case 'editClaim':
      // A plain state change is a review step (and its undo must work on an approved claim).
      return Object.keys(op.changes).every((key) => key === 'state' || op.changes[key as keyof typeof op.changes] === undefined) ? [] : [op.claimId];
    case 'setVerdict':
      return [op.claimId];
    // An approved claim cannot be deleted, nor its article removed, until it is reopened. (Undo stays
    // possible: the history undoes the approval before it reaches the step that made the claim.)
    case 'deleteClaim':
      return [op.claimId];
    case 'removeArticle':
      return project.claims.filter((claim) => claim.articleId === op.articleId).map((claim) => claim.id);
    // linkSource is not locked: undoing the removal of an article relinks its claims' sources one by
    // one. The claim panel disables "Add source" on an approved claim instead.
    case 'editLink':
    case 'unlinkSource': {
      const link = project.links.find((l) => l.id === op.linkId);
      return link ? [link.claimId] : [];
    }
    case 'editSource':
      // Withholding a source for its safety is always possible (issue 7): it changes no claim's content.
      if (Object.keys(op.changes).every((key) => key === 'withheld' || op.changes[key as keyof typeof op.changes] === undefined)) return [];
      return project.links.filter((l) => l.sourceId === op.sourceId).map((l) => l.claimId);
    case 'attachFile':
    case 'detachFile':
      return project.links.filter((l) => l.sourceId === op.sourceId).map((l) => l.claimId);
    default:
      return [];
  }
}

/** Throws OperationError when `op` would change an approved claim. */
export function assertUnlocked(project: Project, op: LeafOperation): void {
  const ids = claimsTouchedBy(project, op);
  if (ids.length === 0) return;
  const locked = project.claims.find((claim) => claim.state === 'approved' && ids.includes(claim.id));
  if (!locked) return;
  const what =
    op.type === 'editSource' || op.type === 'attachFile' || op.type === 'detachFile'
      ? 'This source is used by a claim that'
      : op.type === 'removeArticle'
        ? `This article has a claim (“${locked.target.quote.exact.slice(0, 60)}”) that`
        : 'This claim';
  throw new OperationError(`${what} ${LOCKED_MESSAGE}`);
}

export function applyReviewOperation(project: Project, op: ReviewOperation): Project {
  switch (op.type) {
    case 'changeState': {
      const index = requireIndex(project.claims, op.claimId, 'claim');
      const claim: Claim = { ...project.claims[index], state: op.state };
      return { ...project, claims: replaceAt(project.claims, index, claim) };
    }
    case 'postComment': {
      const comments = project.comments ?? [];
      requireNew(comments, op.comment.id, 'comment');
      if (!project.claims.some((c) => c.id === op.comment.claimId)) {
        throw new OperationError(`No claim with id "${op.comment.claimId}" for comment "${op.comment.id}"`);
      }
      return { ...project, comments: insertAt(comments, op.comment, op.index) };
    }
    case 'deleteComment': {
      const comments = project.comments ?? [];
      const index = requireIndex(comments, op.commentId, 'comment');
      return { ...project, comments: removeAt(comments, index) };
    }
    case 'setRatingScale': {
      let claims = project.claims;
      for (const assignment of op.verdicts) {
        const index = requireIndex(claims, assignment.claimId, 'claim');
        const old = claims[index];
        const verdict = { ...old.verdict, levelId: assignment.levelId };
        if (assignment.previousLabel === undefined) delete verdict.previousLabel;
        else verdict.previousLabel = assignment.previousLabel;
        claims = replaceAt(claims, index, { ...old, verdict });
      }
      return { ...project, ratingScale: op.scale, claims };
    }
    case 'setMethodology': {
      if (op.text !== '') return { ...project, methodology: op.text };
      const { methodology: _dropped, ...rest } = project;
      return rest;
    }
    case 'attachFile': {
      const index = requireIndex(project.sources, op.sourceId, 'source');
      const source = project.sources[index];
      const attachments = source.attachments ?? [];
      if (attachments.some((a) => a.sha256 === op.attachment.sha256)) {
        throw new OperationError(`This file is already attached to the source`);
      }
      const next: Source = { ...source, attachments: insertAt(attachments, op.attachment, op.index) };
      return { ...project, sources: replaceAt(project.sources, index, next) };
    }
    case 'detachFile': {
      const index = requireIndex(project.sources, op.sourceId, 'source');
      const source = project.sources[index];
      const attachments = source.attachments ?? [];
      const at = attachments.findIndex((a) => a.sha256 === op.sha256);
      if (at < 0) throw new OperationError(`No attachment ${op.sha256.slice(0, 12)}… on source "${op.sourceId}"`);
      const remaining = removeAt(attachments, at);
      const next: Source = { ...source, attachments: remaining };
      if (remaining.length === 0) delete next.attachments;
      return { ...project, sources: replaceAt(project.sources, index, next) };
    }
    default: {
      const unknown: never = op;
      throw new OperationError(`Unknown operation: ${String((unknown as { type?: unknown }).type)}`);
    }
  }
}
