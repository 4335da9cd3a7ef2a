/**
 * The review workflow's rules: which step (shared/workflow/steps.ts) a role may take on a claim, the
 * operation for a step, and the check the main side runs on every change before applying it.
 */
import type { Claim, ClaimState, Comment } from '../model';
import { redoTarget, undoTarget } from '../history';
import { claimIdsOf, leavesOf, stateChangeOf, type Change, type LeafOperation, type Operation, type Project } from '../operations';
import type { Role } from './roles';
import { REVIEW_STEPS, type ReviewAction, type ReviewStep } from './steps';

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

/** The review steps a leaf operation takes, for the steps that are guarded (editor-only ones, and named steps). */
function guardedSteps(project: Project, op: LeafOperation): { claim: Claim; action: ReviewAction }[] {
  const change = stateChangeOf(op);
  if (!change) return [];
  const out: { claim: Claim; action: ReviewAction }[] = [];
  for (const claimId of claimIdsOf(op, project)) {
    const claim = project.claims.find((c) => c.id === claimId);
    if (!claim || claim.state === change.to) continue;
    if (change.to === 'approved') out.push({ claim, action: 'approve' });
    else if (change.to === 'changesRequested') out.push({ claim, action: 'requestChanges' });
    else if (change.action && change.action !== 'approve' && change.action !== 'requestChanges') out.push({ claim, action: change.action });
  }
  return out;
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
  for (const leaf of leavesOf(op)) {
    for (const guarded of guardedSteps(project, leaf)) {
      const step = REVIEW_STEPS[guarded.action];
      if (step.editorOnly && role !== 'editor') {
        return `Only an editor may ${guarded.action === 'approve' ? 'approve a claim' : 'request changes'}${named ? '' : ' (or undo / redo that step)'}. Switch your role in Settings.`;
      }
      const action = stateChangeOf(leaf)?.action;
      if (named && action) {
        const reason = whyNot(guarded.claim, action, role);
        if (reason) return reason;
      }
    }
  }
  return null;
}
