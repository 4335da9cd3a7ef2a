/**
 * Background sync of the open project while it has a target: a round (push, pull, merge — see
 * teamSync.syncRound) every few seconds and soon after each local change, one round at a time.
 * An entry counts as sent only once the folder or server acknowledged it (the sync state file
 * records acknowledged ids), so "N changes waiting" counts what no target has confirmed yet.
 */
import type { SyncStatus } from '../../../shared/api';
import { syncState, syncStatusText } from '../../../shared/sync/syncStatus';
import type { ProjectStore } from '../projectStore';
import { createCouchTransport } from './couchTransport';
import { createFolderTransport } from './folderTransport';
import type { ShareSettings } from './shareSettings';
import type { EntryStamper } from './stamper';
import type { ScryptParams, SyncKey } from './syncKey';
import { syncKeyFor, syncRound, SyncStateFile } from './teamSync';
import type { SyncTransport } from './transport';

export const DEFAULT_SYNC_INTERVAL_MS = 5000;
/** Delay between a local change and its round: a burst of edits goes out together. */
const NUDGE_DELAY_MS = 300;

/** A CouchDB URL or a folder, with the user put into the URL and the password passed beside it. */
export function transportFor(share: ShareSettings, deviceId: string): SyncTransport {
  if (/^https?:\/\//i.test(share.target)) {
    const url = new URL(share.target);
    if (share.user) url.username = encodeURIComponent(share.user);
    url.password = '';
    return createCouchTransport({ url: url.toString(), ...(share.password ? { password: share.password } : {}), env: {} });
  }
  return createFolderTransport({ folder: share.target, deviceId });
}

/** The target as the user may see it: never a password. */
export function displayTarget(target: string): string {
  return target.replace(/\/\/[^@/]*@/, '//');
}

export interface BackgroundSyncOptions {
  store: ProjectStore;
  stamper: EntryStamper;
  share: ShareSettings;
  stateFile: SyncStateFile;
  /** Told whenever the status line would read differently. */
  onStatus(status: SyncStatus): void;
  intervalMs?: number;
  scrypt?: ScryptParams;
}

export class BackgroundSync {
  private transport: SyncTransport | null = null;
  private key: Promise<SyncKey> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<SyncStatus> | null = null;
  private again = false;
  private stopped = false;
  private current: SyncStatus;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: BackgroundSyncOptions) {
    const { store } = options;
    const conflicts = store.project.conflicts?.length ?? 0;
    const waiting = store.project.history.length;
    // Until the first round (moments after the start) nothing is known to be acknowledged.
    this.current = this.describe({ reached: false, waiting, conflicts });
    this.unsubscribe = store.onChange((kind) => {
      if (kind === 'apply') this.nudge();
      else this.refreshCounts();
    });
  }

  get status(): SyncStatus {
    return this.current;
  }

  /** Starts the rounds: one now, then every interval. */
  start(): void {
    this.schedule(0);
    // What earlier sessions got acknowledged is on disk: count from it before the first round ends.
    void this.waitingCount()
      .then((waiting) => {
        if (this.stopped || this.current.lastRoundAt !== undefined) return;
        this.publish(this.describe({ reached: false, waiting, conflicts: this.options.store.project.conflicts?.length ?? 0 }));
      })
      .catch(() => undefined);
  }

  /** A round soon (after a local change). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(NUDGE_DELAY_MS);
  }

  /** One round now (or the one running), and its status. */
  syncNow(): Promise<SyncStatus> {
    if (this.running) {
      this.again = true;
      return this.running.then(() => this.syncNow());
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const round = this.round().finally(() => {
      this.running = null;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.schedule(NUDGE_DELAY_MS);
      } else this.schedule(this.options.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS);
    });
    this.running = round;
    return round;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Closing first ends a request in flight, so a silent server cannot hold up closing the project.
    await this.transport?.close().catch(() => undefined);
    await this.running?.catch(() => undefined);
    this.transport = null;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow().catch(() => undefined);
    }, ms);
    this.timer.unref?.();
  }

  private async round(): Promise<SyncStatus> {
    const { store, stamper, share, stateFile } = this.options;
    const transport = this.openTransport();
    let reached = true;
    let error: string | undefined;
    try {
      this.key ??= syncKeyFor(transport, store.project.id, share.passphrase, this.options.scrypt);
      let key: SyncKey;
      try {
        key = await this.key;
      } catch (err) {
        // Try the key again next round (the server may have been down).
        this.key = null;
        throw err;
      }
      const result = await syncRound({ store, stamper, transport, key, state: stateFile });
      if (result.pushError) {
        reached = false;
        error = result.pushError;
      } else if (result.problems.length > 0) error = result.problems.join('; ');
    } catch (err) {
      reached = false;
      error = err instanceof Error ? err.message : String(err);
    }
    const waiting = await this.waitingCount();
    return this.publish(this.describe({ reached, waiting, conflicts: store.project.conflicts?.length ?? 0, error, lastRoundAt: new Date().toISOString() }));
  }

  private openTransport(): SyncTransport {
    return (this.transport ??= transportFor(this.options.share, this.options.stamper.identity.deviceId));
  }

  /** History entries the target has not acknowledged. */
  private async waitingCount(): Promise<number> {
    const sent = new Set((await this.options.stateFile.read(this.openTransport().target)).sent);
    return this.options.store.project.history.filter((e) => !sent.has(e.id)).length;
  }

  /** After a merge not made by a round (a copy merged by hand): the conflicts count changes at once. */
  private refreshCounts(): void {
    const conflicts = this.options.store.project.conflicts?.length ?? 0;
    if (conflicts === this.current.conflicts) return;
    const reached = this.current.state !== 'offline' || this.current.waiting === 0;
    this.publish(this.describe({ reached, waiting: this.current.waiting, conflicts, error: this.current.error, lastRoundAt: this.current.lastRoundAt }));
  }

  private describe(input: { reached: boolean; waiting: number; conflicts: number; error?: string; lastRoundAt?: string }): SyncStatus {
    const state = syncState(input);
    const { share } = this.options;
    return {
      target: displayTarget(share.target),
      ...(share.user ? { user: share.user } : {}),
      state,
      waiting: input.waiting,
      conflicts: input.conflicts,
      text: syncStatusText(state, input.waiting, input.conflicts),
      ...(input.error ? { error: input.error } : {}),
      ...(input.lastRoundAt ? { lastRoundAt: input.lastRoundAt } : {}),
    };
  }

  private publish(next: SyncStatus): SyncStatus {
    const before = this.current;
    this.current = next;
    if (before.text !== next.text || before.error !== next.error) this.options.onStatus(next);
    return next;
  }
}

