/**
 * One open project file: the project in memory, changes applied through commitChange, and coalesced
 * durable writes through lowdb with our DurableJsonFile adapter.
 *
 * - Opening parses with parseProjectFile; a file that fails is reported (WorkbenchError
 *   'invalid-project', naming the file and the problem) and is never written.
 * - The first unsaved change schedules a write ~250 ms later; further changes push it back, but never
 *   beyond 1 s after that first unsaved change. One write is in flight at a time; changes made
 *   meanwhile are written by the next one.
 * - A failed write puts the store in 'error' with a readable reason; it is retried on the next change
 *   or flush.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { WorkbenchError, type SaveStatus } from '../../shared/api';
import type { Change, ChangeMeta, HistoryEntry, Project } from '../../shared/operations';
import { commitOnMainSide } from './commitOnMainSide';
import { appendEntry } from '../../shared/history';
import { parseProjectFile, serializeProject, serializeProjectParts } from '../../shared/projectFile';
import { settleConflicts } from '../../shared/sync/fieldConflicts';
import { mergeEntries, type MergeResult } from '../../shared/sync/merge';
import { DurableJsonFile } from './durableJsonFile';
import { pathExists } from './durableWrite';
import { describeFsError, isErrno } from './fsErrors';
import { removeProjectLeftovers } from './leftoverTemps';
import { acquireProjectLock, type LockOptions, type ProjectLock } from './projectLock';
import { sha256Hex } from './intake/sha256';

/** Why a change may not be made to the project as it stands, or null when it may. */
export type ChangeCheck = (project: Project, change: Change) => string | null;

export interface ProjectStoreOptions {
  /** Create the file with this project instead of reading it; an existing file is never overwritten. */
  create?: Project;
  /** Take `<file>.lock` so no other process edits the same file (default true). */
  lock?: boolean;
  lockOptions?: LockOptions;
  /** Delay of a write after the latest change (default 250 ms). */
  debounceMs?: number;
  /** Longest delay of a write after the first unsaved change (default 1000 ms). */
  maxDelayMs?: number;
  /** Wraps the file adapter given to lowdb (tests count writes this way). */
  wrapAdapter?: (adapter: Adapter<Project>) => Adapter<Project>;
}

export interface ProjectStore {
  readonly project: Project;
  readonly path: string;
  /**
   * What was repaired when the file was read (one sentence per kind), until the repaired project is
   * first written — which happens only with the user's next change, never on open.
   */
  readonly repairs: string[];
  /**
   * Applies changes in order, all or none. `baseSeq` must equal the current history length.
   * `meta` is called once per change (author, time, id of its history entry). `check` sees each
   * change with the project as the changes before it left it, and refuses it by returning why.
   * `seal` signs each new entry (team work).
   */
  apply(baseSeq: number, changes: readonly Change[], meta: () => ChangeMeta, check?: ChangeCheck, seal?: (entry: HistoryEntry) => HistoryEntry): HistoryEntry[];
  /** Merges history entries from another copy (shared/sync/merge.ts); written like any change. */
  merge(incoming: readonly HistoryEntry[]): MergeResult;
  /** Counts every change of the project in this process (local or merged): what a change feed waits on. */
  readonly changeCounter: number;
  /** Hears every change after it is made: 'apply' from the window's applyChanges, 'merge' from another copy. */
  onChange(listener: (kind: 'apply' | 'merge') => void): () => void;
  status(): SaveStatus;
  /** Resolves once the history up to `seq` (default: all of it) is on disk, or a write failed. */
  waitForSave(seq?: number): Promise<SaveStatus>;
  /** Writes any unsaved changes now (retrying after an error). */
  flush(): Promise<SaveStatus>;
  /** Writes the project to a new file and continues there. */
  saveAs(newPath: string): Promise<void>;
  /** Flushes and releases the lock. Unless `force`, refuses (io-error) when unsaved changes cannot be written. */
  close(options?: { force?: boolean }): Promise<SaveStatus>;
}

const DEFAULT_DEBOUNCE_MS = 250;
const DEFAULT_MAX_DELAY_MS = 1000;

class InvalidProjectFile extends Error {}

function projectAdapter(file: string, onRepairs: (repairs: string[]) => void = () => undefined): DurableJsonFile<Project> {
  // The text of the history entries, claims, articles… written before (or read unchanged): a save serializes only what changed.
  const written = new WeakMap<object, string>();
  return new DurableJsonFile<Project>(file, {
    parse(text) {
      const result = parseProjectFile(text, sha256Hex, written);
      if (!result.ok) throw new InvalidProjectFile(result.problem);
      onRepairs(result.repairs);
      return result.project;
    },
    serialize: serializeProject,
    serializeParts: (project) => serializeProjectParts(project, written),
  });
}

