/**
 * The contract calls of team sync in the window: the change feed (waitForChanges), Share…
 * (shareProject, stopSharing, getSyncStatus), and the background sync of whichever project is
 * open. The workbench tells it when the open project changes (attach).
 */
import { WorkbenchError, type ChangeFeedResult, type SyncStatus } from '../../../shared/api';
import type { ProjectStore } from '../projectStore';
import { BackgroundSync, DEFAULT_SYNC_INTERVAL_MS, transportFor } from './backgroundSync';
import { ChangeFeed } from './changeFeed';
import { dataFolderProtector, type SecretProtector } from './secretBox';
import { ShareSettingsFile, type ShareSettings } from './shareSettings';
import type { EntryStamper } from './stamper';
import { SyncKeyError, type ScryptParams } from './syncKey';
import { ensureOwner, syncKeyFor, SyncStateFile } from './teamSync';
import { isShared } from '../../../shared/sync/authority';

export const DEFAULT_FEED_TIMEOUT_MS = 25_000;

export interface SyncCallsDeps {
  dataDir: string;
  getStamper(): Promise<EntryStamper | null>;
  userName(): Promise<string>;
  /** The operating system's protection of secrets, where the binding has one. */
  protector?: SecretProtector;
  intervalMs?: number;
  scrypt?: ScryptParams;
}

export function syncCalls(deps: SyncCallsDeps) {
  const feed = new ChangeFeed();
  const shares = new ShareSettingsFile(deps.dataDir, deps.protector ?? dataFolderProtector(deps.dataDir));
  let store: ProjectStore | null = null;
  let unsubscribe: (() => void) | null = null;
  let sync: BackgroundSync | null = null;
  let attaching: Promise<void> = Promise.resolve();

  const startSync = async (target: ProjectStore, share: ShareSettings): Promise<BackgroundSync | null> => {
    const stamper = await deps.getStamper();
    if (!stamper || store !== target) return null;
    const service = new BackgroundSync({
      store: target,
      stamper,
      share,
      stateFile: SyncStateFile.forProject(deps.dataDir, target.project.id),
      intervalMs: deps.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS,
      scrypt: deps.scrypt,
      onStatus: () => feed.noteStatus(),
    });
    return service;
  };

  const stopSync = async () => {
    const running = sync;
    sync = null;
    await running?.stop();
  };

  /** The open project changed (opened, created, closed): follow it, and sync it when it has a target. */
  const attach = (next: ProjectStore | null): Promise<void> => {
    attaching = attaching.then(async () => {
      if (next === store) return;
      unsubscribe?.();
      unsubscribe = null;
      await stopSync();
      store = next;
      if (next) {
        unsubscribe = next.onChange((kind) => (kind === 'merge' ? feed.noteForeign() : feed.noteOwn()));
        const share = await shares.get(next.project.id).catch(() => null);
        if (share && store === next) {
          sync = await startSync(next, share);
          sync?.start();
        }
      }
      feed.noteForeign();
    });
    return attaching;
  };

  const requireStore = (): ProjectStore => {
    if (!store) throw new WorkbenchError('no-project', 'No project is open.');
    return store;
  };

  return {
    attach,

    /** The change feed's counter now: a reply that carries the open project carries it too (OpenProject.changeSeq). */
    changeSeq: (): number => feed.seq,

    async waitForChanges(input: { sinceSeq: number; timeoutMs?: number }): Promise<ChangeFeedResult> {
      const news = await feed.wait(input.sinceSeq, input.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS);
      const current = store;
      return {
        seq: feed.seq,
        projectId: current?.project.id ?? null,
        ...(news && current && feed.projectChangedSince(input.sinceSeq) ? { project: current.project } : {}),
        sync: sync?.status ?? null,
      };
    },

    async shareProject(input: ShareSettings): Promise<SyncStatus> {
      await attaching;
      const target = requireStore();
      const stamper = await deps.getStamper();
      if (!stamper) throw new WorkbenchError('internal', 'This machine has no key pair to sign with (see `factcheck identity`).');
      const share: ShareSettings = {
        target: input.target.trim(),
        ...(input.user?.trim() ? { user: input.user.trim() } : {}),
        ...(input.password ? { password: input.password } : {}),
        passphrase: input.passphrase,
      };
      // The passphrase must open the target's key (or make it, on the first share) before anything is kept.
      const transport = transportFor(share, stamper.identity.deviceId);
      let joined: boolean;
      try {
        joined = (await transport.readKeyDescriptor()) !== null;
        await syncKeyFor(transport, target.project.id, share.passphrase, deps.scrypt);
      } catch (err) {
        if (err instanceof SyncKeyError) throw new WorkbenchError('invalid-arguments', err.message);
        throw new WorkbenchError('io-error', `Could not reach ${transport.target}: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        await transport.close().catch(() => undefined);
      }
      if (store !== target) throw new WorkbenchError('out-of-sync', 'The open project changed while sharing; share it again.');
      // Whoever first shares a project that has no member list becomes its owner; joining a target
      // someone shared to first takes their member list from the first round instead.
      const owner = async () => ensureOwner(target, stamper, (await deps.userName()) || 'Owner');
      if (!joined) await owner();
      await shares.set(target.project.id, share);
      await stopSync();
      sync = await startSync(target, share);
      if (!sync) throw new WorkbenchError('internal', 'Background sync could not start.');
      let status = await sync.syncNow();
      if (joined && !isShared(target.project)) {
        await owner();
        status = await sync.syncNow();
      }
      feed.noteForeign();
      return status;
    },

    async stopSharing(): Promise<null> {
      const target = requireStore();
      await stopSync();
      await shares.remove(target.project.id);
      feed.noteForeign();
      return null;
    },

    async getSyncStatus(): Promise<SyncStatus | null> {
      await attaching;
      return sync?.status ?? null;
    },

    async dispose(): Promise<void> {
      await stopSync();
      unsubscribe?.();
      feed.release();
    },
  };
}
