/**
 * A stand-in for the main side behind the WorkbenchApi, for renderer store tests: it keeps its own
 * copy of the open project and applies changes with the real commitChange (author and time stamped
 * here), checks baseSeq the way the project store does, and lets a test decide when replies arrive,
 * lose them, refuse a change, change the project behind the window's back, and write to "disk".
 */
import { WorkbenchError, type ChangeFeedResult, type OpenProject, type SaveStatus, type Settings, type SyncStatus, type WorkbenchApi } from '../../../../shared/api';
import { commitChange } from '../../../../shared/history';
import type { Change, Operation, Project } from '../../../../shared/operations';

export interface ApplyCall {
  projectId: string;
  baseSeq: number;
  changes: Change[];
}

interface Reply {
  call: ApplyCall;
  settle: () => void;
}

export const MAIN_AUTHOR = 'Stamped by the main side';

/** An open reply as the workbench makes it when asked for the history's last `tail` entries. */
function withTail(open: OpenProject, tail: number | undefined): OpenProject {
  const { history } = open.project;
  if (tail === undefined || history.length <= tail) return open;
  return { ...open, project: { ...open.project, history: history.slice(history.length - tail) }, historyTotal: history.length };
}

export class FakeWorkbench {
  open: OpenProject | null = null;
  /** Projects that openProject can open, by path. */
  readonly files = new Map<string, Project>();
  settings: Settings = { userName: 'Ana Checker', role: 'checker', theme: 'system', textSize: 100 };
  /** Every applyChanges request, in the order they arrived. */
  readonly applyCalls: ApplyCall[] = [];
  /** Every call by name, in order. */
  readonly calls: string[] = [];
  /** Hold applyChanges replies until deliver() (else they arrive at once). */
  holdReplies = false;
  /** Refuses a change the way the main side's review rules do: a reason, or null to allow it. */
  refuse: (change: Change) => string | null = () => null;
  /** While set, historyPage answers only once it settles. */
  slowPages: Promise<void> | null = null;
  /** While set, getOpenProject answers only once it settles (a slow reload). */
  slowReload: Promise<void> | null = null;
  /** Makes applyChanges and getOpenProject fail with this message (the host cannot be reached). */
  unreachable: string | null = null;
  savedSeq = 0;
  writeError: string | null = null;
  /** Changes applied since the last write finished or failed (a write is due). */
  private writeDue = false;
  /** Alters applyChanges' reply on its way back (a binding that garbles it). */
  mangleReply: (reply: { entries: Project['history']; seq: number }) => { entries: Project['history']; seq: number } = (reply) => reply;
  private readonly replies: Reply[] = [];
  private saveWaiters: Array<{ seq: number; resolve: (status: SaveStatus) => void }> = [];
  private counter = 0;
  /** The change feed: its counter, the counter of the latest change the window did not make, the polls waiting. */
  private feedSeq = 0;
  private foreignSeq = 0;
  private feedWaiters: Array<() => void> = [];
  /** The sinceSeq of every waitForChanges, in order. */
  readonly feedAsked: number[] = [];
  /** What the feed reports of background sync. */
  syncStatus: SyncStatus | null = null;
  /** The identity getIdentity answers with (null: no key pair). */
  identity: { name: string; publicKey: string; keyId: string; deviceId: string } | null = null;

  readonly api: WorkbenchApi;

