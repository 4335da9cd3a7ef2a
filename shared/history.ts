/**
 * History, undo and redo. Every change is recorded as a history entry; the undo and redo stacks are
 * not stored but derived from the history, so they survive saving and reopening the project.
 */
import { apply } from './reducer';
import { invert } from './invert';
import {
  OperationError,
  type Change,
  type ChangeMeta,
  type HistoryEntry,
  type LeafOperation,
  type Operation,
  type Project,
} from './operations';
import { isReviewOperation } from './review/reviewReducer';
import { describeReviewOperation } from './review/reviewInvert';
import { describeAnchoringOperation, isAnchoringOperation } from './anchoring/anchoringOperations';
import { describeArticleMetadataOperation, isArticleMetadataOperation } from './articles/editArticleMetadata';
import { describeCaptureOperation, isCaptureOperation } from './captures/captureOperations';

export interface UndoRedoStacks {
  /** Seqs of the 'do' entries that can be undone, most recent last. */
  undo: number[];
  /** Seqs of the undone 'do' entries that can be redone, most recent last. */
  redo: number[];
}

/**
 * Replays the history's kinds: a 'do' pushes onto the undo stack and clears the redo stack, an
 * 'undo' moves its target to the redo stack, a 'redo' moves it back.
 */
export function undoRedoStacks(history: readonly HistoryEntry[]): UndoRedoStacks {
  const undo: number[] = [];
  let redo: number[] = [];
  for (const entry of history) {
    if (entry.kind === 'do') {
      undo.push(entry.seq);
      redo = [];
    } else if (entry.kind === 'undo') {
      const target = undo.pop();
      redo.push(entry.of ?? target ?? entry.seq);
    } else {
      const target = redo.pop();
      undo.push(entry.of ?? target ?? entry.seq);
    }
  }
  return { undo, redo };
}

/** The 'do' entry the next undo reverses, or null. */
export function undoTarget(history: readonly HistoryEntry[]): HistoryEntry | null {
  return entryBySeq(history, undoRedoStacks(history).undo.at(-1));
}

/** The 'do' entry the next redo re-applies, or null. */
export function redoTarget(history: readonly HistoryEntry[]): HistoryEntry | null {
  return entryBySeq(history, undoRedoStacks(history).redo.at(-1));
}

function entryBySeq(history: readonly HistoryEntry[], seq: number | undefined): HistoryEntry | null {
  if (seq === undefined) return null;
  const atIndex = history[seq];
  if (atIndex && atIndex.seq === seq) return atIndex;
  return history.find((entry) => entry.seq === seq) ?? null;
}

/**
 * Applies one change and records it. Returns the new project (with the entry appended to its
 * history) and the entry. Throws OperationError when the change does not fit the project.
 */
export function commitChange(
  project: Project,
  change: Change,
  meta: ChangeMeta,
): { project: Project; entry: HistoryEntry } {
  const seq = project.history.length;
  const stamp = { seq, id: meta.id, at: meta.at, author: meta.author };
  let entry: HistoryEntry;
  let next: Project;

  if (change.kind === 'do') {
    next = apply(project, change.op);
    entry = { ...stamp, kind: 'do', op: change.op, inverse: invert(project, change.op) };
  } else if (change.kind === 'undo') {
    const target = undoTarget(project.history);
    if (!target) throw new OperationError('Nothing to undo');
    next = apply(project, target.inverse);
    entry = { ...stamp, kind: 'undo', of: target.seq, op: target.inverse, inverse: target.op };
  } else {
    const target = redoTarget(project.history);
    if (!target) throw new OperationError('Nothing to redo');
    next = apply(project, target.op);
    entry = { ...stamp, kind: 'redo', of: target.seq, op: target.op, inverse: invert(project, target.op) };
  }

  return { project: { ...next, history: [...project.history, entry] }, entry };
}

/** A short human label for an operation, e.g. "Mark claim" (used for "Undo Mark claim" and the history list). */
export function describeOperation(op: Operation): string {
  if (op.type === 'batch') {
    if (op.label) return op.label;
    return op.ops.length > 0 ? describeLeaf(op.ops[0]) : 'Change';
  }
  return describeLeaf(op);
}

function describeLeaf(op: LeafOperation): string {
  if (isReviewOperation(op)) return describeReviewOperation(op);
  if (isAnchoringOperation(op)) return describeAnchoringOperation(op);
  if (isArticleMetadataOperation(op)) return describeArticleMetadataOperation(op);
  if (isCaptureOperation(op)) return describeCaptureOperation(op);
  switch (op.type) {
    case 'renameProject':
      return 'Rename project';
    case 'addArticle':
      return 'Add article';
    case 'removeArticle':
      return 'Remove article';
    case 'renameArticle':
      return 'Rename article';
    case 'addClaim':
      return 'Mark claim';
    case 'deleteClaim':
      return 'Delete claim';
    case 'editClaim':
      return bySingleKey(
        op.changes,
        { statement: 'Edit claim statement', claimant: 'Edit claimant', state: 'Change claim state', assignee: 'Assign claim', tags: 'Edit tags' },
        'Edit claim',
      );
    case 'setVerdict': {
      const { levelId, rationale, conclusion } = op;
      return bySingleKey({ levelId, rationale, conclusion }, { levelId: 'Set verdict', rationale: 'Edit rationale', conclusion: 'Edit conclusion' }, 'Set verdict');
    }
    case 'addSource':
      return 'Add source';
    case 'editSource':
      return bySingleKey(
        op.changes,
        {
          url: 'Edit source URL',
          title: 'Edit source title',
          publisher: 'Edit publisher',
          accessedAt: 'Edit date accessed',
          author: 'Edit source author',
          publishedAt: 'Edit date published',
          kind: 'Change source kind',
          notes: 'Edit source notes',
        },
        'Edit source',
      );
    case 'removeSource':
      return 'Remove source';
    case 'linkSource':
      return 'Link source';
    case 'editLink':
      return bySingleKey(op.changes, { stance: 'Change stance', excerpt: 'Edit excerpt', location: 'Edit location' }, 'Edit source link');
    case 'unlinkSource':
      return 'Unlink source';
    default: {
      const unknown: never = op;
      return String((unknown as { type?: unknown }).type ?? 'Change');
    }
  }
}

/** The specific label when exactly one known field is set, else the general one. */
function bySingleKey<T extends object>(changes: T, labels: { [K in keyof T]?: string }, general: string): string {
  const keys = (Object.keys(changes) as (keyof T)[]).filter((key) => changes[key] !== undefined);
  if (keys.length === 1) return labels[keys[0]] ?? general;
  return general;
}
