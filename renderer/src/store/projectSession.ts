/**
 * The window's project session: starting up, creating, opening, saving as and closing a project,
 * and what is selected in it. Changes go through the ChangeOutbox (`outbox`), the user's name comes
 * from the settings (`settings`), messages for the user go to `notices`. Components reach the
 * session through React context (app/context.tsx); main.tsx makes one per window.
 */
import type { AppInfo, MergedCopy, OpenProject, SyncStatus, WorkbenchApi } from '../../../shared/api';
import { claimsEditedElsewhere, type EditedElsewhere } from '../../../shared/sync/editedElsewhere';
import type { Change, Operation, Project } from '../../../shared/operations';
import { checkChangeAllowed } from '../../../shared/workflow/rules';
import { prepareUndoRedo } from '../../../shared/history';
import { errorMessage } from '../platform/errorMessage';
import { whenIdle } from '../platform/whenIdle';
import { ChangeOutbox, type OutboxState, type SaveIndicator } from './changeOutbox';
import { createStore } from './createStore';
import { Notices } from './notices';
import { SettingsStore } from './settings';
import { Toasts } from './toasts';

export interface SessionState {
  phase: 'starting' | 'none' | 'open';
  appInfo: AppInfo | null;
  path: string | null;
  project: Project | null;
  articleId: string | null;
  claimId: string | null;
  save: SaveIndicator;
  /** A long-running project action ("Opening project…"), or null. */
  busy: string | null;
}

/** What the session holds itself; the project and the save indicator come from the outbox. */
interface Lifecycle {
  ready: boolean;
  appInfo: AppInfo | null;
  path: string | null;
  articleId: string | null;
  claimId: string | null;
  busy: string | null;
}

/**
 * History entries an open asks for at first (the window paints with them; the earlier ones are
 * paged in behind: ChangeOutbox). Enough for the History panel's first screen and the next undo.
 */
export const HISTORY_TAIL = 200;

/** Whether an error message already names the file (by path or file name). */
function mentionsFile(message: string, path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? path;
  return message.includes(path) || (name.length > 0 && message.includes(name));
}

/** "“claims.factcheck.json” was repaired when it opened: 3 claims re-anchored … It is saved with your next change." */
export function repairNotice(path: string, repairs: readonly string[]): string {
  const name = path.split(/[\\/]/).pop() || path;
  return `“${name}” was repaired when it opened: ${repairs.join('; ')}. The file itself is unchanged until your next change is saved.`;
}

export class ProjectSession {
  readonly notices = new Notices();
  readonly toasts = new Toasts();
  readonly settings: SettingsStore;
  /** Counts the times a change found no name set: the window asks for the name and role again. */
  readonly identityRequests = createStore(0);
  readonly outbox: ChangeOutbox;
  /** Background sync of the open project (from the change feed), or null when it has no sync target. */
  readonly syncStatus = createStore<SyncStatus | null>(null);
  /** Claims changed on another copy since the user last looked at them, with who changed them. */
  readonly editedElsewhere = createStore<ReadonlyMap<string, EditedElsewhere>>(new Map());
  private own: { keyId: string | null; name: string } | null = null;
  private feedRunning = false;
  private disposed = false;
  private readonly lifecycle = createStore<Lifecycle>({ ready: false, appInfo: null, path: null, articleId: null, claimId: null, busy: null });
  private cached: { lifecycle: Lifecycle; outbox: OutboxState; state: SessionState } | null = null;
  private started = false;
  /** Cancels the idle validation of the undo and redo targets of the project opened last. */
  private stopPreparing: () => void = () => {};