export async function openProjectStore(filePath: string, options: ProjectStoreOptions = {}): Promise<ProjectStore> {
  const resolved = path.resolve(filePath);
  const name = path.basename(resolved);
  const useLock = options.lock ?? true;

  if (options.create) {
    if (await pathExists(resolved)) {
      throw new WorkbenchError('io-error', `Cannot create "${name}": a file with that name already exists.`);
    }
    const lock = useLock ? await lockOrThrow(resolved, `Cannot create "${name}"`, options.lockOptions) : null;
    const adapter = projectAdapter(resolved);
    try {
      await adapter.create(options.create);
    } catch (err) {
      await lock?.release().catch(() => undefined);
      if (isErrno(err, 'EEXIST')) {
        throw new WorkbenchError('io-error', `Cannot create "${name}": a file with that name already exists.`);
      }
      throw new WorkbenchError('io-error', `Cannot create "${name}": ${describeFsError(err)}`);
    }
    return new Store(resolved, adapter, options.create, lock, options, []);
  }

  let stat;
  try {
    stat = await fs.stat(resolved);
  } catch (err) {
    throw new WorkbenchError('io-error', `Cannot open "${name}": ${describeFsError(err)}`);
  }
  if (!stat.isFile()) throw new WorkbenchError('io-error', `Cannot open "${name}": it is a folder, not a project file.`);

  const lock = useLock ? await lockOrThrow(resolved, `Cannot open "${name}" for editing`, options.lockOptions) : null;
  let repairs: string[] = [];
  const adapter = projectAdapter(resolved, (found) => (repairs = found));
  try {
    const project = await adapter.read();
    if (!project) throw new WorkbenchError('io-error', `Cannot open "${name}": the file does not exist.`);
    return new Store(resolved, adapter, project, lock, options, repairs);
  } catch (err) {
    await lock?.release().catch(() => undefined);
    if (err instanceof WorkbenchError) throw err;
    if (err instanceof InvalidProjectFile) throw new WorkbenchError('invalid-project', `Cannot open "${name}": ${err.message}`);
    throw new WorkbenchError('io-error', `Cannot open "${name}": ${describeFsError(err)}`);
  }
}

/** Takes the project's lock, then removes the temp files an earlier crash left beside it (only ours, now that nobody else writes them). */
async function lockOrThrow(file: string, failure: string, options?: LockOptions): Promise<ProjectLock> {
  let lock: ProjectLock;
  try {
    lock = await acquireProjectLock(file, options);
  } catch (err) {
    if (err instanceof WorkbenchError) throw err;
    throw new WorkbenchError('io-error', `${failure}: ${describeFsError(err)}`);
  }
  await removeProjectLeftovers(file).catch(() => undefined);
  return lock;
}

interface Waiter {
  seq: number;
  resolve: (status: SaveStatus) => void;
}

class Store implements ProjectStore {
  private filePath: string;
  private adapter: DurableJsonFile<Project>;
  private db: Low<Project>;
  private lock: ProjectLock | null;
  private current: Project;
  /** The project object last written to disk (compared by reference: every change makes a new one). */
  private saved: Project;
  private savedSeq: number;
  private writing: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstUnsavedAt: number | null = null;
  private lastError: string | null = null;
  /** Size, inode and time of the file as last read or written: another program's change shows as a difference. */
  private onDisk: FileIdentity | null = null;
  /** Set when another program deleted or replaced the file: saving stops until Save as (which may name the same file). */
  private diskChanged = false;
  private waiters: Waiter[] = [];
  private closed = false;
  /** While saveAs switches files, changes are recorded but no write is scheduled. */
  private switching = false;
  private readonly debounceMs: number;
  private readonly maxDelayMs: number;
  private readonly wrapAdapter: (adapter: Adapter<Project>) => Adapter<Project>;
  private readonly options: ProjectStoreOptions;
  /** The project as read (and repaired) from the file, and the repairs: said until something is written. */
  private readonly opened: Project;
  private readonly openRepairs: string[];

  constructor(
    filePath: string,
    adapter: DurableJsonFile<Project>,
    project: Project,
    lock: ProjectLock | null,
    options: ProjectStoreOptions,
    repairs: string[],
  ) {
    this.opened = project;
    this.openRepairs = repairs;
    this.filePath = filePath;
    this.adapter = adapter;
    this.lock = lock;
    this.options = options;
    this.wrapAdapter = options.wrapAdapter ?? ((a) => a);
    this.db = new Low<Project>(this.wrapAdapter(adapter), project);
    this.current = project;
    this.saved = project;
    this.savedSeq = project.history.length;
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    this.identityReady = identityOf(filePath).then((id) => {
      this.onDisk = id;
    });
  }

