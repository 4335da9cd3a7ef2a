/**
 * Human labels of domain values, the same in the app, the history and every report: claim states,
 * source stances and kinds, roles and review actions (those come from the review steps, their one source).
 */
import type { ClaimState, SourceKind, Stance } from './model';
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

/** Shown where a link's stance is not set yet (a new source starts so). */
export const STANCE_UNSET_LABEL = 'Stance not set';

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  official: 'Official record',
  dataset: 'Dataset',
  news: 'News report',
  expert: 'Expert',
  interview: 'Interview',
  social: 'Social post',
  other: 'Other',
};

export const ROLE_LABELS: Record<Role, string> = {
  checker: 'Checker',
  editor: 'Editor',
};

export function actionLabel(action: ReviewAction): string {
  return REVIEW_STEPS[action].label;
}

