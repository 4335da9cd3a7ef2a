/**
 * The open project as the renderer sees it: path, project, what is selected, save status, notices.
 *
 * Every change is applied locally at once (commitChange from shared/history) and queued; the queue is
 * sent in order through applyChanges — one request in flight, later changes batched. The entries the
 * main side returns (author and time stamped there) replace the local ones. After the last
 * acknowledged change, waitForSave tells us when it is on disk. A failure or 'out-of-sync' reloads
 * the project from the main side and shows why.
 */
import { useSyncExternalStore } from 'react';
import type { AppInfo, OpenProject, SaveStatus } from '../../../shared/api';
import { commitChange, redoTarget, undoTarget } from '../../../shared/history';
import { newId } from '../../../shared/ids';
import { OperationSchema, type Change, type Operation, type Project } from '../../../shared/operations';
import { errorMessage, workbench } from '../platform/workbench';

export interface Notice {
  id: string;
  message: string;
}

export type SaveIndicator = { kind: 'saving' | 'saved' | 'error'; text: string };

export interface SessionState {
  phase: 'starting' | 'none' | 'open';
  appInfo: AppInfo | null;
  path: string | null;
  project: Project | null;
  articleId: string | null;
  claimId: string | null;
  save: SaveIndicator;
  notices: Notice[];
  /** File names being imported right now. */
  importing: string[];
  /** A long-running project action ("Opening project…"), or null. */
  busy: string | null;
}

const MAX_BATCH = 1000;

/** Whether an error message already names the file (by path or file name). */
function mentionsFile(message: string, path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? path;
  return message.includes(path) || (name.length > 0 && message.includes(name));
}

const initialState: SessionState = {
  phase: 'starting',
  appInfo: null,
  path: null,
  project: null,
  articleId: null,
  claimId: null,
  save: { kind: 'saved', text: 'Saved' },
  notices: [],
  importing: [],
  busy: null,
};

export class ProjectSession {
  private state: SessionState = initialState;
  private readonly listeners = new Set<() => void>();
  private author = '';
  /** Bumped whenever another project (or a reloaded copy) replaces the current one. */
  private generation = 0;
  private queue: Change[] = [];
  private inFlight = false;
  /** History length the main side has acknowledged. */
  private ackSeq = 0;
  /** History length known to be on disk. */
  private savedSeq = 0;
  private saveError: string | null = null;
  private waitingForSeq = -1;
  private idleWaiters: Array<() => void> = [];

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionState => this.state;

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  // ---------- start, open, create, save as, close ----------

