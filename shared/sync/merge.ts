/**
 * The merge core: copies of one project exchange history entries; every copy keeps the union of
 * entries by id and replays them, in one total order (entryOrder.ts), from the same starting state
 * through the reducer — so every copy arrives at the same project and the same history.
 * Nothing is dropped: an entry that no longer applies (its claim was deleted or approved
 * meanwhile), one its signer may not make (authority.ts) and one whose signature failed when it
 * was received stays in the history, marked `rejected` with the reason, not applied, and is listed
 * in the project's conflicts. Concurrent edits of one field become field conflicts
 * (fieldConflicts.ts). Pure: signatures are checked by the caller when entries arrive.
 */
import type { SyncConflict } from '../model';
import { apply, OperationError, type HistoryEntry, type Project } from '../operations';
import { authorityRefusal } from './authority';
import { mergeOrder } from './entryOrder';
import { FieldConflictTracker } from './fieldConflicts';

/** The project without its history and without what a replay derives. */
export type ProjectState = Omit<Project, 'history' | 'conflicts' | 'syncBase'>;

export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

function stateOnly(project: Project): ProjectState {
  const { history: _history, conflicts: _conflicts, syncBase: _base, ...state } = project;
  return state;
}

/**
 * The state the history starts from: kept in `syncBase` once the project has merged, else found by
 * undoing every applied entry (inverses are exact), newest first.
 */
export function historyBase(project: Project): ProjectState {
  if (project.syncBase) return project.syncBase as unknown as ProjectState;
  let state: Project = { ...project, history: [] };
  for (let i = project.history.length - 1; i >= 0; i--) {
    const entry = project.history[i];
    if (entry.rejected) continue;
    try {
      state = apply(state, entry.inverse);
    } catch (err) {
      throw new MergeError(`The history of this project cannot be rolled back to its start (entry ${entry.id}: ${(err as Error).message}).`);
    }
  }
  return stateOnly(state);
}

function rejectionConflict(entry: HistoryEntry, reason: string): SyncConflict {
  return {
    kind: 'rejected',
    id: `entry:${entry.id}`,
    entryId: entry.id,
    author: entry.author,
    at: entry.at,
    reason,
    ...(entry.keyId ? { keyId: entry.keyId } : {}),
  };
}

/**
 * Replays `entries` (deduplicated by id: the first copy of an id wins) from `base` in merge order.
 * Returns the project with the merged history (seqs and undo pointers renumbered), the state,
 * member list and open conflicts that result, and `base` kept as syncBase.
 */
export function replayHistory(base: ProjectState, entries: readonly HistoryEntry[]): Project {
  const unique = new Map<string, HistoryEntry>();
  for (const entry of entries) if (!unique.has(entry.id)) unique.set(entry.id, entry);
  let state: Project = { ...(base as Project), history: [] };
  const history: HistoryEntry[] = [];
  const seqOf = new Map<string, number>();
  const tracker = new FieldConflictTracker();
  const rejected: SyncConflict[] = [];

  for (const original of mergeOrder([...unique.values()])) {
    const { rejected: _was, ...entry } = original;
    const placed: HistoryEntry = { ...entry, seq: history.length };
    if (entry.ofId !== undefined) {
      const target = seqOf.get(entry.ofId);
      if (target === undefined) delete placed.of;
      else placed.of = target;
    }
    let reason = entry.unverified ? `its signature could not be verified (${entry.unverified})` : authorityRefusal(state, placed);
    if (!reason) {
      tracker.observe(state, placed);
      try {
        state = apply(state, placed.op);
      } catch (err) {
        if (!(err instanceof OperationError)) throw err;
        reason = `it no longer applies: ${err.message}`;
      }
    }
    if (reason) {
      placed.rejected = reason;
      rejected.push(rejectionConflict(placed, reason));
    }
    seqOf.set(placed.id, placed.seq);
    history.push(placed);
  }

  const conflicts = [...tracker.conflicts(), ...rejected];
  const { conflicts: _c, syncBase: _b, ...rest } = state;
  const project: Project = { ...rest, history, syncBase: base as unknown as Record<string, unknown> };
  return conflicts.length > 0 ? { ...project, conflicts } : project;
}

export interface MergeResult {
  project: Project;
  /** Entries this copy did not have. */
  added: number;
  /** Entries received that this copy already had. */
  present: number;
  /** Open conflicts after the merge. */
  conflicts: number;
}

/** Merges entries received from another copy into `project` (nothing changes when all are known). */
export function mergeEntries(project: Project, incoming: readonly HistoryEntry[]): MergeResult {
  const known = new Set(project.history.map((e) => e.id));
  const fresh = new Map<string, HistoryEntry>();
  let present = 0;
  for (const entry of incoming) {
    if (known.has(entry.id)) present++;
    else if (!fresh.has(entry.id)) fresh.set(entry.id, entry);
  }
  if (fresh.size === 0) return { project, added: 0, present, conflicts: project.conflicts?.length ?? 0 };
  const merged = replayHistory(historyBase(project), [...project.history, ...fresh.values()]);
  return { project: merged, added: fresh.size, present, conflicts: merged.conflicts?.length ?? 0 };
}

/** The operation that takes back the entry `entryId` against the current state (its recorded inverse), or why not. */
export function undoEntryOperation(project: Project, entryId: string): { ok: true; op: HistoryEntry['inverse'] } | { ok: false; reason: string } {
  const entry = project.history.find((e) => e.id === entryId);
  if (!entry) return { ok: false, reason: `No entry with id "${entryId}"` };
  if (entry.rejected) return { ok: false, reason: 'That entry was never applied.' };
  try {
    apply(project, entry.inverse);
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
  return { ok: true, op: entry.inverse };
}
