/**
 * The review workflow's steps: which state each moves a claim from and to, whether only an editor
 * may take it, and its label (on the button and in the history — the one source of action labels).
 *
 *   draft → researching → ready for review → approved (editor; needs a verdict and a source)
 *                 ↑              ↓
 *                 └─ changes requested (editor's comment) ─ back to the checker
 *   approved → (Reopen, editor, recorded) → researching
 *
 * An editor may approve outside "Ready for review" or without a source only with an override that
 * gives a reason (recorded with the step and shown in reports); never without a verdict.
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
  approve: { action: 'approve', label: 'Approve', from: ['readyForReview'], to: 'approved', editorOnly: true },
  reopen: { action: 'reopen', label: 'Reopen', from: ['approved'], to: 'researching', editorOnly: true },
};

/** The checks an override may skip when approving: the claim's being "Ready for review", and having a source. */
export const SkippableCheckSchema = z.enum(['readyForReview', 'sources']);
export type SkippableCheck = z.infer<typeof SkippableCheckSchema>;

/** An editor's explicit decision to approve although some checks fail, and why. */
export const ApprovalOverrideSchema = z.object({
  reason: z.string().min(1).max(2000),
  /** Exactly the checks that failed when the claim was approved. */
  skipped: z.array(SkippableCheckSchema).min(1).max(2),
});
export type ApprovalOverride = z.infer<typeof ApprovalOverrideSchema>;

/** The states from which an override lets an editor approve. */
export const OVERRIDE_FROM: readonly ClaimState[] = ['draft', 'researching', 'readyForReview', 'changesRequested'];

/** How each skipped check reads in the app, the history and reports. */
export const SKIPPED_CHECK_LABELS: Record<SkippableCheck, string> = {
  readyForReview: 'not Ready for review',
  sources: 'no source',
};
