/**
 * One replay of a merged history, entry by entry, and what it keeps so that a later merge can
 * resume it instead of starting over: the state every SNAPSHOT_EVERY entries over the last
 * SNAPSHOT_EVERY × 16 and every SNAPSHOT_EVERY × 16 before that (states share every part an
 * operation did not change; an entry far back costs a replay of everything after it anyway), what
 * each entry changed in the field-conflict tracker, and where each entry and each refusal sits. Rewinding to a position takes back the tracker's changes
 * after it and rebuilds the state from the snapshot before it; replaying from there gives exactly
 * what replaying from the start would (every decision depends only on the entries before).
 */
import type { SyncConflict } from '../model';
import { apply, OperationError, type HistoryEntry, type Project } from '../operations';
import { authorityRefusal } from './authority';
import { FieldConflictTracker, type TrackerUndo } from './fieldConflicts';

/** The project without its history and without what a replay derives. */
export type ProjectState = Omit<Project, 'history' | 'conflicts' | 'syncBase'>;

/** A state kept every so many entries near the end: a resumed merge there re-applies at most this many minus one to reach its start. */
export const SNAPSHOT_EVERY = 256;
/** Further back, one state in this many is kept. */
const SPARSE = 16;

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

export class Replay {
  /** The entries as placed so far (seqs, undo pointers and refusals of this replay). */
  readonly placed: HistoryEntry[] = [];
  /** Where each placed entry is, by id. */
  readonly positions = new Map<string, number>();
  /** How many placed entries at the start are legacy (no clock): merge order puts them all first. */
  legacy = 0;
  private state: Project;
  private readonly tracker = new FieldConflictTracker();
  private readonly refused: { at: number; conflict: SyncConflict }[] = [];
  /** Per placed entry, what it changed in the tracker (undefined: nothing). */
  private readonly trackerUndo: (TrackerUndo[] | undefined)[] = [];
  /** States after `at` entries, `at` ascending. */
  private readonly snapshots: { at: number; state: Project }[];

  constructor(
    readonly base: ProjectState,
    private readonly snapshotEvery = SNAPSHOT_EVERY,
  ) {
    this.state = { ...(base as Project), history: [] };
    this.snapshots = [{ at: 0, state: this.state }];
  }

  /** Places one entry (given in merge order, its id not placed yet): applied, or kept as refused with the reason. */
  step(original: HistoryEntry): void {
    const { rejected: _was, ...entry } = original;
    const placed: HistoryEntry = { ...entry, seq: this.placed.length };
    if (entry.ofId !== undefined) {
      const target = this.positions.get(entry.ofId);
      if (target === undefined) delete placed.of;
      else placed.of = target;
    }
    let reason = entry.unverified ? `its signature could not be verified (${entry.unverified})` : authorityRefusal(this.state, placed);
    let undo: TrackerUndo[] | undefined;
    if (!reason) {
      undo = [];
      this.tracker.observe(this.state, placed, undo);
      try {
        this.state = apply(this.state, placed.op);
      } catch (err) {
        if (!(err instanceof OperationError)) throw err;
        reason = `it no longer applies: ${err.message}`;
      }
    }
    if (reason) {
      placed.rejected = reason;
      this.refused.push({ at: placed.seq, conflict: rejectionConflict(placed, reason) });
    }
    this.positions.set(placed.id, placed.seq);
    this.trackerUndo.push(undo && undo.length > 0 ? undo : undefined);
    this.placed.push(placed);
    if (entry.hlc === undefined && this.legacy === placed.seq) this.legacy++;
    if (this.placed.length % this.snapshotEvery === 0) this.keepSnapshot();
  }

  private keepSnapshot(): void {
    const at = this.placed.length;
    this.snapshots.push({ at, state: this.state });
    // The one that just left the dense stretch at the end goes, unless it is on the sparse grid.
    const leaving = at - this.snapshotEvery * SPARSE;
    if (leaving <= 0 || leaving % (this.snapshotEvery * SPARSE) === 0) return;
    for (let i = this.snapshots.length - 1; i >= 0 && this.snapshots[i]!.at >= leaving; i--) {
      if (this.snapshots[i]!.at === leaving) {
        this.snapshots.splice(i, 1);
        return;
      }
    }
  }

  /** Goes back to the point right after the first `position` placed entries, as if only they had been replayed. */
  rewind(position: number): void {
    const length = this.placed.length;
    if (position >= length) return;
    let k = this.snapshots.length - 1;
    while (this.snapshots[k]!.at > position) k--;
    let state = this.snapshots[k]!.state;
    // An entry not refused was applied to exactly this state when it was placed.
    for (let i = this.snapshots[k]!.at; i < position; i++) {
      const entry = this.placed[i]!;
      if (!entry.rejected) state = apply(state, entry.op);
    }
    for (let i = length - 1; i >= position; i--) {
      const undo = this.trackerUndo[i];
      if (undo) this.tracker.takeBack(undo);
      this.positions.delete(this.placed[i]!.id);
    }
    this.placed.length = position;
    this.trackerUndo.length = position;
    while (this.refused.length > 0 && this.refused[this.refused.length - 1]!.at >= position) this.refused.pop();
    this.snapshots.length = k + 1;
    this.legacy = Math.min(this.legacy, position);
    this.state = state;
  }

  /** The project the replay leads to: its state, the placed history, open conflicts, and the base kept as syncBase. */
  result(): Project {
    const conflicts = [...this.tracker.conflicts(), ...this.refused.map((r) => r.conflict)];
    const { conflicts: _c, syncBase: _b, ...rest } = this.state;
    const project: Project = { ...rest, history: this.placed.slice(), syncBase: this.base as unknown as Record<string, unknown> };
    return conflicts.length > 0 ? { ...project, conflicts } : project;
  }
}
