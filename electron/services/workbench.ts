/**
 * The implementation of the API contract (shared/api.ts) over the services, with no knowledge of
 * IPC or HTTP: electron/main, the browser-mode host and the CLI all bind this same object.
 * One project is open at a time.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  parseArgs,
  WorkbenchError,
  type CallArgs,
  type CallName,
  type OpenProject,
  type ProjectFileInfo,
  type SaveStatus,
  type WorkbenchApi,
} from '../../shared/api';
import { titleSlug } from '../../shared/interop/formats';
import { newId } from '../../shared/ids';
import { retiredReason, type Change, type Project } from '../../shared/operations';
import { createEmptyProject, PROJECT_EXTENSION } from '../../shared/projectFile';
import { checkExternalUrl } from '../../shared/urlCheck';
import type { Role } from '../../shared/workflow/roles';
import { checkChangeAllowed } from '../../shared/workflow/rules';
import { stampAuthor } from '../../shared/workflow/stampAuthor';
import { archiveCalls } from './archive/archiveCalls';
import { ArchiveService } from './archive/archiveService';
import { attachmentCalls } from './attachments/attachmentCalls';
import { captureCalls, type CaptureDeps } from './capture/captureCalls';
import { copyAttachments } from './attachments/attachmentStore';
import { importArticleInWorker } from './intake/importInWorker';
import { exportCalls, type ExportDeps } from './interop/exportCalls';
import { createExportRunner } from './interop/exportRunner';
import { openProjectStore, type ProjectStore, type ProjectStoreOptions } from './projectStore';
import { undoRedoStacks } from '../../shared/history';
import { describeFolderError, describeFsError } from './fsErrors';
import { RecentProjects } from './recentProjects';
import { pathExists as exists } from './durableWrite';
import { projectsDirOf } from './sampleProject';
import { removeSharedLeftovers } from './leftoverTemps';
import { SettingsStore } from './settings';
import { resolveUserPath } from './userPath';
import { loadOrCreateIdentity } from './sync/identity';
import { EntryStamper } from './sync/stamper';
import { syncCalls } from './sync/syncCalls';
import type { SecretProtector } from './sync/secretBox';
import type { ScryptParams } from './sync/syncKey';
import { mergeCopy } from './sync/teamSync';
import { isErrno } from './fsErrors';
import { formatPublicKey, keyIdOf, parsePublicKey, PublicKeyFormatError } from './sync/keys';
import { prepareMergeInBackground } from './sync/mergePreparation';
import { closeSignaturePool } from './sync/signaturePool';
import { authorityRefusal, isShared, memberWithKey } from '../../shared/sync/authority';

export interface WorkbenchDeps {
  /** Folder for settings, the recent list and (in `projects/`) new projects. */
  dataDir: string;
  mode: 'electron' | 'browser';
  version: string;
  /** Folder of bundled resources (the sample project). */
  resourcesDir: string;
  /** Native file dialogs, where the binding has them. */
  dialogs?: { pick(purpose: CallArgs<'pickPath'>['purpose'], defaultPath?: string): Promise<string | null> };
  /** Opens a checked http(s) URL in the system browser. */
  openUrl?: (url: string) => Promise<void>;
  /** Export glue: PDF printing (Electron printToPDF in the app) and revealing saved files. */
  exports?: ExportDeps;
  /** Options passed to every project store (tests shorten delays or count writes). */
  storeOptions?: Omit<ProjectStoreOptions, 'create'>;
  /** Capturing sources: the isolated browser (a hidden window in the app) and retry timing. */
  capture?: CaptureDeps;
  /** The fact-check archive's delay before it records a project's changes (tests shorten it). */
  archiveDebounceMs?: number;
  /** Team sync: the OS's protection of the share password and passphrase (else a data-folder key), the round interval. */
  sync?: { protector?: SecretProtector; intervalMs?: number; scrypt?: ScryptParams };
}

export type Workbench = WorkbenchApi & {
  /** Flushes the open project and releases its lock. */
  dispose(): Promise<void>;
  /** Creates the person's key pair and device id when missing (called at app and serve start). */
  prepareIdentity(): Promise<void>;
};

