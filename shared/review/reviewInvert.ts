/** Inverses of the review workflow's operations (see shared/invert.ts for the contract). */
import { OperationError, type Operation, type Project, type VerdictLevelAssignment } from '../operations';
import type { ReviewOperation } from './reviewReducer';

export function invertReviewOperation(project: Project, op: ReviewOperation): Operation {
  switch (op.type) {
    case 'changeState': {
      const claim = project.claims.find((c) => c.id === op.claimId);
      if (!claim) throw new OperationError(`No claim with id "${op.claimId}"`);
      return { type: 'changeState', claimId: op.claimId, state: claim.state };
    }
    case 'postComment':
      return { type: 'deleteComment', commentId: op.comment.id };
    case 'deleteComment': {
      const comments = project.comments ?? [];
      const index = comments.findIndex((c) => c.id === op.commentId);
      if (index < 0) throw new OperationError(`No comment with id "${op.commentId}"`);
      return { type: 'postComment', comment: comments[index], index };
    }
    case 'setRatingScale': {
      const verdicts: VerdictLevelAssignment[] = op.verdicts.map((assignment) => {
        const claim = project.claims.find((c) => c.id === assignment.claimId);
        if (!claim) throw new OperationError(`No claim with id "${assignment.claimId}"`);
        const old: VerdictLevelAssignment = { claimId: claim.id, levelId: claim.verdict.levelId };
        if (claim.verdict.previousLabel !== undefined) old.previousLabel = claim.verdict.previousLabel;
        return old;
      });
      return { type: 'setRatingScale', scale: project.ratingScale, verdicts };
    }
    case 'setMethodology':
      return { type: 'setMethodology', text: project.methodology ?? '' };
    case 'attachFile':
      return { type: 'detachFile', sourceId: op.sourceId, sha256: op.attachment.sha256 };
    case 'detachFile': {
      const source = project.sources.find((s) => s.id === op.sourceId);
      const attachments = source?.attachments ?? [];
      const index = attachments.findIndex((a) => a.sha256 === op.sha256);
      if (!source || index < 0) throw new OperationError(`No attachment ${op.sha256.slice(0, 12)}… on source "${op.sourceId}"`);
      return { type: 'attachFile', sourceId: op.sourceId, attachment: attachments[index], index };
    }
    default: {
      const unknown: never = op;
      throw new OperationError(`Unknown operation: ${String((unknown as { type?: unknown }).type)}`);
    }
  }
}

const ACTION_LABELS = {
  startResearch: 'Start research',
  submit: 'Ready for review',
  requestChanges: 'Request changes',
  approve: 'Approve',
  reopen: 'Reopen',
} as const;

const STATE_LABELS = {
  draft: 'Draft',
  researching: 'Researching',
  readyForReview: 'Ready for review',
  changesRequested: 'Changes requested',
  approved: 'Approved',
} as const;

/** History labels of the review operations. */
export function describeReviewOperation(op: ReviewOperation): string {
  switch (op.type) {
    case 'changeState':
      return op.action ? ACTION_LABELS[op.action] : `Set state to ${STATE_LABELS[op.state]}`;
    case 'postComment':
      return 'Post comment';
    case 'deleteComment':
      return 'Delete comment';
    case 'setRatingScale':
      return 'Change rating scale';
    case 'setMethodology':
      return 'Edit methodology note';
    case 'attachFile':
      return 'Attach file';
    case 'detachFile':
      return 'Remove attachment';
    default:
      return 'Change';
  }
}
