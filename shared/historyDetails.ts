/**
 * What a history entry says to a reader: its label, the claim it concerns (by name, also when that
 * claim is gone) and, for edits of a claim's statement, claimant, assignee, due date, verdict and
 * review state, the value before and after. Read from the entry alone: the operation holds the new
 * values and its recorded inverse the old ones (for an undo, the other way round).
 */
import { claimIdsOf, describeOperation, leavesOf, type ClaimLookup, type HistoryEntry, type LeafOperation, type Project } from './operations';
import { historyLookup } from './history';
import { CLAIM_STATE_LABELS, STANCE_LABELS, STANCE_UNSET_LABEL } from './labels';
import type { ClaimState, RatingScale, Stance } from './model';

export interface FieldChange {
  /** The field, as the claim panel names it: "Statement", "Verdict", "Review state"… */
  field: string;
  before: string;
  after: string;
}

export interface EntryDetails {
  /** "Edit claim statement", "Undo: Set verdict". */
  label: string;
  /** The (first) claim the entry concerns, and a short name for it; null for project-wide changes. */
  claimId: string | null;
  claimName: string | null;
  /** How many more claims the entry concerns. */
  moreClaims: number;
  changes: FieldChange[];
}

const NAME_LENGTH = 70;
const VALUE_LENGTH = 80;

export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

const quoted = (text: string | undefined) => (text && text.trim() ? `“${shorten(text, VALUE_LENGTH)}”` : '(empty)');
const plain = (text: string | undefined) => (text && text.trim() ? shorten(text, VALUE_LENGTH) : '(none)');

function levelName(scale: RatingScale, levelId: string | null | undefined): string {
  if (!levelId) return 'No verdict';
  return scale.levels.find((level) => level.id === levelId)?.label ?? levelId;
}

const stateName = (state: ClaimState | undefined) => (state ? CLAIM_STATE_LABELS[state] : '(unknown)');
const stanceName = (stance: Stance | '' | undefined) => (stance ? STANCE_LABELS[stance] : STANCE_UNSET_LABEL);

/** The inverse's leaf of the same kind about the same record as `leaf` (a batch's inverse lists its leaves in reverse). */
function partner(leaf: LeafOperation, inverse: readonly LeafOperation[]): LeafOperation | undefined {
  const key = recordOf(leaf);
  return inverse.find((candidate) => candidate.type === leaf.type && recordOf(candidate) === key);
}

function recordOf(op: LeafOperation): string | null {
  switch (op.type) {
    case 'editClaim':
    case 'setVerdict':
    case 'changeState':
      return op.claimId;
    case 'editLink':
      return op.linkId;
    default:
      return null;
  }
}

/** Before → after of the fields a leaf changes, given the leaf that undoes it. */
function fieldChanges(after: LeafOperation, before: LeafOperation | undefined, scale: RatingScale): FieldChange[] {
  const out: FieldChange[] = [];
  const push = (field: string, from: string, to: string) => {
    if (from !== to) out.push({ field, before: from, after: to });
  };
  if (after.type === 'editClaim' && before?.type === 'editClaim') {
    const a = after.changes;
    const b = before.changes;
    if (a.statement !== undefined) push('Statement', quoted(b.statement), quoted(a.statement));
    if (a.claimant !== undefined) push('Claimant', plain(b.claimant), plain(a.claimant));
    if (a.assignee !== undefined) push('Assignee', plain(b.assignee), plain(a.assignee));
    if (a.dueDate !== undefined) push('Due date', plain(b.dueDate), plain(a.dueDate));
    if (a.state !== undefined) push('Review state', stateName(b.state), stateName(a.state));
  } else if (after.type === 'setVerdict' && before?.type === 'setVerdict') {
    if (after.levelId !== undefined) push('Verdict', levelName(scale, before.levelId), levelName(scale, after.levelId));
    if (after.conclusion !== undefined) push('Conclusion', quoted(before.conclusion), quoted(after.conclusion));
    if (after.rationale !== undefined) push('Rationale', quoted(before.rationale), quoted(after.rationale));
  } else if (after.type === 'changeState' && before?.type === 'changeState') {
    push('Review state', stateName(before.state), stateName(after.state));
  } else if (after.type === 'editLink' && before?.type === 'editLink' && after.changes.stance !== undefined) {
    push('Stance', stanceName(before.changes.stance), stanceName(after.changes.stance));
  }
  return out;
}

/** What describing many entries of one project shares: the history's lookup and its claims by id. */
export interface DetailsContext {
  lookup: ClaimLookup;
  claimsById: ReadonlyMap<string, ClaimLookup['claims'][number]>;
}

export function detailsContext(project: Pick<Project, 'history' | 'claims' | 'links' | 'comments'>): DetailsContext {
  const lookup = historyLookup(project);
  return { lookup, claimsById: new Map(lookup.claims.map((claim) => [claim.id, claim])) };
}

function claimName(context: DetailsContext, claimId: string): string {
  const claim = context.claimsById.get(claimId);
  if (!claim) return 'a removed claim';
  return `“${shorten(claim.statement.trim() || claim.target.quote.exact, NAME_LENGTH)}”`;
}

/** The label an entry has in the History list: an undo / redo names the change it reverses or repeats. */
export function entryLabel(entry: HistoryEntry, history: readonly HistoryEntry[]): string {
  if (entry.kind === 'do') return describeOperation(entry.op);
  const target = entry.of === undefined ? undefined : (history[entry.of]?.seq === entry.of ? history[entry.of] : history.find((e) => e.seq === entry.of));
  const what = describeOperation(target ? target.op : entry.op);
  return `${entry.kind === 'undo' ? 'Undo' : 'Redo'}: ${what}`;
}

/** The details of one entry. `context` (detailsContext of the project) is worth passing when describing many entries. */
export function entryDetails(
  entry: HistoryEntry,
  project: Pick<Project, 'history' | 'claims' | 'links' | 'comments' | 'ratingScale'>,
  context: DetailsContext = detailsContext(project),
): EntryDetails {
  const claimIds = claimIdsOf(entry.op, context.lookup);
  const inverse = leavesOf(entry.inverse);
  const changes = leavesOf(entry.op).flatMap((leaf) => fieldChanges(leaf, partner(leaf, inverse), project.ratingScale));
  return {
    label: entryLabel(entry, project.history),
    claimId: claimIds[0] ?? null,
    claimName: claimIds[0] ? claimName(context, claimIds[0]) : null,
    moreClaims: Math.max(0, claimIds.length - 1),
    changes,
  };
}
