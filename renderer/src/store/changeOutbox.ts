/**
 * The open project's changes on their way to the main side, and whether they are on disk.
 *
 * Every change is applied locally at once (commitChange) and kept in `pending` until the main side
 * acknowledges it. Pending changes go out in order through applyChanges: one request in flight,
 * later changes batched (at most MAX_BATCH a request). The entries the main side returns (author
 * and time stamped there) replace the local ones. Once nothing is pending, waitForSave tells when
 * the acknowledged history is on disk; the save indicator reads Saving…, Saved or Not saved: why.
 *
 * The local project is the confirmed base — the main side's history up to `confirmedSeq` — with
 * `pending` applied in order, so its history length is always confirmedSeq + pending.length. A
 * refused change, a failed request or a main side whose history moved on ('out-of-sync') ends in
 * recover(): the main side's copy replaces ours and the user is told why. Replies that belong to a
 * project replaced since (an older `generation`) are ignored.
 *
 * A long history arrives in two steps: the open reply holds its last entries only (the window paints
 * at once) and the earlier ones are paged in behind it (historyPage). Until they are all here the
 * project's history is that tail: changes are applied locally and wait (they are sent once the
 * history is whole, replayed on it), undo and redo wait, and what is worked out from the whole
 * history (the History panel, review records) fills in when the rest arrives.
 *
 * Team sync: when the main side's project changed by a merge (the change feed says so, or a request
 * is refused as 'out-of-sync'), rebase() takes the main side's newer project as the confirmed base
 * and replays `pending` on it with commitChange, keeping what still applies — no reload. A newer
 * project that arrives while a request is in flight waits for its reply: it may already hold the
 * request's entries (which are then not sent again). A project that lacks an entry of the confirmed
 * base is older than it and is ignored (entry ids, not positions, say which is newer).
 */
import { WorkbenchError, type OpenProject, type SaveStatus, type WorkbenchApi } from '../../../shared/api';
import type { HistoryEntry } from '../../../shared/operations';
import { commitChange, redoTarget, undoTarget } from '../../../shared/history';
import { settleConflicts } from '../../../shared/sync/fieldConflicts';
import { newId } from '../../../shared/ids';
import { OperationSchema, type Change, type Operation, type Project } from '../../../shared/operations';
import { errorMessage } from '../platform/errorMessage';
import { confirmedEntry } from './confirmedEntry';
import { createStore } from './createStore';

/** Most changes in one applyChanges request (the contract's limit). */
export const MAX_BATCH = 1000;

export type SaveIndicator = { kind: 'saving' | 'saved' | 'error'; text: string };

export interface OutboxState {
  /** The open project with every local change applied, acknowledged or not; null when none is open. */
  project: Project | null;
  save: SaveIndicator;
}

export interface OutboxOptions {
  /** Tells the user something: a refused change ('refusal'), why the project was reloaded. */
  notify(message: string, kind?: 'refusal'): void;
  /** After a change was applied locally and queued for the main side (earlier refusals are stale now). */
  onCommitted?(): void;
  /** The name on local history entries until the main side's entries replace them. */
  author(): string;
  /** Why a change may not be made to the project as it is (the main side's rules, checked first here), or null. */
  check?(project: Project, change: Change): string | null;
  /** After recover() replaced the project with the main side's copy (null: no project is open there any more). */
  onReloaded?(open: OpenProject | null, previous: Project | null): void;
  /** After rebase() took a newer project from the main side: the local project before and after. */
  onRebased?(previous: Project, next: Project): void;
  /**
   * When a change just made is sent (default: at once). The window sends after the frame that shows
   * the change (afterPaint): the request and its reply are then not part of what the user waits for.
   * Changes made before the send go in one request.
   */
  sendSoon?(send: () => void): void;
}

/** Entries per historyPage request while the earlier history is paged in. */
export const HISTORY_PAGE = 5000;

/** Rebases in a row on 'out-of-sync' refusals before the outbox gives up and reloads. */
const MAX_REBASE_RETRIES = 3;

const SAVED: SaveIndicator = { kind: 'saved', text: 'Saved' };
const SAVING: SaveIndicator = { kind: 'saving', text: 'Saving…' };

export class ChangeOutbox {
  private readonly store = createStore<OutboxState>({ project: null, save: SAVED });
  readonly subscribe = this.store.subscribe;
  readonly getSnapshot = this.store.getSnapshot;

