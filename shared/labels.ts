/**
 * Human labels of domain values, the same in the app, the history and every report: claim states,
 * source stances, roles and review actions (those come from the review steps, their one source).
 */
import type { ClaimState, Stance } from './model';
import type { Role } from './workflow/roles';
import { REVIEW_STEPS, type ReviewAction } from './workflow/steps';

export const CLAIM_STATE_LABELS: Record<ClaimState, string> = {
  draft: 'Draft',
  researching: 'Researching',
  readyForReview: 'Ready for review',
  changesRequested: 'Changes requested',
  approved: 'Approved',
};

export const STANCE_LABELS: Record<Stance, string> = {
  supports: 'Supports',
  refutes: 'Refutes',
  context: 'Adds context',
  mixed: 'Mixed',
};

export const ROLE_LABELS: Record<Role, string> = {
  checker: 'Checker',
  editor: 'Editor',
};

export function actionLabel(action: ReviewAction): string {
  return REVIEW_STEPS[action].label;
}

