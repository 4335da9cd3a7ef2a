/**
 * Electron main process: lifecycle glue only. One instance, one window; the renderer is served from
 * app://workbench (out/renderer); the workbench services answer the API contract over IPC.
 */
import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { callNames, type WorkbenchApi } from '../../shared/api';
import { projectToOpenAtStart } from '../services/startupProject';
import { createWorkbench } from '../services/workbench';
import { osSecretProtector } from './secretProtector';
import { APP_ENTRY_URL, APP_SCHEME, createAppRequestHandler, isAppUrl } from './appProtocol';
import { createNativeDialogs } from './dialogs';
import { createElectronPdfPrinter } from './printPdf';
import { bindIpc } from './ipcBinding';
import { createMainWindow } from './mainWindow';
import { buildMenuTemplate, shortcutInputEvents, type Shortcut } from './menu';
import { hardenSession, hardenWebContents } from './security';
import { createElectronCaptureBrowser } from './captureWindow';

const outDir = join(import.meta.dirname, '..');
const rendererDir = join(outDir, 'renderer');
const preloadPath = join(outDir, 'preload', 'index.cjs');
/** `electron-vite dev` serves the renderer from a dev server; only then is that origin trusted too. */
const devRendererUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

// codeCache: V8 keeps the compiled renderer scripts (ours, content-hashed) between launches, so a window
// after the first does not parse and compile them again (most of the ~110 ms they take to evaluate).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
]);
app.enableSandbox();
// As in browser mode, FACTCHECK_HOME chooses the data folder (tests use it to start clean).
if (process.env.FACTCHECK_HOME) app.setPath('userData', resolve(process.env.FACTCHECK_HOME));

let mainWindow: BrowserWindow | null = null;

function isTrustedFrame(url: string): boolean {
  if (isAppUrl(url)) return true;
  return !!devRendererUrl && url.startsWith(new URL(devRendererUrl).origin + '/');
}

/** Calls that change the recent-projects list refresh the native menu afterwards. */
function withMenuRefresh(api: WorkbenchApi, refresh: () => void): WorkbenchApi {
  const refreshing = new Set<string>(['createProject', 'openProject', 'saveProjectAs', 'closeProject']);
  const wrapped: Record<string, (args: never) => Promise<unknown>> = {};
  for (const name of callNames) {
    const call = api[name] as (args: never) => Promise<unknown>;
    wrapped[name] = refreshing.has(name) ? (args) => call(args).finally(refresh) : (args) => call(args);
  }
  return wrapped as unknown as WorkbenchApi;
}

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
  hardenSession(session.defaultSession);
  // Capture windows (hidden, own partition, no preload) navigate captured pages: they have their own guards.
  const captureBrowser = createElectronCaptureBrowser({ BrowserWindow, session });
  app.on('web-contents-created', (_event, contents) => {
    if (captureBrowser.owns(contents)) return;
    hardenWebContents(contents, { openExternal: (url) => shell.openExternal(url) });
  });

  const dataDir = app.getPath('userData');
  const resourcesDir = join(app.getAppPath(), 'resources');
  const workbench = createWorkbench({
    dataDir,
    sync: { protector: osSecretProtector() },
    mode: 'electron',
    version: app.getVersion(),
    resourcesDir,
    dialogs: createNativeDialogs(dialog, () => mainWindow),
    openUrl: (url) => shell.openExternal(url),
    exports: {
      printPdf: createElectronPdfPrinter(BrowserWindow),
      showItemInFolder: (file) => shell.showItemInFolder(file),
      // Built beside this file (electron.vite.config.ts): exports render there, off the IPC thread.
      worker: { file: join(import.meta.dirname, 'exportWorker.js'), typescript: false },
    },
    capture: { browser: captureBrowser },
  });

  // The person's key pair is made at start, so the first change is already signed.
  await workbench.prepareIdentity();

  // The sample on the first start, else the project open last time.
  const startProject = await projectToOpenAtStart(workbench, dataDir, resourcesDir).catch((err: unknown) => {
    console.error('Could not prepare the start-up project:', err);
    return null;
  });
  if (startProject) {
    await workbench.openProject({ path: startProject }).catch((err) => console.error(`Could not reopen ${startProject}:`, err));
  }

  const refreshMenu = () => {
    workbench
      .listRecent({})
      .catch(() => [])
      .then((recent) => {
        const template = buildMenuTemplate({
          platform: process.platform,
          appName: app.getName(),
          recent,
          showDevTools: !app.isPackaged,
          sendShortcut: (shortcut: Shortcut) => {
            for (const input of shortcutInputEvents(shortcut, process.platform)) mainWindow?.webContents.sendInputEvent(input);
          },
          openRecent: (path) => {
            workbench
              .openProject({ path })
              .then(() => mainWindow?.webContents.reload())
              .catch((err: unknown) => dialog.showErrorBox('Could not open project', err instanceof Error ? err.message : String(err)))
              .finally(refreshMenu);
          },
        });
        Menu.setApplicationMenu(Menu.buildFromTemplate(template));
      });
  };

  bindIpc(ipcMain, withMenuRefresh(workbench, refreshMenu), isTrustedFrame);
  refreshMenu();
  mainWindow = createMainWindow(preloadPath, devRendererUrl ?? APP_ENTRY_URL);
  mainWindow.on('closed', () => (mainWindow = null));

  let disposed = false;
  let disposing = false;
  app.on('before-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    if (disposing) return;
    disposing = true;
    workbench
      .dispose()
      .catch((err) => console.error('Could not finish saving:', err))
      .finally(() => {
        disposed = true;
        app.quit();
      });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // Ctrl+C or a SIGTERM (npm start stopped) quits like the window's close: save, then release the lock.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => app.quit());
  app.whenReady().then(start).catch((err) => {
    console.error('Workbench failed to start:', err);
    app.exit(1);
  });
}