  private readonly identityReady: Promise<void>;

  get project(): Project {
    return this.current;
  }

  get path(): string {
    return this.filePath;
  }

  get repairs(): string[] {
    return this.saved === this.opened ? this.openRepairs : [];
  }

  private get dirty(): boolean {
    return this.current !== this.saved;
  }

  private changes = 0;

  get changeCounter(): number {
    return this.changes;
  }

  private listeners = new Set<(kind: 'apply' | 'merge') => void>();

  onChange(listener: (kind: 'apply' | 'merge') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(kind: 'apply' | 'merge'): void {
    this.changes++;
    this.markDirty();
    for (const listener of [...this.listeners]) listener(kind);
  }

  merge(incoming: readonly HistoryEntry[]): MergeResult {
    if (this.closed) throw new WorkbenchError('no-project', 'The project is closed.');
    const result = mergeEntries(this.current, incoming);
    if (result.project !== this.current) {
      this.current = result.project;
      this.changed('merge');
    }
    return result;
  }

  apply(baseSeq: number, changes: readonly Change[], meta: () => ChangeMeta, check?: ChangeCheck, seal?: (entry: HistoryEntry) => HistoryEntry): HistoryEntry[] {
    if (this.closed) throw new WorkbenchError('no-project', 'The project is closed.');
    const seq = this.current.history.length;
    if (baseSeq !== seq) {
      throw new WorkbenchError(
        'out-of-sync',
        `The project has ${seq} recorded changes but the window knew ${baseSeq}; reload the project to continue.`,
      );
    }
    let next = this.current;
    const entries: HistoryEntry[] = [];
    for (const change of changes) {
      const refused = check?.(next, change);
      if (refused) throw new WorkbenchError('operation-failed', refused);
      try {
        const result = commitOnMainSide(next, change, meta());
        const entry = seal ? seal(result.entry) : result.entry;
        // A local change is made with the current values in view: it settles conflicts on what it sets.
        const made = entry === result.entry ? result.project : { ...result.project, history: appendEntry(next.history, entry) };
        next = settleConflicts(made, entry.op);
        entries.push(entry);
      } catch (err) {
        if (err instanceof WorkbenchError) throw err;
        throw new WorkbenchError('operation-failed', err instanceof Error ? err.message : String(err));
      }
    }
    if (entries.length === 0) return entries;
    this.current = next;
    this.changed('apply');
    return entries;
  }

  status(): SaveStatus {
    const state: SaveStatus['state'] = this.writing ? 'saving' : this.lastError ? 'error' : this.dirty ? 'saving' : 'saved';
    return state === 'error' ? { state, savedSeq: this.savedSeq, error: this.lastError ?? undefined } : { state, savedSeq: this.savedSeq };
  }

  waitForSave(seq?: number): Promise<SaveStatus> {
    const target = Math.min(seq ?? Number.POSITIVE_INFINITY, this.current.history.length);
    if (this.savedSeq >= target) return Promise.resolve(this.status());
    if (this.closed) return Promise.resolve(this.status());
    if (this.lastError && !this.writing && !this.timer) return Promise.resolve(this.status());
    return new Promise((resolve) => this.waiters.push({ seq: target, resolve }));
  }

  async flush(): Promise<SaveStatus> {
    for (;;) {
      if (this.writing) {
        await this.writing;
        continue;
      }
      if (!this.dirty) break;
      await this.startWrite();
      if (this.lastError) break;
    }
    return this.status();
  }

  async saveAs(newPath: string): Promise<void> {
    if (this.closed) throw new WorkbenchError('no-project', 'The project is closed.');
    const resolved = path.resolve(newPath);
    const samePath = resolved === this.filePath;
    if (samePath && !this.diskChanged) {
      await this.flush();
      return;
    }
    const name = path.basename(resolved);
    const replacing = await this.checkSaveAsTarget(resolved, name);
    // Save as onto the file another program deleted or replaced: the user chose it, and the lock is already ours.
    const lock = samePath ? this.lock : (this.options.lock ?? true) ? await lockOrThrow(resolved, `Cannot save as "${name}"`, this.options.lockOptions) : null;

    this.switching = true;
    try {
      // Bring the old file up to date first (best effort: Save as is also the way out of a failing disk).
      if (!samePath) await this.flush();
      this.clearTimer();
      const adapter = projectAdapter(resolved);
      const db = new Low<Project>(this.wrapAdapter(adapter), this.current);
      const snapshot = this.current;
      try {
        if (replacing) {
          adapter.currentFileIsGood = true;
          await db.write();
        } else {
          await adapter.create(snapshot);
        }
      } catch (err) {
        if (!samePath) await lock?.release().catch(() => undefined);
        if (isErrno(err, 'EEXIST')) throw new WorkbenchError('io-error', `Cannot save as "${name}": a file with that name already exists.`);
        throw new WorkbenchError('io-error', `Cannot save as "${name}": ${describeFsError(err)}`);
      }
      const oldLock = this.lock;
      this.filePath = resolved;
      this.adapter = adapter;
      this.db = db;
      this.lock = lock;
      this.saved = snapshot;
      this.savedSeq = snapshot.history.length;
      this.lastError = null;
      this.diskChanged = false;
      this.onDisk = await identityOf(resolved);
      this.firstUnsavedAt = null;
      if (oldLock !== lock) await oldLock?.release().catch(() => undefined);
    } finally {
      this.switching = false;
      if (this.dirty) this.markDirty();
      this.notifyWaiters();
    }
  }

  async close(options: { force?: boolean } = {}): Promise<SaveStatus> {
    if (this.closed) return this.status();
    const status = await this.flush();
    if (status.state === 'error' && !options.force) {
      throw new WorkbenchError(
        'io-error',
        `${status.error ?? 'The project could not be saved.'} The project stays open; try again or use Save as.`,
      );
    }
    this.closed = true;
    this.clearTimer();
    await this.lock?.release().catch(() => undefined);
    this.lock = null;
    this.notifyWaiters();
    return status;
  }

  // ---------- writing ----------

  private markDirty(): void {
    const now = Date.now();
    if (this.firstUnsavedAt === null) this.firstUnsavedAt = now;
    if (this.writing || this.switching || this.closed) return; // the end of the write (or switch) reschedules
    this.clearTimer();
    const due = Math.min(now + this.debounceMs, this.firstUnsavedAt + this.maxDelayMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.startWrite();
    }, Math.max(0, due - now));
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private startWrite(): Promise<void> {
    if (this.writing) return this.writing;
    this.clearTimer();
    this.firstUnsavedAt = null;
    const snapshot = this.current;
    const name = path.basename(this.filePath);
    const db = this.db;
    const file = this.filePath;
    const run = async () => {
      try {
        await this.identityReady;
        const changed = await changedOnDisk(file, this.onDisk);
        if (changed) {
          this.diskChanged = true;
          this.lastError = `Could not save "${name}": ${changed} Use Save as to keep your version.`;
          return;
        }
        db.data = snapshot;
        await db.write();
        this.onDisk = await identityOf(file);
        this.saved = snapshot;
        this.savedSeq = snapshot.history.length;
        this.lastError = null;
      } catch (err) {
        this.lastError = `Could not save "${name}": ${describeFsError(err)}`;
      }
    };
    this.writing = run().finally(() => {
      this.writing = null;
      this.notifyWaiters();
      // Changes made during the write: schedule the next one (after an error, the next change or flush retries).
      if (this.dirty && !this.lastError && !this.closed && !this.switching) {
        if (this.firstUnsavedAt === null) this.firstUnsavedAt = Date.now();
        this.markDirty();
      }
    });
    return this.writing;
  }

  private notifyWaiters(): void {
    if (this.waiters.length === 0) return;
    const settled = this.closed || (this.lastError !== null && !this.writing);
    const keep: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (settled || this.savedSeq >= waiter.seq) waiter.resolve(this.status());
      else keep.push(waiter);
    }
    this.waiters = keep;
  }