const NO_PROJECT_STATUS: SaveStatus = { state: 'idle', savedSeq: 0 };

/** Why a change is refused while no name is set. */
export const NO_NAME_MESSAGE = 'Tell the workbench your name first (Settings ▸ Your name): every change is recorded with its author.';

export function createWorkbench(deps: WorkbenchDeps): Workbench {
  const projectsDir = projectsDirOf(deps.dataDir);
  const settings = new SettingsStore(deps.dataDir);
  const recent = new RecentProjects(deps.dataDir);
  // Temp files of settings and recent projects that a crash left (old ones only: the folder may be shared).
  void removeSharedLeftovers(deps.dataDir, [path.basename(settings.file), path.basename(recent.file)]).catch(() => undefined);
  let store: ProjectStore | null = null;
  let userName: Promise<string> | null = null;
  let userRole: Promise<Role> | null = null;
  let disposed = false;
  // The person's key pair (made at app / serve start, see `identity`, or on first need); without one (a damaged identity file) entries stay unsigned.
  let stamperPromise: Promise<EntryStamper | null> | null = null;
  const getStamper = (): Promise<EntryStamper | null> => (stamperPromise ??= loadOrCreateIdentity(deps.dataDir).then(
    (identity) => new EntryStamper(identity),
    (err: unknown) => {
      console.warn(`factcheck: history entries will not be signed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    },
  ));
  // Imports running in workers, by the renderer's import id (for cancelImport).
  const runningImports = new Map<string, AbortController>();

  // Opening, creating, saving as and closing run one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  const args = <K extends CallName>(name: K, value: CallArgs<K>) => parseArgs(name, value);

  // The change feed, Share… and background sync of the open project.
  const team = syncCalls({ dataDir: deps.dataDir, getStamper, userName: () => currentUserName(), protector: deps.sync?.protector, intervalMs: deps.sync?.intervalMs, scrypt: deps.sync?.scrypt });

  // One shared promise, so concurrent applyChanges calls continue in the order they arrived.
  const currentUserName = (): Promise<string> => {
    userName ??= settings.get().then((s) => s.userName);
    return userName;
  };

  /** A typed path (relative to the projects folder); a name without `.json` gets `.factcheck.json`. */
  const projectTargetPath = (input: string): string => {
    const resolved = resolveUserPath(input, projectsDir);
    return resolved.toLowerCase().endsWith('.json') ? resolved : `${resolved}${PROJECT_EXTENSION}`;
  };

  /** The reply of an open: the whole project, or (asked for with `tail`) only the history's last `tail` entries and its length. */
  const opened = (s: ProjectStore, tail?: number): OpenProject => {
    const { history } = s.project;
    const partial = tail !== undefined && history.length > tail;
    const changeSeq = team.changeSeq();
    const reply: OpenProject = partial
      ? { path: s.path, project: { ...s.project, history: history.slice(history.length - tail) }, historyTotal: history.length, changeSeq }
      : { path: s.path, project: s.project, changeSeq };
    return s.repairs.length ? { ...reply, repairs: s.repairs } : reply;
  };

  // The fact-check archive records every verdict of the projects opened and saved here.
  const archive = new ArchiveService(deps.dataDir, { debounceMs: deps.archiveDebounceMs });
  const checking = archiveCalls(archive, () => store?.project.id ?? null);

  const remember = async (s: ProjectStore) => {
    archive.noteProject(s.path, s.project);
    await recent.add({ path: s.path, title: s.project.title }).catch(() => undefined);
  };

  /** Makes `next` the open project, closing (and flushing) the previous one. */
  const switchTo = async (next: ProjectStore) => {
    const previous = store;
    if (previous && previous !== next) {
      dropCaptures(previous);
      archive.releaseProject(previous.path);
    }
    if (previous) {
      try {
        await previous.close();
      } catch (err) {
        await next.close({ force: true }).catch(() => undefined);
        throw err;
      }
    }
    store = next;
    await team.attach(next);
    await remember(next);
    prepareUndo(next);
    // The first merge after opening resumes a replay built meanwhile instead of replaying the whole history.
    prepareMergeInBackground(next.project, () => store === next && !disposed);
  };

  /**
   * Once the open reply is on its way, the user's own undo stacks are worked out (a long history:
   * the first undo then replays nothing). Only with a key pair already loaded: none is made for it.
   */
  const prepareUndo = (opened: ProjectStore) => {
    const loaded = stamperPromise;
    if (!loaded) return;
    setTimeout(() => {
      void loaded.then((signer) => {
        if (signer && store === opened) undoRedoStacks(opened.project.history, undefined, signer.identity.keyId);
      });
    }, 0);
  };

  const requireStore = (): ProjectStore => {
    if (!store) throw new WorkbenchError('no-project', 'No project is open.');
    return store;
  };

  const assertUsable = () => {
    if (disposed) throw new WorkbenchError('internal', 'The workbench has shut down.');
  };

  const attachments = attachmentCalls(() => requireStore().path);
  // Exports and the report preview render in a worker thread: this one keeps answering calls.
  const exportRunner = createExportRunner(deps.exports?.worker);
  const exporting = exportCalls(
    () => {
      const current = requireStore();
      return { path: current.path, project: current.project };
    },
    deps.exports ?? {},
    exportRunner,
  );

  // ---------- captures of sources as evidence ----------
  const capturing = captureCalls(
    () => {
      const current = requireStore();
      return { path: current.path, project: current.project };
    },
    settings,
    deps.version,
    { showItemInFolder: deps.exports?.showItemInFolder, ...deps.capture, renderReport: (project, options) => exportRunner.html(project, options) },
  );
  /** Capture jobs belong to their project: closing or leaving it cancels them. */
  const dropCaptures = (closing: ProjectStore | null) => {
    if (closing) capturing.queue.dropProject(closing.project.id);
  };

  const api: Workbench = {
    async getAppInfo() {
      return { version: deps.version, mode: deps.mode, projectsDir };
    },

    async getSettings() {
      return settings.get();
    },

    async updateSettings(input) {
      const { userName: name, role, theme, textSize } = args('updateSettings', input);
      const next = await settings.updateSettings({ userName: name, role, theme, textSize });
      userName = Promise.resolve(next.userName);
      userRole = Promise.resolve(next.role);
      return next;
    },

    async listRecent() {
      return recent.list();
    },

    async listProjectFiles() {
      return listProjectFiles(projectsDir);
    },

    createProject(input) {
      const { title, path: requested } = args('createProject', input);
      return serial(async () => {
        assertUsable();
        const cleanTitle = title.trim() || 'Untitled project';
        const project = createEmptyProject({ id: newId('project'), title: cleanTitle, createdAt: new Date().toISOString() });
        const options = { ...deps.storeOptions, create: project };
        let next: ProjectStore;
        if (requested) {
          const target = projectTargetPath(requested);
          await fs.mkdir(path.dirname(target), { recursive: true });
          next = await openProjectStore(target, options);
        } else {
          await fs.mkdir(projectsDir, { recursive: true });
          next = await createInFreeSlot(projectsDir, slugify(cleanTitle), (file) => openProjectStore(file, options));
        }
        await switchTo(next);
        return opened(next);
      });
    },

    openProject(input) {
      const { path: requested, historyTail } = args('openProject', input);
      return serial(async () => {
        assertUsable();
        const target = resolveUserPath(requested, projectsDir);
        if (store && store.path === target) {
          await remember(store);
          return opened(store, historyTail);
        }
        const next = await openProjectStore(target, deps.storeOptions);
        await switchTo(next);
        return opened(next, historyTail);
      });
    },

    async getOpenProject(input) {
      const { historyTail } = args('getOpenProject', input ?? {});
      return store ? opened(store, historyTail) : null;
    },

    async historyPage(input) {
      const { projectId, from, count } = args('historyPage', input);
      const current = requireStore();
      if (current.project.id !== projectId) throw new WorkbenchError('out-of-sync', 'This project is no longer open; reload to continue.');
      const { history } = current.project;
      return { projectId, total: history.length, from, entries: history.slice(from, from + count) };
    },

    saveProjectAs(input) {
      const { path: requested } = args('saveProjectAs', input);
      return serial(async () => {
        assertUsable();
        const current = requireStore();
        const target = projectTargetPath(requested);
        await fs.mkdir(path.dirname(target), { recursive: true }).catch((err: unknown) => {
          throw new WorkbenchError('io-error', `Cannot save as "${path.basename(target)}": the folder cannot be made: ${describeFolderError(err)}`);
        });
        const previousPath = current.path;
        archive.releaseProject(previousPath);
        await current.saveAs(target);
        // Offline copies of sources follow the project to its new place.
        const files = current.project.sources.flatMap((source) => source.attachments ?? []);
        if (files.length > 0) await copyAttachments(previousPath, current.path, files).catch(() => undefined);
        await remember(current);
        return opened(current);
      });
    },

    closeProject() {
      return serial(async () => {
        if (store) {
          dropCaptures(store);
          archive.releaseProject(store.path);
          await team.attach(null);
          await store.close();
          store = null;
        }
        return null;
      });
    },

    async applyChanges(input) {
      const { projectId, baseSeq, changes } = args('applyChanges', input);
      const current = requireStore();
      if (current.project.id !== projectId) {
        throw new WorkbenchError('out-of-sync', 'These changes are for a project that is no longer open; reload to continue.');
      }
      const author = await currentUserName();
      userRole ??= settings.get().then((s) => s.role);
      const role = await userRole;
      if (store !== current) throw new WorkbenchError('out-of-sync', 'The open project changed; reload to continue.');
      // Every change is recorded with its author: without a name there is no one to record.
      if (!author.trim()) throw new WorkbenchError('operation-failed', NO_NAME_MESSAGE);
      // Retired operation forms stay readable in stored histories but are refused as new changes.
      for (const change of changes) {
        const retired = change.kind === 'do' ? retiredReason(change.op) : null;
        if (retired) throw new WorkbenchError('invalid-arguments', retired);
      }
      const signer = await getStamper();
      if (store !== current) throw new WorkbenchError('out-of-sync', 'The open project changed; reload to continue.');
      // On a shared project the member list gives the role; Settings' role is for projects never shared.
      const effectiveRole = sharedRole(current.project, signer) ?? role;
      // The review rules (roles, the approval gate, states only through review steps) see every
      // change — new, undo and redo — against the project as the changes before it left it; on a
      // shared project a new change then meets the member rules the merge core applies on arrival.
      const allowed = (project: Project, change: Change): string | null => {
        const refused = checkChangeAllowed(project, change, effectiveRole);
        if (refused || !signer || change.kind !== 'do') return refused;
        const probe = { seq: 0, id: 'probe', at: '', author, kind: 'do' as const, keyId: signer.identity.keyId, op: change.op, inverse: change.op };
        const refusal = authorityRefusal(project, probe);
        return refusal ? `Refused: ${refusal}.` : null;
      };
      const stamped = changes.map((change) => stampAuthor(change, author));
      signer?.observe(current.project);
      const before = current.project.history;
      const base = () => ({ author, at: new Date().toISOString(), id: newId('h') });
      const entries = current.apply(
        baseSeq,
        stamped,
        signer ? () => signer.meta(base()) : base,
        allowed,
        signer ? (entry) => signer.seal(entry) : undefined,
      );
      signer?.observeAppended(before, current.project.history);
      // Every claim is re-read (undo, redo, a new title or scale may touch any): the archive writes only what changed.
      archive.noteChanges(current.project, [], true);
      return { entries, seq: current.project.history.length };
    },

    async getSaveStatus() {
      return store ? store.status() : { ...NO_PROJECT_STATUS };
    },

    async waitForSave(input) {
      const { seq } = args('waitForSave', input);
      return store ? store.waitForSave(seq) : { ...NO_PROJECT_STATUS };
    },

    async importArticle(input) {
      const { fileName, dataBase64, importId } = args('importArticle', input);
      const controller = new AbortController();
      if (importId) runningImports.set(importId, controller);
      try {
        // Decoded in the worker: the main side only hands the text over.
        return await importArticleInWorker(fileName, { base64: dataBase64 }, controller.signal);
      } finally {
        if (importId && runningImports.get(importId) === controller) runningImports.delete(importId);
      }
    },

    async cancelImport(input) {
      const { importId } = args('cancelImport', input);
      const controller = runningImports.get(importId);
      controller?.abort();
      return { cancelled: Boolean(controller) };
    },

    async pickPath(input) {
      const { purpose, defaultPath } = args('pickPath', input);
      if (!deps.dialogs) return { supported: false, path: null };
      const fallback = purpose === 'saveProject' && store ? store.path : projectsDir;
      return { supported: true, path: await deps.dialogs.pick(purpose, defaultPath ?? fallback) };
    },

    async openExternal(input) {
      const { url } = args('openExternal', input);
      const checked = checkExternalUrl(url);
      if (!checked.ok) return { opened: false, reason: checked.reason };
      if (!deps.openUrl) return { opened: false, reason: 'Opening links in the browser is not available here.' };
      await deps.openUrl(checked.url);
      return { opened: true };
    },

    async storeAttachment(input) {
      const { fileName, dataBase64 } = args('storeAttachment', input);
      return attachments.store(fileName, dataBase64);
    },

    async readAttachment(input) {
      const { sha256, ext } = args('readAttachment', input);
      return attachments.read(sha256, ext);
    },

    async attachmentText(input) {
      const { sha256, ext, name } = args('attachmentText', input);
      return attachments.text(sha256, ext, name);
    },

    async exportProject(input) {
      return exporting.exportProject(args('exportProject', input));
    },

    async previewReport(input) {
      return exporting.previewReport(args('previewReport', input));
    },

    async showInFolder(input) {
      return exporting.showInFolder(args('showInFolder', input));
    },

    async captureSource(input) {
      return capturing.captureSource(args('captureSource', input));
    },

    async listCaptureQueue() {
      return store ? capturing.listCaptureQueue() : [];
    },

    async cancelCapture(input) {
      return capturing.cancelCapture(args('cancelCapture', input));
    },

    async retryCapture(input) {
      return capturing.retryCapture(args('retryCapture', input));
    },

    async readCapture(input) {
      return capturing.readCapture(args('readCapture', input));
    },

    async captureText(input) {
      return capturing.captureText(args('captureText', input));
    },

    async showCaptureArchive(input) {
      return capturing.showCaptureArchive(args('showCaptureArchive', input));
    },

    async exportEvidenceBundle(input) {
      return capturing.exportEvidenceBundle(args('exportEvidenceBundle', input));
    },

    async getCaptureSettings() {
      return capturing.getCaptureSettings();
    },

    async updateCaptureSettings(input) {
      return capturing.updateCaptureSettings(args('updateCaptureSettings', input));
    },

    async checkedBefore(input) {
      return checking.checkedBefore(args('checkedBefore', input));
    },

    async getIdentity() {
      const signer = await getStamper();
      if (!signer) return null;
      // The window asks for it once it has opened: the open project's undo stacks can be prepared now.
      if (store) prepareUndo(store);
      const { keyId, publicKey, deviceId } = signer.identity;
      return { name: await currentUserName(), publicKey, keyId, deviceId };
    },

    async describePublicKey(input) {
      const { publicKey } = args('describePublicKey', input);
      try {
        return { ok: true as const, publicKey: formatPublicKey(parsePublicKey(publicKey)), keyId: keyIdOf(publicKey) };
      } catch (err) {
        return { ok: false as const, reason: err instanceof PublicKeyFormatError ? err.message : 'not a public key' };
      }
    },

    async waitForChanges(input) {
      return team.waitForChanges(args('waitForChanges', input));
    },

    async shareProject(input) {
      return team.shareProject(args('shareProject', input));
    },

    async stopSharing() {
      return team.stopSharing();
    },

    async getSyncStatus() {
      return team.getSyncStatus();
    },

    mergeCopy(input) {
      const { path: requested } = args('mergeCopy', input);
      return serial(async () => {
        assertUsable();
        const current = requireStore();
        const other = resolveUserPath(requested, projectsDir);
        if (path.resolve(other) === path.resolve(current.path)) {
          throw new WorkbenchError('invalid-arguments', 'That is the open project itself: choose the copy you received.');
        }
        const signer = await getStamper();
        let merged;
        try {
          merged = await mergeCopy(current, other, signer);
        } catch (err) {
          if (err instanceof WorkbenchError) throw err;
          if (isErrno(err, 'ENOENT')) throw new WorkbenchError('io-error', `There is no file at ${other}.`);
          throw new WorkbenchError('operation-failed', err instanceof Error ? err.message : String(err));
        }
        // Entries from clocks ahead move this person's clock on, so their next change sorts after them.
        signer?.observe(current.project);
        archive.noteChanges(current.project, [], true);
        await current.flush();
        return { added: merged.added, present: merged.present, conflicts: merged.conflicts, problems: merged.problems, opened: opened(current) };
      });
    },

    async prepareIdentity() {
      await getStamper();
    },

    dispose() {
      return serial(async () => {
        disposed = true;
        capturing.queue.dispose();
        await team.dispose();
        await exportRunner.close();
        await closeSignaturePool();
        await archive.flush().catch(() => undefined);
        if (store) {
          const closing = store;
          store = null;
          await closing.close({ force: true });
        }
      });
    },
  };
  return api;
}

/** The rules' role of this person on a shared project (an owner reviews as an editor), or null when it was never shared. */
function sharedRole(project: Project, signer: EntryStamper | null): Role | null {
  if (!isShared(project)) return null;
  const member = memberWithKey(project, signer?.identity.keyId);
  if (!member) throw new WorkbenchError('operation-failed', 'You are not a member of this shared project: ask its owner or an editor to add your public key (Members).');
  return member.role === 'checker' ? 'checker' : 'editor';
}

/** "Claims about the strikes!" → "claims-about-the-strikes" ("project" when nothing is left). */
export function slugify(title: string): string {
  return titleSlug(title) || 'project';
}

/** Creates `<slug>.factcheck.json`, or `<slug>-2…` when that name is taken. */
async function createInFreeSlot(
  dir: string,
  slug: string,
  create: (file: string) => Promise<ProjectStore>,
): Promise<ProjectStore> {
  for (let n = 1; n < 1000; n++) {
    const file = path.join(dir, `${n === 1 ? slug : `${slug}-${n}`}${PROJECT_EXTENSION}`);
    if (await exists(file)) continue;
    try {
      return await create(file);
    } catch (err) {
      // Taken between the check and the create: try the next number.
      if (err instanceof WorkbenchError && err.code === 'io-error' && (await exists(file))) continue;
      throw err;
    }
  }
  throw new WorkbenchError('io-error', `Cannot create a project named "${slug}": too many files with that name.`);
}

/** Project files in the folder, newest first, with their titles read cheaply (no validation). */
export async function listProjectFiles(dir: string): Promise<ProjectFileInfo[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const infos: ProjectFileInfo[] = [];
  for (const name of names) {
    if (!name.toLowerCase().endsWith(PROJECT_EXTENSION)) continue;
    const file = path.join(dir, name);
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) continue;
      const { title, projectId } = await cheapHeader(file, name);
      infos.push({ path: file, title, modifiedAt: stat.mtime.toISOString(), ...(projectId ? { projectId } : {}) });
    } catch {
      // Vanished or unreadable: leave it out.
    }
  }
  return infos.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}

async function cheapHeader(file: string, name: string): Promise<{ title: string; projectId?: string }> {
  const fallback = name.slice(0, -PROJECT_EXTENSION.length);
  try {
    const value = JSON.parse(await fs.readFile(file, 'utf8')) as { title?: unknown; id?: unknown };
    const title = typeof value?.title === 'string' && value.title.trim() ? value.title : fallback;
    return typeof value?.id === 'string' ? { title, projectId: value.id } : { title };
  } catch {
    return { title: fallback };
  }
}
