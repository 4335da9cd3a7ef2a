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
import { apply, type HistoryEntry, type Project } from '../operations';
import { compareStamped, mergeOrder } from './entryOrder';
import { canonicalJson } from './canonicalJson';
import { Replay, type ProjectState } from './mergeReplay';
import { sharedStart } from '../sharedStart';

export type { ProjectState } from './mergeReplay';

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

function fullReplay(base: ProjectState, entries: readonly HistoryEntry[], snapshotEvery?: number): Replay {
  const unique = new Map<string, HistoryEntry>();
  for (const entry of entries) if (!unique.has(entry.id)) unique.set(entry.id, entry);
  const replay = new Replay(base, snapshotEvery);
  for (const entry of mergeOrder([...unique.values()])) replay.step(entry);
  return replay;
}

/**
 * Replays `entries` (deduplicated by id: the first copy of an id wins) from `base` in merge order.
 * Returns the project with the merged history (seqs and undo pointers renumbered), the state,
 * member list and open conflicts that result, and `base` kept as syncBase. The reference every
 * faster merge must equal.
 */
export function replayHistory(base: ProjectState, entries: readonly HistoryEntry[]): Project {
  return fullReplay(base, entries).result();
}

// ---------- resuming the last replay ----------

/**
 * The replay behind the last merge of each project, by its syncBase (the same object from merge to
 * merge while the project is open). Taken out while a merge uses it, put back after.
 */
const lastReplay = new WeakMap<object, Replay>();

/** The first index in placed[from, to) whose entry sorts after `entry` (placed stamped entries are in merge order). */
function sortsBefore(placed: readonly HistoryEntry[], from: number, to: number, entry: HistoryEntry): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareStamped(placed[mid]!, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Resumes `replay`, which placed the first `shared` entries of the history exactly as they are, with
 * `extra` (the rest of the history and the received entries, each id once, none among those
 * `shared`): it goes back to where the earliest of them sorts and replays from there. Merge order puts
 * legacy entries first (the local ones before received ones) and stamped ones by (HLC, key id, id), so
 * everything placed before that point stays where it is, and what follows is the merge order of the
 * placed entries from there on plus `extra`.
 */
function resume(replay: Replay, shared: number, extra: readonly HistoryEntry[]): number {
  const legacyEnd = Math.min(replay.legacy, shared);
  let from = shared;
  for (const entry of extra) {
    from = Math.min(from, entry.hlc === undefined ? legacyEnd : sortsBefore(replay.placed, legacyEnd, shared, entry));
  }
  const again = replay.placed.slice(from, shared);
  replay.rewind(from);
  const rest = mergeOrder([...again, ...extra]);
  for (const entry of rest) replay.step(entry);
  return rest.length;
}

/** Same entry content, whatever the key order. */
function sameEntry(a: HistoryEntry, b: HistoryEntry): boolean {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
}

/**
 * Builds, `slice` entries per step, the replay the first merge after opening a project that has
 * merged before would otherwise start from scratch, and keeps it for that merge (run it in the
 * background after opening). The history's own entry objects are adopted where the replay placed
 * the same, so the merge resumes from where its new entries sort. Answers whether it kept one
 * (not when the project never merged or a merge already kept its own).
 */
export function* prepareMergeReplay(project: Project, options: MergeOptions & { slice?: number } = {}): Generator<void, boolean> {
  const slice = Math.max(1, options.slice ?? 256);
  if (!project.syncBase || lastReplay.has(project.syncBase)) return false;
  const base = historyBase(project);
  const unique = new Map<string, HistoryEntry>();
  for (const entry of project.history) if (!unique.has(entry.id)) unique.set(entry.id, entry);
  const order = mergeOrder([...unique.values()]);
  const replay = new Replay(base, options.snapshotEvery);
  for (let i = 0; i < order.length; i++) {
    replay.step(order[i]!);
    if (i % slice === slice - 1) yield;
  }
  const history = project.history;
  const n = Math.min(history.length, replay.placed.length);
  for (let i = 0; i < n && sameEntry(replay.placed[i]!, history[i]!); i++) {
    replay.placed[i] = history[i]!;
    if (i % slice === slice - 1) yield;
  }
  if (lastReplay.has(base)) return false;
  lastReplay.set(base, replay);
  return true;
}

export interface MergeResult {
  project: Project;
  /** Entries this copy did not have. */
  added: number;
  /** Entries received that this copy already had. */
  present: number;
  /** Open conflicts after the merge. */
  conflicts: number;
  /** Entries put through the reducer again: from where the earliest new entry sorts, or the whole history. */
  replayed: number;
}

export interface MergeOptions {
  /** How often a full replay keeps the state for resuming (tests make it small to cross many snapshots). */
  snapshotEvery?: number;
}

/**
 * Merges entries received from another copy into `project` (nothing changes when all are known).
 * The result is always replayHistory(historyBase(project), history + received). When the replay
 * behind the project's last merge is at hand and the history still starts with what it placed, only
 * the entries from where the earliest received (or since added) entry sorts are replayed; otherwise
 * the whole history is, and that replay is kept for the next merge.
 */
export function mergeEntries(project: Project, incoming: readonly HistoryEntry[], options: MergeOptions = {}): MergeResult {
  const memo = lastMerge.get(project);
  if (memo && memo.incoming.length === incoming.length && memo.incoming.every((e, i) => e === incoming[i])) return memo.result;
  const result = mergeAnew(project, incoming, options);
  lastMerge.set(project, { incoming: incoming.slice(), result });
  return result;
}

/**
 * The last merge into each project, with the entries it received (compared one by one, by identity:
 * entries are never changed in place): asking again, as a caller that merged while the signatures
 * were checked does, answers at once.
 */
const lastMerge = new WeakMap<Project, { incoming: readonly HistoryEntry[]; result: MergeResult }>();

function mergeAnew(project: Project, incoming: readonly HistoryEntry[], options: MergeOptions): MergeResult {
  const history = project.history;
  const kept = project.syncBase ? lastReplay.get(project.syncBase) : undefined;
  const shared = kept ? sharedStart(kept.placed, history) : 0;
  const inShared = (id: string) => (kept?.positions.get(id) ?? shared) < shared;
  const rest = new Map<string, HistoryEntry>();
  for (let i = shared; i < history.length; i++) if (!rest.has(history[i]!.id)) rest.set(history[i]!.id, history[i]!);

  const fresh = new Map<string, HistoryEntry>();
  let present = 0;
  for (const entry of incoming) {
    if (inShared(entry.id) || rest.has(entry.id)) present++;
    else if (!fresh.has(entry.id)) fresh.set(entry.id, entry);
  }
  if (fresh.size === 0) return { project, added: 0, present, conflicts: project.conflicts?.length ?? 0, replayed: 0 };

  let replay: Replay | undefined;
  let replayed = 0;
  if (kept) {
    lastReplay.delete(project.syncBase!);
    const extra = [...rest.values()].filter((entry) => !inShared(entry.id));
    try {
      replayed = resume(kept, shared, [...extra, ...fresh.values()]);
      replay = kept;
    } catch {
      // A replay that cannot be resumed is dropped: the full replay below is the reference.
      replay = undefined;
    }
  }
  if (!replay) {
    replay = fullReplay(historyBase(project), [...history, ...fresh.values()], options.snapshotEvery);
    replayed = replay.placed.length;
  }
  const merged = replay.result();
  lastReplay.set(replay.base, replay);
  return { project: merged, added: fresh.size, present, conflicts: merged.conflicts?.length ?? 0, replayed };
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