  /** True when the target is this project's own earlier copy (may be replaced); throws when it is anything else. */
  private async checkSaveAsTarget(target: string, name: string): Promise<boolean> {
    let text: string;
    try {
      text = await fs.readFile(target, 'utf8');
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return false;
      throw new WorkbenchError('io-error', `Cannot save as "${name}": ${describeFsError(err)}`);
    }
    const parsed = parseProjectFile(text, sha256Hex);
    if (parsed.ok && parsed.project.id === this.current.id) return true;
    throw new WorkbenchError('io-error', `Cannot save as "${name}": a different file with that name already exists. Choose another name.`);
  }
}

interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

async function identityOf(file: string): Promise<FileIdentity | null> {
  try {
    const { dev, ino, size, mtimeMs } = await fs.stat(file);
    return { dev, ino, size, mtimeMs };
  } catch {
    return null;
  }
}

/** Why the file is no longer the one this store last read or wrote, or null when it still is. */
async function changedOnDisk(file: string, known: FileIdentity | null): Promise<string | null> {
  if (!known) return null;
  const now = await identityOf(file);
  if (!now) return 'the file was deleted or moved by another program while it was open.';
  if (now.dev !== known.dev || now.ino !== known.ino || now.size !== known.size || now.mtimeMs !== known.mtimeMs) {
    return 'another program replaced or changed the file while it was open; that file is left as it is.';
  }
  return null;
}