  /** Bumped whenever another project (or a reloaded copy) replaces the current one. */
  private generation = 0;
  /** History length of the main side's copy that the local project builds on. */
  private confirmedSeq = 0;
  /** Local changes the main side has not acknowledged yet, oldest first. */
  private pending: Change[] = [];
  /** How many of the first pending changes are in the request in flight (0: none in flight). */
  private inFlight = 0;
  /** History length known to be on disk. */
  private savedSeq = 0;
  private saveError: string | null = null;
  private waitingForSeq = -1;
  private idleWaiters: Array<() => void> = [];
  /** A reload after a failure did not get through: the local project matches no confirmed base, so nothing is sent before a reload. */
  private mustReload = false;
  /** A newer project from the main side that arrived while a request was in flight. */
  private waitingRemote: Project | null = null;
  /** 'out-of-sync' refusals answered by a rebase since the last acknowledged request. */
  private rebaseRetries = 0;
  /** Entries before the loaded history's first one that are still being paged in (0: the history is whole). */
  private earlierMissing = 0;
  /** The main side's project as loaded, while its earlier history is being paged in. */
  private partialBase: Project | null = null;
  /** A pumpSoon() waits for options.sendSoon. */
  private sendScheduled = false;

  constructor(
    private readonly api: WorkbenchApi,
    private readonly options: OutboxOptions,
  ) {}

  get project(): Project | null {
    return this.store.getSnapshot().project;
  }

  /** Whether the earlier history is still being paged in (undo and redo wait for it). */
  get historyLoading(): boolean {
    return this.earlierMissing > 0;
  }

  /** The history is whole (paged in, replaced by a whole one, or given up on): nothing more to page in. */
  private endPaging(): void {
    this.earlierMissing = 0;
    this.partialBase = null;
  }

  /**
   * Starts over from the main side's copy (or none): the new confirmed base, nothing pending.
   * `historyTotal` (an open reply's) says the history holds only its last entries: the earlier
   * ones are then paged in.
   */
  load(project: Project | null, historyTotal?: number): void {
    this.generation++;
    this.pending = [];
    this.inFlight = 0;
    const length = Math.max(historyTotal ?? 0, project?.history.length ?? 0);
    this.earlierMissing = project ? length - project.history.length : 0;
    this.partialBase = this.earlierMissing > 0 ? project : null;
    this.confirmedSeq = length;
    this.savedSeq = length;
    this.saveError = null;
    this.waitingForSeq = -1;
    this.mustReload = false;
    this.waitingRemote = null;
    this.rebaseRetries = 0;
    this.publish(project);
    this.resolveIdle();
    if (!project) return;
    const generation = this.generation;
    if (this.earlierMissing > 0) void this.pageInEarlierHistory(project, generation);
    this.api
      .getSaveStatus({})
      .then((status) => {
        if (generation === this.generation) this.takeSaveStatus(status);
      })
      .catch(() => undefined);
  }

