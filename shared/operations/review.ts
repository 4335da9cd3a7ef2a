/**
 * The review workflow: a claim's move to another review state (named by the step taken: Ready for
 * review, Approve, Reopen…) and its discussion thread. None of these is refused on an approved
 * claim: Reopen is how it is unlocked, and comments may always be added.
 */
import { z } from 'zod';
import { IdSchema } from '../limits';
import { ClaimStateSchema, CommentSchema } from '../model';
import { CLAIM_STATE_LABELS, actionLabel } from '../labels';
import { ApprovalOverrideSchema, ReviewActionSchema, SKIPPED_CHECK_LABELS } from '../workflow/steps';
import { OperationError } from './errors';
import { defineFamily } from './family';
import { insertAt, removeAt, replaceAt, requireIndex, requireItem, requireNew } from './lists';

const id = IdSchema;

export const reviewSchemas = [
  /**
   * Moves a claim to another review state; `action` names the step (Ready for review, Approve…).
   * An approval that skips checks carries the editor's `override` (the reason is the record).
   */
  z.object({
    type: z.literal('changeState'),
    claimId: id,
    state: ClaimStateSchema,
    action: ReviewActionSchema.optional(),
    override: ApprovalOverrideSchema.optional(),
  }),
  /** Adds a message to a claim's discussion thread (at `index` of the comment list when undoing a deletion). */
  z.object({ type: z.literal('postComment'), comment: CommentSchema, index: z.number().int().nonnegative().optional() }),
  z.object({ type: z.literal('deleteComment'), commentId: id }),
] as const;

export const review = defineFamily('review', reviewSchemas, {
  changeState: {
    apply(project, op) {
      const at = requireIndex(project.claims, op.claimId, 'claim');
      return { ...project, claims: replaceAt(project.claims, at, { ...project.claims[at], state: op.state }) };
    },
    invert: (project, op) => ({ type: 'changeState', claimId: op.claimId, state: requireItem(project.claims, op.claimId, 'claim').state }),
    describe(op) {
      if (!op.action) return `Set state to ${CLAIM_STATE_LABELS[op.state]}`;
      if (!op.override) return actionLabel(op.action);
      const skipped = op.override.skipped.map((check) => SKIPPED_CHECK_LABELS[check]).join(', ');
      return `${actionLabel(op.action)}, checks skipped (${skipped}): ${op.override.reason.trim().slice(0, 200)}`;
    },
    claimIds: (op) => [op.claimId],
    locks: () => false,
    stateChange: (op) => ({ to: op.state, action: op.action, override: op.override }),
  },

  postComment: {
    // A new comment (not one restored by undo, which carries its index) is the sender's.
    withAuthor: (op, author) => (op.index === undefined ? { ...op, comment: { ...op.comment, author } } : op),
    apply(project, op) {
      const comments = project.comments ?? [];
      requireNew(comments, op.comment.id, 'comment');
      if (!project.claims.some((c) => c.id === op.comment.claimId)) {
        throw new OperationError(`No claim with id "${op.comment.claimId}" for comment "${op.comment.id}"`);
      }
      return { ...project, comments: insertAt(comments, op.comment, op.index) };
    },
    invert: (_project, op) => ({ type: 'deleteComment', commentId: op.comment.id }),
    describe: () => 'Post comment',
    claimIds: (op) => [op.comment.claimId],
    locks: () => false,
    carries: (op) => ({ comments: [op.comment] }),
  },

  deleteComment: {
    apply(project, op) {
      const comments = project.comments ?? [];
      const remaining = removeAt(comments, requireIndex(comments, op.commentId, 'comment'));
      if (remaining.length > 0) return { ...project, comments: remaining };
      // No comments is no list, as in a project that never had one (so undoing the first comment restores it exactly).
      const { comments: _none, ...rest } = project;
      return rest;
    },
    invert(project, op) {
      const comments = project.comments ?? [];
      const at = requireIndex(comments, op.commentId, 'comment');
      return { type: 'postComment', comment: comments[at], index: at };
    },
    describe: () => 'Delete comment',
    claimIds: (op, project) => (project.comments ?? []).filter((c) => c.id === op.commentId).map((c) => c.claimId),
    locks: () => false,
  },
});
