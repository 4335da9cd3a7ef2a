/**
 * The review workflow's steps: which state each moves a claim from and to, whether only an editor
 * may take it, and its label (on the button and in the history — the one source of action labels).
 *
 *   draft → researching → ready for review → approved
 *                 ↑              ↓
 *                 └─ changes requested (editor's comments) ─ back to the checker
 *   approved → (Reopen, recorded) → researching
 */
import { z } from 'zod';
import type { ClaimState } from '../model';

/** The review step a state change stands for. */
export const ReviewActionSchema = z.enum(['startResearch', 'submit', 'requestChanges', 'approve', 'reopen']);
export type ReviewAction = z.infer<typeof ReviewActionSchema>;

export interface ReviewStep {
  action: ReviewAction;
  /** The button's label (also the history label). */
  label: string;
  from: readonly ClaimState[];
  to: ClaimState;
  /** Only an editor may take this step. */
  editorOnly: boolean;
}

export const REVIEW_STEPS: Record<ReviewAction, ReviewStep> = {
  startResearch: { action: 'startResearch', label: 'Start research', from: ['draft'], to: 'researching', editorOnly: false },
  submit: { action: 'submit', label: 'Ready for review', from: ['draft', 'researching', 'changesRequested'], to: 'readyForReview', editorOnly: false },
  requestChanges: { action: 'requestChanges', label: 'Request changes', from: ['readyForReview'], to: 'changesRequested', editorOnly: true },
  approve: { action: 'approve', label: 'Approve', from: ['draft', 'researching', 'readyForReview', 'changesRequested'], to: 'approved', editorOnly: true },
  reopen: { action: 'reopen', label: 'Reopen', from: ['approved'], to: 'researching', editorOnly: false },
};