  /** `sendSoon`: when a change just made is sent to the main side (ChangeOutbox; default: at once). */
  constructor(
    readonly api: WorkbenchApi,
    { sendSoon }: { sendSoon?: (send: () => void) => void } = {},
  ) {
    this.settings = new SettingsStore(api);
    this.outbox = new ChangeOutbox(api, {
      sendSoon,
      notify: (message, kind) => this.notices.notify(message, kind ?? 'error'),
      onCommitted: () => this.notices.clearRefusals(),
      author: () => this.settings.userName(),
      check: (project, change) => this.checkChange(project, change),
      onReloaded: (open, previous) => this.takePathAndSelection(open, previous),
      onRebased: (previous, next) => this.noteEditsElsewhere(previous, next),
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    const fromLifecycle = this.lifecycle.subscribe(listener);
    const fromOutbox = this.outbox.subscribe(listener);
    return () => {
      fromLifecycle();
      fromOutbox();
    };
  };

  readonly getSnapshot = (): SessionState => {
    const lifecycle = this.lifecycle.getSnapshot();
    const outbox = this.outbox.getSnapshot();
    if (this.cached?.lifecycle === lifecycle && this.cached.outbox === outbox) return this.cached.state;
    const { ready, appInfo, path, articleId, claimId, busy } = lifecycle;
    const phase = !ready ? 'starting' : outbox.project ? 'open' : 'none';
    const state: SessionState = { phase, appInfo, path, project: outbox.project, articleId, claimId, save: outbox.save, busy };
    this.cached = { lifecycle, outbox, state };
    return state;
  };

  private update(patch: Partial<Lifecycle>): void {
    this.lifecycle.set((current) => ({ ...current, ...patch }));
  }

  // ---------- start, open, create, save as, close ----------

  /**
   * Loads the app info, the settings and the project the main side has open, all three asked at once
   * (once; later calls do nothing). main.tsx starts this before the app's first render.
   */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    let openedAt = 0;
    try {
      const [appInfo, , open] = await Promise.all([this.api.getAppInfo({}), this.settings.load(), this.api.getOpenProject({ historyTail: HISTORY_TAIL })]);
      this.update({ appInfo });
      if (open) this.adopt(open);
      openedAt = open?.changeSeq ?? 0;
    } catch (error) {
      this.notify(`The workbench could not start: ${errorMessage(error)}`);
    }
    this.update({ ready: true });
    void this.learnIdentity();
    // From the feed's counter of the project just loaded: from 0 the first poll brought the whole project
    // (its history whole) again at once, and the window replaced what it had just drawn with it.
    void this.followChanges(openedAt);
  }

  /** Stops following the change feed (the window is going away). */
  dispose(): void {
    this.disposed = true;
    this.stopPreparing();
  }

  /**
   * Follows the main side's change feed for as long as the session lives: a project changed by a
   * merge or a sync round is rebased into the window (no reload), and the sync status line follows.
   */
  private async followChanges(from: number): Promise<void> {
    if (this.feedRunning || typeof this.api.waitForChanges !== 'function') return;
    this.feedRunning = true;
    let sinceSeq = from;
    // The first call answers at once (the sync status as of the open); the project comes only with news.
    let timeoutMs: number | undefined = 0;
    let failures = 0;
    while (!this.disposed) {
      try {
        const news = await this.api.waitForChanges({ sinceSeq, timeoutMs });
        timeoutMs = undefined;
        failures = 0;
        sinceSeq = news.seq;
        if (this.disposed) break;
        this.syncStatus.set(news.sync);
        if (news.project) this.outbox.rebase(news.project);
      } catch {
        // The host is away (or restarting): ask again, a little later each time (at most every 10 s).
        failures = Math.min(failures + 1, 10);
        await new Promise((resolve) => setTimeout(resolve, failures * 1000));
      }
    }
    this.feedRunning = false;
  }

  /** Marks the claims someone else changed in what a rebase brought in. */
  private noteEditsElsewhere(previous: Project, next: Project): void {
    // A selection whose claim or article the merge removed goes.
    const { articleId, claimId } = this.lifecycle.getSnapshot();
    if (claimId && !next.claims.some((c) => c.id === claimId)) this.update({ claimId: null });
    if (articleId && !next.articles.some((a) => a.id === articleId)) this.update({ articleId: next.articles[0]?.id ?? null, claimId: null });
    const own = this.own ?? { keyId: null, name: this.settings.userName() };
    const marks = claimsEditedElsewhere(previous, next, own);
    if (marks.size === 0) return;
    this.editedElsewhere.set((current) => {
      const merged = new Map(current);
      for (const [claimId, mark] of marks) merged.set(claimId, mark);
      for (const claimId of merged.keys()) if (!next.claims.some((c) => c.id === claimId)) merged.delete(claimId);
      return merged;
    });
  }

  /** The user has looked at a claim: its "edited elsewhere" marker goes. */
  markSeen(claimId: string): void {
    if (!this.editedElsewhere.getSnapshot().has(claimId)) return;
    this.editedElsewhere.set((current) => {
      const next = new Map(current);
      next.delete(claimId);
      return next;
    });
  }

  /** Learns this person's key id once (entries signed with it are the user's own). */
  private async learnIdentity(): Promise<void> {
    if (this.own || typeof this.api.getIdentity !== 'function') return;
    try {
      const identity = await this.api.getIdentity({});
      this.own = { keyId: identity?.keyId ?? null, name: identity?.name ?? this.settings.userName() };
    } catch {
      // Without it, entries are told apart by the author's name.
    }
  }

  async createProject(title: string, path?: string): Promise<boolean> {
    return this.switchTo(
      'Creating project…',
      () => this.api.createProject(path ? { title, path } : { title }),
      (error) => `Could not create the project “${title}”: ${errorMessage(error)}`,
    );
  }

  async openProject(path: string): Promise<boolean> {
    return this.switchTo(
      'Opening project…',
      () => this.api.openProject({ path, historyTail: HISTORY_TAIL }),
      (error) => (mentionsFile(errorMessage(error), path) ? `${errorMessage(error)} (${path})` : `Could not open ${path}: ${errorMessage(error)}`),
    );
  }

  async saveProjectAs(path: string): Promise<boolean> {
    return this.switchTo('Saving a copy…', () => this.api.saveProjectAs({ path }), (error) => `Could not save the project to ${path}: ${errorMessage(error)}`);
  }

  /** Merges another copy of the open project into it; the merged project replaces the window's. Null when it failed (said in a notice). */
  async mergeCopy(path: string): Promise<MergedCopy | null> {
    if (!this.outbox.project) return null;
    await this.flush();
    this.update({ busy: 'Merging a copy…' });
    try {
      const merged = await this.api.mergeCopy({ path });
      this.adopt(merged.opened);
      return merged;
    } catch (error) {
      this.notify(mentionsFile(errorMessage(error), path) ? `Could not merge: ${errorMessage(error)}` : `Could not merge ${path}: ${errorMessage(error)}`);
      return null;
    } finally {
      this.update({ busy: null });
    }
  }

  async closeProject(): Promise<void> {
    await this.flush();
    try {
      await this.api.closeProject({});
      this.outbox.load(null);
      this.update({ path: null, articleId: null, claimId: null });
    } catch (error) {
      this.notify(`Could not close the project: ${errorMessage(error)}`);
    }
  }

  private async switchTo(busy: string, run: () => Promise<OpenProject>, describe: (error: unknown) => string): Promise<boolean> {
    await this.flush();
    this.update({ busy });
    try {
      this.adopt(await run());
      return true;
    } catch (error) {
      this.notify(describe(error));
      return false;
    } finally {
      this.update({ busy: null });
    }
  }

  private adopt(open: OpenProject): void {
    const previous = this.outbox.project;
    this.outbox.load(open.project, open.historyTotal);
    // The first Undo (or Redo) of a batch validates the stored batch in full first: done while the window is idle.
    this.stopPreparing();
    const history = open.project.history;
    this.stopPreparing = whenIdle(() => prepareUndoRedo(history), 2000);
    this.takePathAndSelection(open, previous);
    if (open.repairs?.length) this.notify(repairNotice(open.path, open.repairs));
  }

  /** After a (re)load: the new path; the selection stays where it still exists in the same project. */
  private takePathAndSelection(open: OpenProject | null, previous: Project | null): void {
    if (!open) {
      this.update({ path: null, articleId: null, claimId: null });
      return;
    }
    const { project } = open;
    const same = previous?.id === project.id;
    const { articleId, claimId } = this.lifecycle.getSnapshot();
    this.update({
      path: open.path,
      articleId: same && project.articles.some((a) => a.id === articleId) ? articleId : (project.articles[0]?.id ?? null),
      claimId: same && project.claims.some((c) => c.id === claimId) ? claimId : null,
    });
  }

  // ---------- selection ----------

  selectArticle(articleId: string | null): void {
    if (articleId === this.lifecycle.getSnapshot().articleId) return;
    this.update({ articleId, claimId: null });
  }

  selectClaim(claimId: string | null): void {
    if (claimId === this.lifecycle.getSnapshot().claimId) return;
    // Leaving a claim counts as having looked at it.
    const leaving = this.lifecycle.getSnapshot().claimId;
    if (leaving) this.markSeen(leaving);
    const claim = claimId ? this.outbox.project?.claims.find((c) => c.id === claimId) : undefined;
    this.update(claim ? { claimId, articleId: claim.articleId } : { claimId: null });
  }

  // ---------- changes, messages, the user ----------

  /** Applies an operation locally and sends it to the main side. Returns false when refused. */
  dispatch(op: Operation): boolean {
    return this.outbox.dispatch(op);
  }

  undo(): boolean {
    return this.outbox.undo();
  }

  redo(): boolean {
    return this.outbox.redo();
  }

  /** Resolves once every change made so far has been acknowledged by the main side. */
  flush(): Promise<void> {
    return this.outbox.flush();
  }

  notify(message: string): void {
    this.notices.notify(message);
  }

  /**
   * The main side's review rules, checked before a change is shown (so a refusal is immediate and
   * says why); with no name set, no change is made and the window asks for one.
   */
  private checkChange(project: Project, change: Change): string | null {
    if (!this.settings.userName().trim()) {
      this.identityRequests.set((n) => n + 1);
      return 'tell the workbench your name first: every change is recorded with its author.';
    }
    return checkChangeAllowed(project, change, this.settings.role());
  }

  /** The user name stamped on new claims (the main side stamps history entries itself). */
  authorName(): string {
    return this.settings.userName();
  }
}
