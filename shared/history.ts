/**
 * History, undo and redo. Every change is recorded as a history entry; the undo and redo stacks are
 * not stored but derived from the history, so they survive saving and reopening the project.
 */
import {
  apply,
  applyWithInverse,
  validateOperation,
  carriedBy,
  claimIdsOf,
  leavesOf,
  OperationError,
  type Change,
  type ChangeMeta,
  type ClaimLookup,
  type HistoryEntry,
  type Operation,
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
 * The result is remembered per history list (lists are never changed in place) and carried one
 * entry on by commitChange, so an undo on a long history does not replay all of it: callers must
 * not change the arrays returned.
 */
export function undoRedoStacks(
  history: readonly HistoryEntry[],
  check?: (entry: HistoryEntry, index: number, expected: number | undefined) => void,
  owner?: string,
): UndoRedoStacks {
  const known = check ? undefined : stacksCache.get(history)?.get(owner);
  if (known) return known;
  const stacks: UndoRedoStacks = { undo: [], redo: [] };
  let seqOfId: Map<string, number> | null = null;
  const lookup = (id: string) => {
    if (!seqOfId) {
      seqOfId = new Map();
      for (const e of history) seqOfId.set(e.id, e.seq);
    }
    return seqOfId.get(id);
  };
  // One person's stacks: an undo of someone else's change finds nothing to move, which the counts tell without a search.
  const counts: StackCounts | undefined = owner === undefined ? undefined : { undo: new Map(), redo: new Map() };
  history.forEach((entry, index) => stepStacks(stacks, entry, index, owner, lookup, check, counts));
  remember(history, owner, stacks);
  return stacks;
}

/** The stacks computed for a history list, by owner (undefined: everyone's). */
const stacksCache = new WeakMap<readonly HistoryEntry[], Map<string | undefined, UndoRedoStacks>>();

function remember(history: readonly HistoryEntry[], owner: string | undefined, stacks: UndoRedoStacks): void {
  let byOwner = stacksCache.get(history);
  if (!byOwner) stacksCache.set(history, (byOwner = new Map()));
  byOwner.set(owner, stacks);
}

/** How often each seq is on the undo and the redo stack (a full replay keeps them, so a target not on a stack costs no search). */
interface StackCounts {
  undo: Map<number, number>;
  redo: Map<number, number>;
}

const bump = (counts: Map<number, number> | undefined, seq: number | undefined, by: number) => {
  if (counts && seq !== undefined) counts.set(seq, (counts.get(seq) ?? 0) + by);
};

/** One entry's move of the stacks (in place). */
function stepStacks(
  stacks: UndoRedoStacks,
  entry: HistoryEntry,
  index: number,
  owner: string | undefined,
  seqOfId: (id: string) => number | undefined,
  check?: (entry: HistoryEntry, index: number, expected: number | undefined) => void,
  counts?: StackCounts,
): void {
  // Kept by a merge but never applied: nothing to undo or redo.
  if (entry.rejected) return;
  if (owner !== undefined && entry.keyId !== undefined && entry.keyId !== owner) return;
  if (entry.kind === 'do') {
    stacks.undo.push(entry.seq);
    bump(counts?.undo, entry.seq, 1);
    stacks.redo = [];
    counts?.redo.clear();
    return;
  }
  const [from, to] = entry.kind === 'undo' ? [stacks.undo, stacks.redo] : [stacks.redo, stacks.undo];
  const [fromCounts, toCounts] = entry.kind === 'undo' ? [counts?.undo, counts?.redo] : [counts?.redo, counts?.undo];
  if (entry.ofId !== undefined) {
    const target = seqOfId(entry.ofId);
    const onStack = target !== undefined && (!fromCounts || (fromCounts.get(target) ?? 0) > 0);
    const at = onStack ? from.lastIndexOf(target) : -1;
    if (at >= 0) {
      from.splice(at, 1);
      bump(fromCounts, target, -1);
    }
    if (target !== undefined) {
      to.push(target);
      bump(toCounts, target, 1);
    }
    return;
  }
  const expected = from.pop();
  bump(fromCounts, expected, -1);
  check?.(entry, index, expected);
  const moved = entry.of ?? expected ?? entry.seq;
  to.push(moved);
  bump(toCounts, moved, 1);
}

/** `history` is `before` with `entry` appended: its stacks are those of `before` moved by the one entry. */
function carryStacks(before: readonly HistoryEntry[], history: readonly HistoryEntry[], entry: HistoryEntry): void {
  const byOwner = stacksCache.get(before);
  if (!byOwner) return;
  // The last entry with an id (as the full replay's map has it).
  const seqOfId = (id: string) => {
    for (let i = history.length - 1; i >= 0; i--) if (history[i]!.id === id) return history[i]!.seq;
    return undefined;
  };
  for (const [owner, stacks] of byOwner) {
    const next = { undo: stacks.undo.slice(), redo: stacks.redo.slice() };
    stepStacks(next, entry, history.length - 1, owner, seqOfId);
    remember(history, owner, next);
  }
}

/** The 'do' entry the next undo reverses, or null. */
export function undoTarget(history: readonly HistoryEntry[], owner?: string): HistoryEntry | null {
  return entryBySeq(history, undoRedoStacks(history, undefined, owner).undo.at(-1));
}

/** The 'do' entry the next redo re-applies, or null. */
export function redoTarget(history: readonly HistoryEntry[], owner?: string): HistoryEntry | null {
  return entryBySeq(history, undoRedoStacks(history, undefined, owner).redo.at(-1));
}

/**
 * Validates the stored operations the next undo and redo would replay: commitChange validates them in full
 * before it replays them, and remembers every operation it validated. A window does this while it is idle
 * after opening a project, so the first Undo of a batch of a thousand claims does not pay for it. An
 * operation that does not validate is left for the undo or redo itself to report.
 */
export function prepareUndoRedo(history: readonly HistoryEntry[]): void {
  const undo = undoTarget(history);
  const redo = redoTarget(history);
  for (const op of [undo?.inverse, undo?.op, redo?.op]) {
    if (!op) continue;
    try {
      validateOperation(op);
    } catch {
      // Reported when the undo or redo is asked for.
    }
  }
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
    let inverse: Operation;
    ({ project: next, inverse } = applyWithInverse(project, op));
    entry = { ...stamp, kind: 'do', op, inverse };
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
    let inverse: Operation;
    ({ project: next, inverse } = applyWithInverse(project, op));
    entry = { ...stamp, kind: 'redo', of: target.seq, ...ofId(meta, target), op, inverse };
  }

  return { project: { ...next, history: appendEntry(project.history, entry) }, entry };
}

/** A new history list: `history` with `entry` appended (its undo/redo stacks carried on from the list before). */
export function appendEntry(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const next = [...history, entry];
  carryStacks(history, next, entry);
  return next;
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
