/**
 * Who approved a claim, or asked for changes to it, and when — read from the history (the audit
 * trail): the last entry that moved the claim into its current "approved" or "changes requested"
 * state, with an approval's override and a request's comment. The claim banner and every report
 * show it.
 */
import { claimIdsOf, leavesOf, stateChangeOf, type HistoryEntry, type LeafOperation, type Project, type StateChange } from '../operations';
import { sharedStart } from '../sharedStart';
import type { ApprovalOverride } from './steps';

export interface ReviewStepRecord {
  /** Who took the step (the history entry's author). */
  by: string;
  /** When (ISO). */
  at: string;
}

export interface ApprovalRecord extends ReviewStepRecord {
  override?: ApprovalOverride;
}

export interface ChangeRequestRecord extends ReviewStepRecord {
  /** What the editor asked for: the comment posted with the step. */
  comment?: string;
}

export interface ClaimReviewRecord {
  approval?: ApprovalRecord;
  request?: ChangeRequestRecord;
}

interface ReviewSteps {
  entry: HistoryEntry;
  /** The entry's place in the history. */
  at: number;
  leaves: readonly LeafOperation[];
  /** The leaves that change a claim's state. */
  steps: readonly { leaf: LeafOperation; change: StateChange }[];
}

/** The entry's leaves that change a claim's state, or null when none does (most entries). */
function reviewStepsOf(entry: HistoryEntry, at: number): ReviewSteps | null {
  const leaves = leavesOf(entry.op);
  const steps = leaves.flatMap((leaf) => {
    const change = stateChangeOf(leaf);
    return change ? [{ leaf, change }] : [];
  });
  return steps.length > 0 ? { entry, at, leaves, steps } : null;
}

// The entries with review steps of the history read last. Entries never change, so the entries a history
// shares at its start with the last one (the same objects) are not read again: after each Mark claim one entry
// is read instead of 5,000, and after the main side's reply (which replaces the last entries) only those.
let lastHistory: readonly HistoryEntry[] = [];
let lastWithSteps: readonly ReviewSteps[] = [];

function entriesWithSteps(history: readonly HistoryEntry[]): readonly ReviewSteps[] {
  if (history === lastHistory) return lastWithSteps;
  const from = sharedStart(history, lastHistory);
  const found = lastWithSteps.filter((steps) => steps.at < from);
  for (let i = from; i < history.length; i++) {
    const steps = reviewStepsOf(history[i]!, i);
    if (steps) found.push(steps);
  }
  lastHistory = history;
  lastWithSteps = found;
  return found;
}

/** The review record of every claim that is approved or waiting for changes and has such a step in the history. */
export function reviewRecords(project: Pick<Project, 'history' | 'claims' | 'links' | 'comments'>): Map<string, ClaimReviewRecord> {
  const out = new Map<string, ClaimReviewRecord>();
  for (const { entry, leaves, steps } of entriesWithSteps(project.history)) {
    for (const { leaf, change } of steps) {
      for (const claimId of claimIdsOf(leaf, project)) {
        if (change.to === 'approved') {
          out.set(claimId, { approval: { by: entry.author, at: entry.at, ...(change.override ? { override: change.override } : {}) } });
        } else if (change.to === 'changesRequested') {
          const posted = leaves.find((other) => other.type === 'postComment' && other.comment.claimId === claimId);
          const comment = posted?.type === 'postComment' ? posted.comment.text : undefined;
          out.set(claimId, { request: { by: entry.author, at: entry.at, ...(comment?.trim() ? { comment } : {}) } });
        } else out.delete(claimId);
      }
    }
  }
  // Only records that still describe the claim's current state count.
  if (out.size === 0) return out;
  const states = new Map(project.claims.map((claim) => [claim.id, claim.state]));
  for (const [claimId, record] of out) {
    const state = states.get(claimId);
    if (!((state === 'approved' && record.approval) || (state === 'changesRequested' && record.request))) out.delete(claimId);
  }
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11-28T10:14:09Z" → "28 Nov 2026" (in UTC, or the local time zone); the text itself when it is not a date. */
export function dayLabel(iso: string, zone: 'utc' | 'local' = 'utc'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return zone === 'utc'
    ? `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
    : `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** "Approved by Bo Lindqvist, 28 Nov 2026" (or "Approved" when the history does not say). */
export function approvalLine(record: ApprovalRecord | undefined, zone: 'utc' | 'local' = 'utc'): string {
  if (!record) return 'Approved';
  const who = record.by.trim() ? ` by ${record.by.trim()}` : '';
  return `Approved${who}, ${dayLabel(record.at, zone)}`;
}

/** "Changes requested by Bo Lindqvist, 28 Nov 2026". */
export function requestLine(record: ChangeRequestRecord | undefined, zone: 'utc' | 'local' = 'utc'): string {
  if (!record) return 'Changes requested';
  const who = record.by.trim() ? ` by ${record.by.trim()}` : '';
  return `Changes requested${who}, ${dayLabel(record.at, zone)}`;
}
