/** Human labels for claim states and source stances. */
import type { ClaimState, Stance } from '../../../shared/model';

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

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
