/**
 * The review workflow's rules: which step (shared/workflow/steps.ts) a role may take on a claim, what
 * an approval needs, the operation for a step, and the check the main side runs on every change —
 * new ones, undo and redo alike — before applying it. The role is an input: today it comes from the
 * user's settings; for a shared project it will come from the signed member list.
 */
import { hasVerdict, linksForClaim } from '../claims';
import type { Claim, ClaimState, Comment } from '../model';
import { redoTarget, undoTarget } from '../history';
import { leavesOf, previewLeaf, stateChangeOf, type Change, type HistoryEntry, type LeafOperation, type Operation, type Project } from '../operations';
import type { Role } from './roles';
import {
  OVERRIDE_FROM,
  REVIEW_STEPS,
  SKIPPED_CHECK_LABELS,
  type ApprovalOverride,
  type ReviewAction,
  type ReviewStep,
  type SkippableCheck,
} from './steps';

const STATE_WORDS: Record<ClaimState, string> = {
  draft: 'a draft',
  researching: 'being researched',
  readyForReview: 'ready for review',
  changesRequested: 'waiting for changes',
  approved: 'approved',
};

/** The states a checker can bring a claim to; a new claim starts in one of them. */
export const CHECKER_STATES: readonly ClaimState[] = ['draft', 'researching', 'readyForReview'];

const SWITCH_ROLE = 'Switch your role in Settings.';

/** "approve a claim", "request changes", "reopen a claim" — what only an editor may do. */
const EDITOR_STEP_WORDS: Partial<Record<ReviewAction, string>> = {
  approve: 'approve a claim',
  requestChanges: 'request changes',
  reopen: 'reopen an approved claim',
};

/** What undoing or redoing an editor's step is called in a refusal. */
const EDITOR_STEP_NOUNS: Partial<Record<ReviewAction, string>> = {
  approve: 'an approval',
  requestChanges: 'a request for changes',
  reopen: 'a reopening',
};

/** What an approval of this claim lacks right now. */
export interface ApprovalChecks {
  /** No verdict: never approvable, not even with an override. */
  noVerdict: boolean;
  /** The checks an override may skip that fail now (not "Ready for review", no source). */
  failing: SkippableCheck[];
}

export function approvalChecks(project: Pick<Project, 'links' | 'ratingScale'>, claim: Claim): ApprovalChecks {
  const failing: SkippableCheck[] = [];
  if (claim.state !== 'readyForReview') failing.push('readyForReview');
  if (linksForClaim(project, claim.id).length === 0) failing.push('sources');
  return { noVerdict: !hasVerdict(claim, project.ratingScale), failing };
}

/** "no source", "not Ready for review, no source". */
export function skippedChecksText(checks: readonly SkippableCheck[]): string {
  return checks.map((check) => SKIPPED_CHECK_LABELS[check]).join(', ');
}

/** Why `role` may not take `action` on `claim` (its state only), or null when it may. */
export function whyNot(claim: Pick<Claim, 'state'>, action: ReviewAction, role: Role): string | null {
  const step = REVIEW_STEPS[action];
  if (step.editorOnly && role !== 'editor') return `Only an editor may ${EDITOR_STEP_WORDS[action] ?? step.label.toLowerCase()}. ${SWITCH_ROLE}`;
  if (!step.from.includes(claim.state)) return `${step.label} is not possible while the claim is ${STATE_WORDS[claim.state]}.`;
  return null;
}

/** The steps offered to `role` for a claim in its current state (editor-only steps hidden from checkers; Approve only when its checks pass). */
export function availableSteps(claim: Claim, role: Role, project?: Pick<Project, 'links' | 'ratingScale'>): ReviewStep[] {
  return (Object.keys(REVIEW_STEPS) as ReviewAction[])
    .map((action) => REVIEW_STEPS[action])
    .filter((step) => step.from.includes(claim.state) && (!step.editorOnly || role === 'editor'))
    .filter((step) => {
      if (step.action !== 'approve' || !project) return true;
      const checks = approvalChecks(project, claim);
      return !checks.noVerdict && checks.failing.length === 0;
    });
}