  constructor(project?: Project, path = '/projects/checked.factcheck.json') {
    if (project) {
      this.open = { path, project };
      this.files.set(path, project);
      this.savedSeq = project.history.length;
    }
    const unused = (name: string) => () => Promise.reject(new Error(`${name} is not used by these tests`));
    const api: Partial<WorkbenchApi> = {
      getAppInfo: async () => this.log('getAppInfo', { version: '0.0.0-test', mode: 'browser' as const, projectsDir: '/projects' }),
      getSettings: async () => this.log('getSettings', { ...this.settings }),
      updateSettings: async (patch) => {
        this.settings = { ...this.settings, ...patch } as Settings;
        return this.log('updateSettings', { ...this.settings });
      },
      getOpenProject: async ({ historyTail } = {}) => {
        this.calls.push('getOpenProject');
        if (this.slowReload) await this.slowReload;
        if (this.unreachable) throw new WorkbenchError('io-error', this.unreachable);
        return this.open && { ...withTail(this.open, historyTail), changeSeq: this.feedSeq };
      },
      historyPage: async ({ projectId, from, count }) => {
        this.calls.push('historyPage');
        if (this.slowPages) await this.slowPages;
        if (!this.open || this.open.project.id !== projectId) throw new WorkbenchError('out-of-sync', 'This project is no longer open; reload to continue.');
        const { history } = this.open.project;
        return { projectId, total: history.length, from, entries: history.slice(from, from + count) };
      },
      openProject: async (args) => {
        const target = args.path;
        this.calls.push('openProject');
        const found = this.files.get(target);
        if (!found) throw new WorkbenchError('io-error', 'no such file');
        this.switchTo({ path: target, project: found });
        return { ...withTail(this.open!, args.historyTail), changeSeq: this.feedSeq };
      },
      createProject: unused('createProject'),
      saveProjectAs: async ({ path: target }) => {
        this.calls.push('saveProjectAs');
        if (!this.open) throw new WorkbenchError('no-project', 'No project is open.');
        this.open = { path: target, project: this.open.project };
        return this.open;
      },
      closeProject: async () => {
        this.calls.push('closeProject');
        this.switchTo(null);
        return null;
      },
      applyChanges: (args) => this.applyChanges({ projectId: args.projectId, baseSeq: args.baseSeq, changes: args.changes as Change[] }),
      getSaveStatus: async () => this.log('getSaveStatus', this.status()),
      waitForSave: ({ seq }) => {
        this.calls.push('waitForSave');
        const target = Math.min(seq, this.open?.project.history.length ?? 0);
        if (this.savedSeq >= target || (this.writeError && !this.writeDue)) return Promise.resolve(this.status());
        return new Promise((resolve) => this.saveWaiters.push({ seq: target, resolve }));
      },
    };
    api.waitForChanges = ({ sinceSeq, timeoutMs }) => {
      this.calls.push('waitForChanges');
      this.feedAsked.push(sinceSeq);
      const answer = (): ChangeFeedResult => ({
        seq: this.feedSeq,
        projectId: this.open?.project.id ?? null,
        ...(this.foreignSeq > sinceSeq && this.open ? { project: this.open.project } : {}),
        sync: this.syncStatus,
      });
      if (this.foreignSeq > sinceSeq || timeoutMs === 0) return Promise.resolve(answer());
      return new Promise((resolve) => this.feedWaiters.push(() => resolve(answer())));
    };
    api.getIdentity = async () => this.log('getIdentity', this.identity);
    for (const name of ['listRecent', 'listProjectFiles', 'importArticle', 'pickPath', 'openExternal', 'storeAttachment', 'readAttachment', 'attachmentText', 'exportProject', 'previewReport', 'showInFolder'] as const) {
      (api as Record<string, unknown>)[name] = unused(name);
    }
    this.api = api as WorkbenchApi;
    // As the main side's feed counts the project it opened at start.
    if (project) this.noteForeign();
  }

  get project(): Project | null {
    return this.open?.project ?? null;
  }

  /** Delivers the oldest held reply (its changes were applied when the request arrived). */
  deliver(): ApplyCall {
    const reply = this.replies.shift();
    if (!reply) throw new Error('No reply is held');
    reply.settle();
    return reply.call;
  }

  /** Drops the oldest held reply: it never arrives. */
  lose(): void {
    if (!this.replies.shift()) throw new Error('No reply is held');
  }

  get heldReplies(): number {
    return this.replies.length;
  }

  /** Someone else (another window, the command line) changes the open project. */
  externalChange(op: Operation, author = 'Someone else'): void {
    if (!this.open) throw new Error('No project is open');
    const { project } = commitChange(this.open.project, { kind: 'do', op }, this.meta(author));
    this.open = { ...this.open, project };
  }

