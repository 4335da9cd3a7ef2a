/**
 * The review workflow's rules: which step moves a claim where, who (checker / editor) may take it,
 * and the check the main side runs on every change before applying it.
 *
 *   draft → researching → ready for review → approved
 *                 ↑              ↓
 *                 └─ changes requested (editor's comments) ─ back to the checker
 *   approved → (Reopen, recorded) → researching
 */
import type { Claim, ClaimState, Comment } from '../model';
import { redoTarget, undoTarget } from '../history';
import type { Change, LeafOperation, Operation, Project, ReviewAction } from '../operations';

export type Role = 'checker' | 'editor';

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

/** Why `role` may not take `action` on `claim`, or null when it may. */
export function whyNot(claim: Pick<Claim, 'state'>, action: ReviewAction, role: Role): string | null {
  const step = REVIEW_STEPS[action];
  if (step.editorOnly && role !== 'editor') return `Only an editor may ${step.label === 'Approve' ? 'approve a claim' : 'request changes'}. Switch your role in Settings.`;
  if (!step.from.includes(claim.state)) return `${step.label} is not possible while the claim is ${STATE_WORDS[claim.state]}.`;
  return null;
}

const STATE_WORDS: Record<ClaimState, string> = {
  draft: 'a draft',
  researching: 'being researched',
  readyForReview: 'ready for review',
  changesRequested: 'waiting for changes',
  approved: 'approved',
};

/** The steps offered to `role` for a claim in its current state (editor-only steps hidden from checkers). */
export function availableSteps(claim: Pick<Claim, 'state'>, role: Role): ReviewStep[] {
  return (Object.keys(REVIEW_STEPS) as ReviewAction[])
    .map((action) => REVIEW_STEPS[action])
    .filter((step) => step.from.includes(claim.state) && (!step.editorOnly || role === 'editor'));
}

/**
 * The operation for one review step, with an optional comment posted in the same step (so undo
 * takes back both). The comment's author is stamped again by the main side.
 */
export function reviewOperation(claimId: string, action: ReviewAction, comment?: Comment): Operation {
  const step = REVIEW_STEPS[action];
  const change: LeafOperation = { type: 'changeState', claimId, state: step.to, action };
  if (!comment || !comment.text.trim()) return change;
  return { type: 'batch', label: step.label, ops: [change, { type: 'postComment', comment }] };
}

/** The review action a state change stands for, when it is one of the editor-only steps. */
function guardedAction(project: Project, op: LeafOperation): { claim: Claim; action: ReviewAction } | null {
  let claimId: string;
  let to: ClaimState;
  let action: ReviewAction | undefined;
  if (op.type === 'changeState') {
    claimId = op.claimId;
    to = op.state;
    action = op.action;
  } else if (op.type === 'editClaim' && op.changes.state !== undefined) {
    claimId = op.claimId;
    to = op.changes.state;
  } else {
    return null;
  }
  const claim = project.claims.find((c) => c.id === claimId);
  if (!claim || claim.state === to) return null;
  if (to === 'approved') return { claim, action: 'approve' };
  if (to === 'changesRequested') return { claim, action: 'requestChanges' };
  if (action && action !== 'approve' && action !== 'requestChanges') return { claim, action };
  return null;
}

/**
 * Checked by the main side before applying a change: null when `role` may make it, else why not.
 * Editor-only steps (approve, request changes) are refused for checkers, also through undo / redo
 * or a plain state edit; named steps must start from a state they allow.
 */
export function checkChangeAllowed(project: Project, change: Change, role: Role): string | null {
  let op: Operation | undefined;
  let named = true;
  if (change.kind === 'do') op = change.op;
  else {
    const target = change.kind === 'undo' ? undoTarget(project.history) : redoTarget(project.history);
    op = target ? (change.kind === 'undo' ? target.inverse : target.op) : undefined;
    named = false;
  }
  if (!op) return null;
  const leaves = op.type === 'batch' ? op.ops : [op];
  for (const leaf of leaves) {
    const guarded = guardedAction(project, leaf);
    if (!guarded) continue;
    const step = REVIEW_STEPS[guarded.action];
    if (step.editorOnly && role !== 'editor') {
      return `Only an editor may ${guarded.action === 'approve' ? 'approve a claim' : 'request changes'}${named ? '' : ' (or undo / redo that step)'}. Switch your role in Settings.`;
    }
    if (named && leaf.type === 'changeState' && leaf.action) {
      const reason = whyNot(guarded.claim, leaf.action, role);
      if (reason) return reason;
    }
  }
  return null;
}