/** Whether an editor may approve this claim with an override now (it has a verdict, some check fails, and it is not approved). */
export function overrideOffered(project: Pick<Project, 'links' | 'ratingScale'>, claim: Claim, role: Role): boolean {
  if (role !== 'editor' || !OVERRIDE_FROM.includes(claim.state)) return false;
  const checks = approvalChecks(project, claim);
  return !checks.noVerdict && checks.failing.length > 0;
}

/**
 * The operation for one review step, with an optional comment posted in the same step (so undo
 * takes back both) and, for an approval that skips checks, the editor's override. The comment's
 * author is stamped again by the main side.
 */
export function reviewOperation(claimId: string, action: ReviewAction, comment?: Comment, override?: ApprovalOverride): Operation {
  const step = REVIEW_STEPS[action];
  const change: LeafOperation = { type: 'changeState', claimId, state: step.to, action, ...(override ? { override } : {}) };
  if (!comment || !comment.text.trim()) return change;
  return { type: 'batch', label: step.label, ops: [change, { type: 'postComment', comment }] };
}

/** A claim's move from one state to another within one leaf operation (from is null for a claim being added). */
interface Transition {
  claim: Claim;
  from: ClaimState | null;
  to: ClaimState;
  leaf: LeafOperation;
}

/** The claims a leaf operation adds or moves to another state, against the state before it. */
function transitionsOf(project: Project, leaf: LeafOperation): Transition[] {
  if (leaf.type === 'addClaim') return [{ claim: leaf.claim, from: null, to: leaf.claim.state, leaf }];
  if (leaf.type === 'addArticle') return (leaf.claims ?? []).map((claim) => ({ claim, from: null, to: claim.state, leaf }));
  const change = stateChangeOf(leaf);
  if (!change) return [];
  const claimId = leaf.type === 'changeState' || leaf.type === 'editClaim' ? leaf.claimId : undefined;
  const claim = claimId ? project.claims.find((c) => c.id === claimId) : undefined;
  return claim ? [{ claim, from: claim.state, to: change.to, leaf }] : [];
}

/** A new review step ('do'): named, from a state it allows, by a role that may take it, with an approval's checks. */
function checkNewStep(project: Project, t: Transition, op: Operation, role: Role): string | null {
  const { leaf, claim } = t;
  if (leaf.type !== 'changeState' || !leaf.action) {
    return 'A claim’s review state changes only through the review steps (Ready for review, Request changes, Approve, Reopen).';
  }
  const step = REVIEW_STEPS[leaf.action];
  if (leaf.state !== step.to) return `${step.label} moves a claim to another state than the one asked for.`;
  if (leaf.override && leaf.action !== 'approve') return 'Only an approval can override the review checks.';
  if (step.editorOnly && role !== 'editor') return `Only an editor may ${EDITOR_STEP_WORDS[leaf.action] ?? step.label.toLowerCase()}. ${SWITCH_ROLE}`;

  if (leaf.action === 'approve') return checkApproval(project, claim, leaf.override);
  if (!step.from.includes(claim.state)) return `${step.label} is not possible while the claim is ${STATE_WORDS[claim.state]}.`;
  if (leaf.action === 'requestChanges') {
    const explained = leavesOf(op).some((other) => other.type === 'postComment' && other.comment.claimId === claim.id && other.comment.text.trim() !== '');
    if (!explained) return 'Request changes needs a comment saying what should change.';
  }
  return null;
}

/** An approval: never without a verdict; outside "Ready for review" or without a source only with an override that names exactly those and gives a reason. */
function checkApproval(project: Project, claim: Claim, override: ApprovalOverride | undefined): string | null {
  if (claim.state === 'approved') return 'The claim is already approved.';
  const checks = approvalChecks(project, claim);
  if (checks.noVerdict) return 'A claim cannot be approved without a verdict: choose one first.';
  if (!override) {
    if (checks.failing.includes('readyForReview')) {
      return `Approve is possible only once the claim is Ready for review (it is ${STATE_WORDS[claim.state]}); an editor may skip this with an override and a reason.`;
    }
    if (checks.failing.includes('sources')) return 'Approve needs at least one source; an editor may skip this with an override and a reason.';
    return null;
  }
  if (!override.reason.trim()) return 'An override needs a reason.';
  if (!OVERRIDE_FROM.includes(claim.state)) return `Approve is not possible while the claim is ${STATE_WORDS[claim.state]}.`;
  const named = [...new Set(override.skipped)].sort().join();
  if (checks.failing.length === 0) return 'Nothing to override: the claim passes every check, so approve it as usual.';
  if (named !== [...checks.failing].sort().join()) {
    return `The override must name exactly the checks it skips (${skippedChecksText(checks.failing)}).`;
  }
  return null;
}

