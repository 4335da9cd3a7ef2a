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
import { retiredReason } from '../../shared/operations';
import { createEmptyProject, PROJECT_EXTENSION } from '../../shared/projectFile';
import { checkExternalUrl } from '../../shared/urlCheck';
import type { Role } from '../../shared/workflow/roles';
import { checkChangeAllowed } from '../../shared/workflow/rules';
import { stampAuthor } from '../../shared/workflow/stampAuthor';
import { attachmentCalls } from './attachments/attachmentCalls';
import { captureCalls, type CaptureDeps } from './capture/captureCalls';
import { copyAttachments } from './attachments/attachmentStore';
import { importArticleInWorker } from './intake/importInWorker';
import { exportCalls, type ExportDeps } from './interop/exportCalls';
import { openProjectStore, type ProjectStore, type ProjectStoreOptions } from './projectStore';
import { RecentProjects } from './recentProjects';
import { pathExists as exists } from './durableWrite';
import { projectsDirOf } from './sampleProject';
import { SettingsStore } from './settings';
import { resolveUserPath } from './userPath';

export interface WorkbenchDeps {
  /** Folder for settings, the recent list and (in `projects/`) new projects. */
  dataDir: string;
  mode: 'electron' | 'browser';
  version: string;
  /** Folder of bundled resources (the sample project). */
  resourcesDir: string;
  /** Native file dialogs, where the binding has them. */
  dialogs?: { pick(purpose: 'openProject' | 'saveProject' | 'importArticle', defaultPath?: string): Promise<string | null> };
  /** Opens a checked http(s) URL in the system browser. */
  openUrl?: (url: string) => Promise<void>;
  /** Export glue: PDF printing (Electron printToPDF in the app) and revealing saved files. */
  exports?: ExportDeps;
  /** Options passed to every project store (tests shorten delays or count writes). */
  storeOptions?: Omit<ProjectStoreOptions, 'create'>;
  /** Capturing sources: the isolated browser (a hidden window in the app) and retry timing. */
  capture?: CaptureDeps;
}

export type Workbench = WorkbenchApi & {
  /** Flushes the open project and releases its lock. */
  dispose(): Promise<void>;
};

const NO_PROJECT_STATUS: SaveStatus = { state: 'idle', savedSeq: 0 };

export function createWorkbench(deps: WorkbenchDeps): Workbench {
  const projectsDir = projectsDirOf(deps.dataDir);
  const settings = new SettingsStore(deps.dataDir);
  const recent = new RecentProjects(deps.dataDir);
  let store: ProjectStore | null = null;
  let userName: Promise<string> | null = null;
  let userRole: Promise<Role> | null = null;
  let disposed = false;
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

  const opened = (s: ProjectStore): OpenProject => ({ path: s.path, project: s.project });

  const remember = async (s: ProjectStore) => {
    await recent.add({ path: s.path, title: s.project.title }).catch(() => undefined);
  };

  /** Makes `next` the open project, closing (and flushing) the previous one. */
  const switchTo = async (next: ProjectStore) => {
    const previous = store;
    if (previous && previous !== next) dropCaptures(previous);
    if (previous) {
      try {
        await previous.close();
      } catch (err) {
        await next.close({ force: true }).catch(() => undefined);
        throw err;
      }
    }
    store = next;
    await remember(next);
  };

  const requireStore = (): ProjectStore => {
    if (!store) throw new WorkbenchError('no-project', 'No project is open.');
    return store;
  };

  const assertUsable = () => {
    if (disposed) throw new WorkbenchError('internal', 'The workbench has shut down.');
  };

  const attachments = attachmentCalls(() => requireStore().path);
  const exporting = exportCalls(() => {
    const current = requireStore();
    return { path: current.path, project: current.project };
  }, deps.exports ?? {});

  // ---------- captures of sources as evidence ----------
  const capturing = captureCalls(() => {
    const current = requireStore();
    return { path: current.path, project: current.project };
  }, settings, deps.version, deps.capture);
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
      const { userName: name, role } = args('updateSettings', input);
      const next = await settings.updateSettings({ userName: name, role });
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
      const { path: requested } = args('openProject', input);
      return serial(async () => {
        assertUsable();
        const target = resolveUserPath(requested, projectsDir);
        if (store && store.path === target) {
          await remember(store);
          return opened(store);
        }
        const next = await openProjectStore(target, deps.storeOptions);
        await switchTo(next);
        return opened(next);
      });
    },

    async getOpenProject() {
      return store ? opened(store) : null;
    },

    saveProjectAs(input) {
      const { path: requested } = args('saveProjectAs', input);
      return serial(async () => {
        assertUsable();
        const current = requireStore();
        const target = projectTargetPath(requested);
        await fs.mkdir(path.dirname(target), { recursive: true });
        const previousPath = current.path;
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
      // Retired operation forms stay readable in stored histories but are refused as new changes.
      for (const change of changes) {
        const retired = change.kind === 'do' ? retiredReason(change.op) : null;
        if (retired) throw new WorkbenchError('invalid-arguments', retired);
      }
      // Editor-only review steps are refused for checkers; comments carry the author.
      for (const change of changes) {
        const refused = checkChangeAllowed(current.project, change, role);
        if (refused) throw new WorkbenchError('operation-failed', refused);
      }
      const stamped = changes.map((change) => stampAuthor(change, author));
      const entries = current.apply(baseSeq, stamped, () => ({ author, at: new Date().toISOString(), id: newId('h') }));
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
      const bytes = Buffer.from(dataBase64, 'base64');
      const controller = new AbortController();
      if (importId) runningImports.set(importId, controller);
      try {
        return await importArticleInWorker(fileName, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), controller.signal);
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

    async readCapture(input) {
      return capturing.readCapture(args('readCapture', input));
    },

    async captureText(input) {
      return capturing.captureText(args('captureText', input));
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

    dispose() {
      return serial(async () => {
        disposed = true;
        capturing.queue.dispose();
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
      infos.push({ path: file, title: await cheapTitle(file, name), modifiedAt: stat.mtime.toISOString() });
    } catch {
      // Vanished or unreadable: leave it out.
    }
  }
  return infos.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}

async function cheapTitle(file: string, name: string): Promise<string> {
  const fallback = name.slice(0, -PROJECT_EXTENSION.length);
  try {
    const value = JSON.parse(await fs.readFile(file, 'utf8')) as { title?: unknown };
    return typeof value?.title === 'string' && value.title.trim() ? value.title : fallback;
  } catch {
    return fallback;
  }
}