  private started = false;

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    try {
      const api = workbench();
      const [appInfo, settings] = await Promise.all([api.getAppInfo({}), api.getSettings({}).catch(() => null)]);
      this.author = settings?.userName ?? '';
      this.set({ appInfo });
      const open = await api.getOpenProject({});
      if (open) this.adopt(open);
      else this.set({ phase: 'none' });
    } catch (error) {
      this.set({ phase: 'none' });
      this.notify(`The workbench could not start: ${errorMessage(error)}`);
    }
  }

  async createProject(title: string, path?: string): Promise<boolean> {
    return this.switchTo('Creating project…', () => workbench().createProject(path ? { title, path } : { title }), (error) =>
      `Could not create the project “${title}”: ${errorMessage(error)}`,
    );
  }

  async openProject(path: string): Promise<boolean> {
    return this.switchTo('Opening project…', () => workbench().openProject({ path }), (error) =>
      mentionsFile(errorMessage(error), path) ? `${errorMessage(error)} (${path})` : `Could not open ${path}: ${errorMessage(error)}`,
    );
  }

  async saveProjectAs(path: string): Promise<boolean> {
    return this.switchTo('Saving a copy…', () => workbench().saveProjectAs({ path }), (error) => `Could not save the project to ${path}: ${errorMessage(error)}`);
  }

  async closeProject(): Promise<void> {
    await this.flush();
    try {
      await workbench().closeProject({});
      this.generation++;
      this.queue = [];
      this.set({ phase: 'none', path: null, project: null, articleId: null, claimId: null, save: { kind: 'saved', text: 'Saved' } });
    } catch (error) {
      this.notify(`Could not close the project: ${errorMessage(error)}`);
    }
  }

  private async switchTo(busy: string, run: () => Promise<OpenProject>, describe: (error: unknown) => string): Promise<boolean> {
    await this.flush();
    this.set({ busy });
    try {
      const open = await run();
      this.adopt(open);
      return true;
    } catch (error) {
      this.notify(describe(error));
      return false;
    } finally {
      this.set({ busy: null });
    }
  }

  private adopt(open: OpenProject): void {
    this.generation++;
    this.queue = [];
    this.inFlight = false;
    this.ackSeq = open.project.history.length;
    this.savedSeq = open.project.history.length;
    this.saveError = null;
    this.waitingForSeq = -1;
    const keepSelection = this.state.project?.id === open.project.id;
    const articleId = keepSelection && open.project.articles.some((a) => a.id === this.state.articleId) ? this.state.articleId : (open.project.articles[0]?.id ?? null);
    const claimId = keepSelection && open.project.claims.some((c) => c.id === this.state.claimId) ? this.state.claimId : null;
    this.set({ phase: 'open', path: open.path, project: open.project, articleId, claimId });
    this.refreshSaveIndicator();
    const generation = this.generation;
    workbench()
      .getSaveStatus({})
      .then((status) => {
        if (generation === this.generation) this.takeSaveStatus(status);
      })
      .catch(() => undefined);
  }

  /** The user name stamped on new claims (the main side stamps history entries itself). */
  authorName(): string {
    return this.author;
  }

  /** Called when the user changes their name in Settings (review workflow). */
  setAuthorName(name: string): void {
    this.author = name;
  }

  // ---------- selection ----------

  selectArticle(articleId: string | null): void {
    if (articleId === this.state.articleId) return;
    this.set({ articleId, claimId: null });
  }

  selectClaim(claimId: string | null): void {
    if (claimId === this.state.claimId) return;
    const claim = claimId ? this.state.project?.claims.find((c) => c.id === claimId) : undefined;
    this.set(claim ? { claimId, articleId: claim.articleId } : { claimId: null });
  }

  // ---------- changes ----------

  /** Applies an operation locally and queues it for the main side. Returns false when refused. */
  dispatch(op: Operation): boolean {
    const parsed = OperationSchema.safeParse(op);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      this.notify(`This change was refused: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim());
      return false;
    }
    return this.commit({ kind: 'do', op: parsed.data });
  }

  undo(): boolean {
    const project = this.state.project;
    if (!project || !undoTarget(project.history)) return false;
    return this.commit({ kind: 'undo' });
  }

  redo(): boolean {
    const project = this.state.project;
    if (!project || !redoTarget(project.history)) return false;
    return this.commit({ kind: 'redo' });
  }

  private commit(change: Change): boolean {
    const project = this.state.project;
    if (!project) return false;
    let next: Project;
    try {
      next = commitChange(project, change, { author: this.author, at: new Date().toISOString(), id: newId('h') }).project;
    } catch (error) {
      this.notify(`This change could not be made: ${errorMessage(error)}`);
      return false;
    }
    this.queue.push(change);
    this.set({ project: next });
    this.refreshSaveIndicator();
    this.pump();
    return true;
  }

  private pump(): void {
    if (this.inFlight) return;
    const project = this.state.project;
    if (!project) return;
    if (this.queue.length === 0) {
      this.resolveIdle();
      this.waitForDisk();
      return;
    }
    const batch = this.queue.splice(0, MAX_BATCH);
    const baseSeq = this.ackSeq;
    const generation = this.generation;
    this.inFlight = true;
    workbench()
      .applyChanges({ projectId: project.id, baseSeq, changes: batch })
      .then((result) => {
        if (generation !== this.generation) return;
        this.inFlight = false;
        if (result.seq !== baseSeq + batch.length || result.entries.length !== batch.length) {
          void this.resync('the workbench recorded a different number of changes');
          return;
        }
        this.ackSeq = result.seq;
        const current = this.state.project;
        if (current) {
          const history = current.history.map((entry, index) =>
            index >= baseSeq && index < result.seq ? (result.entries[index - baseSeq] ?? entry) : entry,
          );
          this.set({ project: { ...current, history } });
        }
        this.pump();
      })
      .catch((error: unknown) => {
        if (generation !== this.generation) return;
        this.inFlight = false;
        void this.resync(errorMessage(error));
      });
  }

  private waitForDisk(): void {
    const seq = this.ackSeq;
    if (seq <= this.savedSeq && !this.saveError) {
      this.refreshSaveIndicator();
      return;
    }
    if (this.waitingForSeq >= seq) return;
    this.waitingForSeq = seq;
    const generation = this.generation;
    workbench()
      .waitForSave({ seq })
      .then((status) => {
        if (generation !== this.generation) return;
        if (this.waitingForSeq === seq) this.waitingForSeq = -1;
        this.takeSaveStatus(status);
        // Changes acknowledged meanwhile need their own wait.
        if (!this.inFlight && this.queue.length === 0 && this.ackSeq > this.savedSeq && status.state !== 'error') this.waitForDisk();
      })
      .catch((error: unknown) => {
        if (generation !== this.generation) return;
        if (this.waitingForSeq === seq) this.waitingForSeq = -1;
        this.saveError = errorMessage(error);
        this.refreshSaveIndicator();
      });
  }

  private takeSaveStatus(status: SaveStatus): void {
    this.savedSeq = Math.max(this.savedSeq, status.savedSeq);
    this.saveError = status.state === 'error' ? (status.error ?? 'the file could not be written') : null;
    this.refreshSaveIndicator();
  }

  private refreshSaveIndicator(): void {
    const length = this.state.project?.history.length ?? 0;
    let save: SaveIndicator;
    if (this.saveError) save = { kind: 'error', text: `Not saved: ${this.saveError}` };
    else if (this.inFlight || this.queue.length > 0 || this.savedSeq < length) save = { kind: 'saving', text: 'Saving…' };
    else save = { kind: 'saved', text: 'Saved' };
    const current = this.state.save;
    if (current.kind !== save.kind || current.text !== save.text) this.set({ save });
  }

  /** After a refused or failed change: take the main side's copy of the project and say why. */
  private async resync(reason: string): Promise<void> {
    this.generation++;
    this.queue = [];
    this.inFlight = false;
    this.notify(`Your latest change could not be saved (${reason}). The project was reloaded as last saved.`);
    try {
      const open = await workbench().getOpenProject({});
      if (open) this.adopt(open);
      else {
        this.set({ phase: 'none', path: null, project: null, articleId: null, claimId: null });
      }
    } catch (error) {
      this.saveError = errorMessage(error);
      this.refreshSaveIndicator();
    }
    this.resolveIdle();
  }

  /** Resolves once every queued change has been acknowledged by the main side. */
  flush(): Promise<void> {
    if (!this.inFlight && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private resolveIdle(): void {
    if (this.inFlight || this.queue.length > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  // ---------- notices and import progress ----------

  notify(message: string): void {
    this.set({ notices: [...this.state.notices, { id: newId('n'), message }] });
  }

  dismissNotice(id: string): void {
    this.set({ notices: this.state.notices.filter((notice) => notice.id !== id) });
  }

  startImporting(name: string): void {
    this.set({ importing: [...this.state.importing, name] });
  }

  doneImporting(name: string): void {
    const index = this.state.importing.indexOf(name);
    if (index < 0) return;
    this.set({ importing: this.state.importing.filter((_, i) => i !== index) });
  }
}

export const session = new ProjectSession();

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