  /**
   * A merge or sync round on the main side: the project is replaced by `project` (or changed by
   * `op`, made by `author` on another copy) and the change feed tells the window.
   */
  remoteChange(change: Operation | Project, author = 'Someone else'): void {
    if (!this.open) throw new Error('No project is open');
    if ('history' in change) this.open = { ...this.open, project: change };
    else this.externalChange(change, author);
    this.noteForeign();
  }

  /** The feed tells of news without a project change (a new sync status). */
  noteForeign(): void {
    this.feedSeq += 1;
    this.foreignSeq = this.feedSeq;
    const waiting = this.feedWaiters;
    this.feedWaiters = [];
    for (const wake of waiting) wake();
  }

  /** The debounced write finishes: everything applied so far (or the first `upTo` entries) is on disk. */
  writeToDisk(upTo?: number): void {
    const length = this.open?.project.history.length ?? 0;
    this.writeError = null;
    this.writeDue = upTo !== undefined && upTo < length;
    this.savedSeq = upTo ?? length;
    this.wakeSaveWaiters();
  }

  failWrite(message: string): void {
    this.writeError = message;
    this.writeDue = false;
    this.wakeSaveWaiters();
  }

  private applyChanges(call: ApplyCall): Promise<{ entries: Project['history']; seq: number }> {
    this.calls.push('applyChanges');
    this.applyCalls.push(call);
    let outcome: { ok: true; value: { entries: Project['history']; seq: number } } | { ok: false; error: Error };
    try {
      if (this.unreachable) throw new WorkbenchError('io-error', this.unreachable);
      outcome = { ok: true, value: this.mangleReply(this.applyNow(call)) };
    } catch (error) {
      outcome = { ok: false, error: error as Error };
    }
    return new Promise((resolve, reject) => {
      const settle = () => (outcome.ok ? resolve(outcome.value) : reject(outcome.error));
      if (this.holdReplies) this.replies.push({ call, settle });
      else settle();
    });
  }

  private applyNow({ projectId, baseSeq, changes }: ApplyCall): { entries: Project['history']; seq: number } {
    if (!this.open) throw new WorkbenchError('no-project', 'No project is open.');
    if (this.open.project.id !== projectId) throw new WorkbenchError('out-of-sync', 'These changes are for a project that is no longer open; reload to continue.');
    const seq = this.open.project.history.length;
    if (baseSeq !== seq) {
      throw new WorkbenchError('out-of-sync', `The project has ${seq} recorded changes but the window knew ${baseSeq}; reload the project to continue.`);
    }
    for (const change of changes) {
      const refused = this.refuse(change);
      if (refused) throw new WorkbenchError('operation-failed', refused);
    }
    let next = this.open.project;
    const entries: Project['history'] = [];
    for (const change of changes) {
      const result = commitChange(next, change, this.meta(MAIN_AUTHOR));
      next = result.project;
      entries.push(result.entry);
    }
    this.open = { ...this.open, project: next };
    this.feedSeq += 1;
    this.writeDue = true;
    return { entries, seq: next.history.length };
  }

  private switchTo(open: OpenProject | null): void {
    this.open = open;
    this.savedSeq = open?.project.history.length ?? 0;
    this.writeError = null;
    this.writeDue = false;
  }

  private status(): SaveStatus {
    if (this.writeError) return { state: 'error', savedSeq: this.savedSeq, error: this.writeError };
    return { state: this.savedSeq < (this.open?.project.history.length ?? 0) ? 'saving' : 'saved', savedSeq: this.savedSeq };
  }

  private wakeSaveWaiters(): void {
    const waiting = this.saveWaiters;
    this.saveWaiters = [];
    for (const waiter of waiting) {
      if (this.savedSeq >= waiter.seq || (this.writeError && !this.writeDue)) waiter.resolve(this.status());
      else this.saveWaiters.push(waiter);
    }
  }

  private meta(author: string) {
    this.counter += 1;
    return { id: `main-${this.counter}`, at: `2026-11-25T10:00:${String(this.counter % 60).padStart(2, '0')}.000Z`, author };
  }

  private log<T>(name: string, value: T): T {
    this.calls.push(name);
    return value;
  }
}

/** Lets every reply and callback that is ready run (promises settle; no time passes for the code under test). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