/** Undo or redo moving a claim between states: editor-only when approved or changes requested is involved, and never approved without a verdict. */
function checkReplayedMove(project: Project, t: Transition, kind: 'undo' | 'redo', role: Role): string | null {
  const { from, to, claim } = t;
  if (from === to) return null;
  const touchesEditorStates = to === 'approved' || from === 'approved' || to === 'changesRequested';
  if (touchesEditorStates && role !== 'editor') {
    return `Only an editor may ${kind} a change that ${to === 'approved' ? 'approves a claim' : from === 'approved' ? 'takes back an approval' : 'requests changes'}. ${SWITCH_ROLE}`;
  }
  if (to === 'approved' && !hasVerdict(claim, project.ratingScale)) return 'A claim cannot be approved without a verdict: choose one first.';
  return null;
}

/** The review steps a recorded entry took (for undo / redo of an editor's step). */
function stepsTaken(entry: HistoryEntry): ReviewAction[] {
  return leavesOf(entry.op).flatMap((leaf) => {
    const action = stateChangeOf(leaf)?.action;
    return action ? [action] : [];
  });
}

/**
 * Checked by the main side before applying a change (and by the window before it shows one): null
 * when `role` may make it, else why not. A new change may move a claim's state only through a named
 * review step of a role that may take it (Approve: a verdict always; "Ready for review" and a source,
 * or an override with a reason); a new claim starts in a state a checker can reach; undo and redo of
 * an editor's step, and any replayed move into or out of "approved", need an editor too.
 */
export function checkChangeAllowed(project: Project, change: Change, role: Role): string | null {
  let op: Operation | undefined;
  if (change.kind === 'do') op = change.op;
  else {
    const target = change.kind === 'undo' ? undoTarget(project.history) : redoTarget(project.history);
    if (!target) return null;
    op = change.kind === 'undo' ? target.inverse : target.op;
    if (role !== 'editor') {
      const editorStep = stepsTaken(target).find((action) => REVIEW_STEPS[action].editorOnly);
      if (editorStep) return `Only an editor may ${change.kind} ${EDITOR_STEP_NOUNS[editorStep]}. ${SWITCH_ROLE}`;
    }
  }

  const leaves = leavesOf(op);
  // The state a leaf sees, brought forward only when a leaf moves an existing claim (a batch adding thousands of claims never needs it).
  let state = project;
  let applied = 0;
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i];
    if (movesExistingClaim(leaf)) {
      try {
        for (; applied < i; applied++) state = previewLeaf(state, leaves[applied]);
      } catch {
        return null; // The change does not fit the project: applying it reports why.
      }
    }
    for (const t of transitionsOf(state, leaf)) {
      let refused: string | null;
      if (t.from === null) refused = checkNewClaim(t, change.kind);
      else if (change.kind === 'do') refused = t.from === t.to && leaf.type !== 'changeState' ? null : checkNewStep(state, t, op, role);
      else refused = checkReplayedMove(state, t, change.kind, role);
      if (refused) return refused;
    }
  }
  return null;
}

/** Whether a leaf's transitions depend on the state before it: it changes the review state of a claim already there. */
function movesExistingClaim(leaf: LeafOperation): boolean {
  return leaf.type !== 'addClaim' && leaf.type !== 'addArticle' && stateChangeOf(leaf) !== undefined;
}

/** A claim being added: a new one starts where a checker can bring it; a restored one comes back as it was, but never approved. */
function checkNewClaim(t: Transition, kind: Change['kind']): string | null {
  if (t.to === 'approved') return 'A claim cannot be added as approved; claims are approved through review.';
  if (kind === 'do' && !CHECKER_STATES.includes(t.to)) return 'A new claim starts as a draft; its review state changes only through the review steps.';
  return null;
}
