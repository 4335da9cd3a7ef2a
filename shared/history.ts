/**
 * History, undo and redo. Every change is recorded as a history entry; the undo and redo stacks are
 * not stored but derived from the history, so they survive saving and reopening the project.
 */
import {
  apply,
  validateOperation,
  carriedBy,
  claimIdsOf,
  invert,
  leavesOf,
  OperationError,
  type Change,
  type ChangeMeta,
  type ClaimLookup,
  type HistoryEntry,
  type Project,
} from './operations';

export { describeOperation } from './operations';

export interface UndoRedoStacks {
  /** Seqs of the 'do' entries that can be undone, most recent last. */
  undo: number[];
  /** Seqs of the undone 'do' entries that can be redone, most recent last. */
  redo: number[];
}

/**
 * Replays the history's kinds: a 'do' pushes onto the undo stack and clears the redo stack, an
 * 'undo' moves its target to the redo stack, a 'redo' moves it back. `check` sees each undo / redo
 * with the seq it should name (undefined when there was nothing to undo / redo); an undo / redo
 * that names its target by id (a stamped entry, which a merge may have moved) moves that target.
 * With `owner` (a key id), only that person's entries and unstamped ones count: after a merge,
 * undo takes back your own last change, never someone else's.
 */
export function undoRedoStacks(
  history: readonly HistoryEntry[],
  check?: (entry: HistoryEntry, index: number, expected: number | undefined) => void,
  owner?: string,
): UndoRedoStacks {
  const undo: number[] = [];
  let redo: number[] = [];
  let seqOfId: Map<string, number> | null = null;
  history.forEach((entry, index) => {
    // Kept by a merge but never applied: nothing to undo or redo.
    if (entry.rejected) return;
    if (owner !== undefined && entry.keyId !== undefined && entry.keyId !== owner) return;
    if (entry.kind === 'do') {
      undo.push(entry.seq);
      redo = [];
      return;
    }
    const [from, to] = entry.kind === 'undo' ? [undo, redo] : [redo, undo];
    if (entry.ofId !== undefined) {
      seqOfId ??= new Map(history.map((e) => [e.id, e.seq]));
      const target = seqOfId.get(entry.ofId);
      const at = target === undefined ? -1 : from.lastIndexOf(target);
      if (at >= 0) from.splice(at, 1);
      if (target !== undefined) to.push(target);
      return;
    }
    const expected = from.pop();
    check?.(entry, index, expected);
    to.push(entry.of ?? expected ?? entry.seq);
  });
  return { undo, redo };
}

/** The 'do' entry the next undo reverses, or null. */
export function undoTarget(history: readonly HistoryEntry[], owner?: string): HistoryEntry | null {
  return entryBySeq(history, undoRedoStacks(history, undefined, owner).undo.at(-1));
}

/** The 'do' entry the next redo re-applies, or null. */
export function redoTarget(history: readonly HistoryEntry[], owner?: string): HistoryEntry | null {
  return entryBySeq(history, undoRedoStacks(history, undefined, owner).redo.at(-1));
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
export function commitChange(project: Project, change: Change, meta: ChangeMeta): { project: Project; entry: HistoryEntry } {
  const seq = project.history.length;
  const stamp = { seq, id: meta.id, at: meta.at, author: meta.author, ...syncStamp(meta) };
  let entry: HistoryEntry;
  let next: Project;

  if (change.kind === 'do') {
    // Recorded as validated: a stranger's extra fields never reach the history (or the file).
    const op = validateOperation(change.op);
    next = apply(project, op);
    entry = { ...stamp, kind: 'do', op, inverse: invert(project, op) };
  } else if (change.kind === 'undo') {
    const target = undoTarget(project.history, meta.keyId);
    if (!target) throw new OperationError('Nothing to undo');
    // Stored operations are checked by shape on open: in full here, before they are replayed.
    const [op, inverse] = [validateOperation(target.inverse), validateOperation(target.op)];
    next = apply(project, op);
    entry = { ...stamp, kind: 'undo', of: target.seq, ...ofId(meta, target), op, inverse };
  } else {
    const target = redoTarget(project.history, meta.keyId);
    if (!target) throw new OperationError('Nothing to redo');
    const op = validateOperation(target.op);
    next = apply(project, op);
    entry = { ...stamp, kind: 'redo', of: target.seq, ...ofId(meta, target), op, inverse: invert(project, op) };
  }

  return { project: { ...next, history: [...project.history, entry] }, entry };
}

/** The sync stamps of a change, only those given (entries without them load as legacy entries). */
function syncStamp(meta: ChangeMeta): Pick<HistoryEntry, 'keyId' | 'device' | 'hlc'> {
  const out: Pick<HistoryEntry, 'keyId' | 'device' | 'hlc'> = {};
  if (meta.keyId !== undefined) out.keyId = meta.keyId;
  if (meta.device !== undefined) out.device = meta.device;
  if (meta.hlc !== undefined) out.hlc = meta.hlc;
  return out;
}

/** A stamped undo / redo names its target by id too: seqs move when a merge inserts older entries. */
function ofId(meta: ChangeMeta, target: HistoryEntry): Pick<HistoryEntry, 'ofId'> {
  return meta.hlc !== undefined ? { ofId: target.id } : {};
}

/**
 * What the history has seen, for asking which claims an old entry concerns: the project's claims,
 * links and comments plus those that operations in the history added and later changes removed.
 */
export function historyLookup(project: Pick<Project, 'history' | 'claims' | 'links' | 'comments' | 'corrections'>): ClaimLookup {
  const claims = new Map(project.claims.map((c) => [c.id, c]));
  const links = new Map(project.links.map((l) => [l.id, l]));
  const comments = new Map((project.comments ?? []).map((c) => [c.id, c]));
  const corrections = new Map((project.corrections ?? []).map((c) => [c.id, c]));
  for (const entry of project.history) {
    for (const op of [...leavesOf(entry.op), ...leavesOf(entry.inverse)]) {
      const carried = carriedBy(op);
      for (const claim of carried.claims ?? []) if (!claims.has(claim.id)) claims.set(claim.id, claim);
      for (const link of carried.links ?? []) if (!links.has(link.id)) links.set(link.id, link);
      for (const comment of carried.comments ?? []) if (!comments.has(comment.id)) comments.set(comment.id, comment);
      for (const correction of carried.corrections ?? []) if (!corrections.has(correction.id)) corrections.set(correction.id, correction);
    }
  }
  return { claims: [...claims.values()], links: [...links.values()], comments: [...comments.values()], corrections: [...corrections.values()] };
}

/** The ids of the claims some history entry concerns, in order of their first entry. */
export function claimsWithHistory(project: Pick<Project, 'history' | 'claims' | 'links' | 'comments' | 'corrections'>): string[] {
  const lookup = historyLookup(project);
  const seen = new Set<string>();
  for (const entry of project.history) for (const id of claimIdsOf(entry.op, lookup)) seen.add(id);
  return [...seen];
}

/**
 * The history entries whose operation concerns a claim, oldest first; all of them without a claim.
 * Links, comments and claims that are gone are looked up in what the history has seen.
 */
export function entriesForClaim(project: Pick<Project, 'history' | 'claims' | 'links' | 'comments' | 'corrections'>, claimId: string | null): HistoryEntry[] {
  if (!claimId) return project.history.slice();
  const lookup = historyLookup(project);
  return project.history.filter((entry) => claimIdsOf(entry.op, lookup).includes(claimId));
}