  /** Applies an operation locally and sends it. Returns false when refused (the user is told why). */
  dispatch(op: Operation): boolean {
    const parsed = OperationSchema.safeParse(op);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      this.options.notify(`This change was refused: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim(), 'refusal');
      return false;
    }
    return this.commit({ kind: 'do', op: parsed.data });
  }

  undo(): boolean {
    const project = this.project;
    if (!project || this.historyLoading || !undoTarget(project.history)) return false;
    return this.commit({ kind: 'undo' });
  }

  redo(): boolean {
    const project = this.project;
    if (!project || this.historyLoading || !redoTarget(project.history)) return false;
    return this.commit({ kind: 'redo' });
  }

  /** Resolves once every pending change has been acknowledged by the main side (or dropped by a reload). */
  flush(): Promise<void> {
    if (this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private commit(change: Change): boolean {
    const project = this.project;
    if (!project) return false;
    const refused = this.options.check?.(project, change);
    if (refused) {
      this.options.notify(`This change could not be made: ${refused}`, 'refusal');
      return false;
    }
    let next: Project;
    try {
      const committed = commitChange(project, change, { author: this.options.author(), at: new Date().toISOString(), id: newId('h') });
      // As the main side does: a local edit settles merge conflicts on the fields it sets.
      next = settleConflicts(committed.project, committed.entry.op);
    } catch (error) {
      this.options.notify(`This change could not be made: ${errorMessage(error)}`, 'refusal');
      return false;
    }
    this.pending.push(change);
    this.publish(next);
    this.options.onCommitted?.();
    this.pumpSoon();
    return true;
  }

  /** pump(), at once or when options.sendSoon says (once for the changes made until then). */
  private pumpSoon(): void {
    const sendSoon = this.options.sendSoon;
    if (!sendSoon) {
      this.pump();
      return;
    }
    if (this.sendScheduled) return;
    this.sendScheduled = true;
    sendSoon(() => {
      this.sendScheduled = false;
      this.pump();
    });
  }

  /** Sends the next batch unless a request is in flight; with nothing pending, waits for the disk. */
  private pump(): void {
    if (this.inFlight > 0) return;
    const project = this.project;
    if (!project) return;
    if (this.mustReload) {
      void this.recover(this.saveError ?? 'the project could not be reloaded');
      return;
    }
    if (this.pending.length === 0) {
      this.resolveIdle();
      this.waitForDisk();
      return;
    }
    // Changes made while the earlier history is paged in go once it is whole (replayed on it).
    if (this.historyLoading) return;
    const batch = this.pending.slice(0, MAX_BATCH);
    const baseSeq = this.confirmedSeq;
    const generation = this.generation;
    this.inFlight = batch.length;
    this.api
      .applyChanges({ projectId: project.id, baseSeq, changes: batch })
      .then((result) => {
        if (generation !== this.generation) return;
        if (result.seq !== baseSeq + batch.length || result.entries.length !== batch.length) {
          void this.recover('the workbench recorded a different number of changes');
          return;
        }
        this.pending.splice(0, batch.length);
        this.inFlight = 0;
        this.rebaseRetries = 0;
        this.confirmedSeq = result.seq;
        const current = this.project;
        if (current) {
          const history = current.history.map((entry, index) => {
            const recorded = index >= baseSeq && index < result.seq ? result.entries[index - baseSeq] : undefined;
            return recorded ? confirmedEntry(recorded, entry) : entry;
          });
          this.publish({ ...current, history });
        }
        if (this.takeWaitingRemote()) return;
        this.pump();
      })
      .catch((error: unknown) => {
        if (generation !== this.generation) return;
        // The main side merged meanwhile: nothing of the batch was applied; rebase it onto the newer project.
        if (error instanceof WorkbenchError && error.code === 'out-of-sync' && this.rebaseRetries < MAX_REBASE_RETRIES) {
          this.rebaseRetries++;
          this.inFlight = 0;
          void this.rebaseOntoMainSide(project.id, generation, errorMessage(error));
          return;
        }
        void this.recover(errorMessage(error));
      });
  }

  /**
   * The main side's project changed by something other than this window (a merge): take it as the
   * confirmed base and replay the pending changes on it. Changes that no longer apply are dropped
   * and the user is told which. Returns false when `remote` is not newer than what the window has.
   */
  rebase(remote: Project): boolean {
    const current = this.project;
    if (!current || remote.id !== current.id || this.mustReload) return false;
    if (this.inFlight > 0) {
      this.waitingRemote = remote;
      return true;
    }
    const remoteIds = new Set(remote.history.map((entry) => entry.id));
    // While the earlier history is paged in, the local history is the confirmed tail (then the pending entries).
    const confirmedHere = this.confirmedSeq - this.earlierMissing;
    for (let i = 0; i < confirmedHere; i++) {
      const entry = current.history[i];
      if (entry && !remoteIds.has(entry.id)) return false;
    }
    if (remote.history.length === this.confirmedSeq && this.pending.length === 0 && !this.historyLoading) return false;
    // The remote project is whole: the paging in is no longer needed.
    this.endPaging();
    return this.replayOnto(remote, current, true);
  }

  /**
   * Takes `remote` (the main side's project, its history whole) as the confirmed base and replays
   * the pending changes on it; `rebased` when it holds changes made elsewhere (not just the earlier
   * history paged in).
   */
  private replayOnto(remote: Project, current: Project, rebased: boolean): boolean {
    let next = remote;
    const kept: Change[] = [];
    const dropped: string[] = [];
    for (const change of this.pending) {
      const refused = this.options.check?.(next, change);
      if (refused) {
        dropped.push(refused);
        continue;
      }
      try {
        const committed = commitChange(next, change, { author: this.options.author(), at: new Date().toISOString(), id: newId('h') });
        next = settleConflicts(committed.project, committed.entry.op);
        kept.push(change);
      } catch (error) {
        dropped.push(errorMessage(error));
      }
    }
    this.pending = kept;
    this.confirmedSeq = remote.history.length;
    this.savedSeq = Math.min(this.savedSeq, this.confirmedSeq);
    for (const reason of dropped) this.options.notify(`Your change could not be kept after changes made elsewhere: ${reason}`, 'refusal');
    this.publish(next);
    if (rebased) this.options.onRebased?.(current, next);
    this.resolveIdle();
    const generation = this.generation;
    this.api
      .getSaveStatus({})
      .then((status) => {
        if (generation === this.generation) this.takeSaveStatus(status);
      })
      .catch(() => undefined);
    this.pump();
    return true;
  }

  /**
   * Pages in the history's entries before the loaded ones, oldest first, then replays what was
   * changed meanwhile on the whole history and sends it. A page that does not fit (the main side's
   * history moved under us) ends in a reload of the whole project.
   */
  private async pageInEarlierHistory(loaded: Project, generation: number): Promise<void> {
    const missing = this.earlierMissing;
    const earlier: HistoryEntry[] = [];
    try {
      while (earlier.length < missing) {
        const page = await this.api.historyPage({ projectId: loaded.id, from: earlier.length, count: Math.min(HISTORY_PAGE, missing - earlier.length) });
        if (generation !== this.generation || this.partialBase !== loaded) return;
        if (page.entries.length === 0 || page.from !== earlier.length) throw new Error('the history changed while it was loading');
        for (const entry of page.entries) earlier.push(entry);
      }
    } catch (error) {
      if (generation !== this.generation || this.partialBase !== loaded) return;
      this.endPaging();
      void this.recover(`its history could not be loaded: ${errorMessage(error)}`);
      return;
    }
    const whole = [...earlier.slice(0, missing), ...loaded.history];
    // The pages and the loaded tail must be one history: positions in order, the tail where it was.
    if (whole.some((entry, index) => entry.seq !== index)) {
      this.endPaging();
      void this.recover('its history changed while it was loading');
      return;
    }
    const current = this.project;
    this.endPaging();
    if (!current) return;
    this.replayOnto({ ...loaded, history: whole }, current, false);
  }

  /** A newer project that waited for the reply of the request in flight. */
  private takeWaitingRemote(): boolean {
    const remote = this.waitingRemote;
    this.waitingRemote = null;
    return remote ? this.rebase(remote) : false;
  }

  private async rebaseOntoMainSide(projectId: string, generation: number, reason: string): Promise<void> {
    try {
      const open = await this.api.getOpenProject({});
      if (generation !== this.generation) return;
      this.waitingRemote = null;
      if (open && open.project.id === projectId && this.rebase(open.project)) return;
    } catch {
      if (generation !== this.generation) return;
    }
    void this.recover(reason);
  }

  private waitForDisk(): void {
    const seq = this.confirmedSeq;
    if (seq <= this.savedSeq && !this.saveError) {
      this.refresh();
      return;
    }
    if (this.waitingForSeq >= seq) return;
    this.waitingForSeq = seq;
    const generation = this.generation;
    this.api
      .waitForSave({ seq })
      .then((status) => {
        if (generation !== this.generation) return;
        if (this.waitingForSeq === seq) this.waitingForSeq = -1;
        this.takeSaveStatus(status);
        // Changes acknowledged meanwhile need their own wait.
        if (this.pending.length === 0 && this.confirmedSeq > this.savedSeq && status.state !== 'error') this.waitForDisk();
      })
      .catch((error: unknown) => {
        if (generation !== this.generation) return;
        if (this.waitingForSeq === seq) this.waitingForSeq = -1;
        this.saveError = errorMessage(error);
        this.refresh();
      });
  }

  private takeSaveStatus(status: SaveStatus): void {
    this.savedSeq = Math.max(this.savedSeq, status.savedSeq);
    this.saveError = status.state === 'error' ? (status.error ?? 'the file could not be written') : null;
    this.refresh();
  }

  /**
   * After a refused or failed request: take the main side's copy of the project and say why. The
   * seam for team sync, which rebases `pending` onto the main side's copy here instead.
   */
  private async recover(reason: string): Promise<void> {
    const generation = ++this.generation;
    this.pending = [];
    this.inFlight = 0;
    this.options.notify(`Your latest change could not be saved (${reason}). The project was reloaded as last saved.`);
    try {
      const open = await this.api.getOpenProject({});
      // Another project was opened meanwhile: it stays.
      if (generation !== this.generation) return;
      const previous = this.project;
      this.load(open?.project ?? null);
      this.options.onReloaded?.(open, previous);
    } catch (error) {
      if (generation !== this.generation) return;
      this.mustReload = true;
      this.saveError = errorMessage(error);
      this.refresh();
    }
    this.resolveIdle();
  }

  private resolveIdle(): void {
    if (this.pending.length > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private indicator(project: Project | null): SaveIndicator {
    if (this.saveError) return { kind: 'error', text: `Not saved: ${this.saveError}` };
    if (this.pending.length > 0 || this.savedSeq < (project?.history.length ?? 0)) return SAVING;
    return SAVED;
  }

  /** Publishes the project and the save indicator that goes with it; subscribers hear only of changes. */
  private publish(project: Project | null): void {
    const current = this.store.getSnapshot();
    const next = this.indicator(project);
    const save = next.kind === current.save.kind && next.text === current.save.text ? current.save : next;
    if (project === current.project && save === current.save) return;
    this.store.set({ project, save });
  }

  private refresh(): void {
    this.publish(this.project);
  }
}
