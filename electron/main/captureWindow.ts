/**
 * The capture browser of the desktop app: a hidden window per capture, in its own in-memory session
 * partition (nothing shared with the workbench's session: no app:// protocol, no cookies), with no
 * preload (the page cannot reach the contract), sandboxed and context-isolated. Permissions,
 * downloads, new windows, webviews and anything but http(s) are refused; all traffic goes through
 * the capture proxy. The page is driven over the DevTools protocol (webContents.debugger), so the
 * capture service records it exactly as it records the headless Chromium of the CLI.
 * Types only from 'electron': the module is injected, so tests pass fakes.
 */
import { randomUUID } from 'node:crypto';
import type { BrowserWindowConstructorOptions, Debugger, Session, WebContents } from 'electron';
import type { CaptureBrowser, CapturePageHandle } from '../services/capture/captureBrowser';
import type { CdpConnection, CdpEventListener, CdpParams } from '../services/capture/cdpConnection';
import { CdpError } from '../services/capture/cdpConnection';

/** Prefix of every capture partition (no "persist:": kept in memory only, gone when closed). */
export const CAPTURE_PARTITION_PREFIX = 'factcheck-capture-';

/** The built-in PDF viewer's extension, which shows a captured PDF inside the page. */
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

type CaptureWebContents = Pick<
  WebContents,
  'on' | 'setWindowOpenHandler' | 'setWebRTCIPHandlingPolicy' | 'setAudioMuted' | 'printToPDF' | 'session'
> & { debugger: Pick<Debugger, 'attach' | 'detach' | 'sendCommand' | 'on' | 'isAttached'> };

export interface CaptureWindowLike {
  webContents: CaptureWebContents;
  loadURL(url: string): Promise<void>;
  destroy(): void;
}

type CaptureSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'on' | 'setProxy' | 'clearStorageData' | 'clearCache'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
};

export interface CaptureElectron {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => CaptureWindowLike;
  session: { fromPartition(partition: string, options?: { cache: boolean }): CaptureSession };
}

/** Whether a captured page may load this URL: web pages, and what the page makes itself. */
export function isCapturableUrl(url: string): boolean {
  return /^(https?:|data:|blob:)/i.test(url) || url === 'about:blank' || url.startsWith(PDF_VIEWER);
}

export function captureWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1280,
    height: 900,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      partition,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      javascript: true,
      images: true,
      spellcheck: false,
      navigateOnDragDrop: false,
      backgroundThrottling: false,
      safeDialogs: true,
      autoplayPolicy: 'document-user-activation-required',
    },
  };
}

/** The DevTools protocol over webContents.debugger (flat sessions for frames and workers). */
export class DebuggerCdpConnection implements CdpConnection {
  readonly closed: Promise<void>;
  private readonly listeners = new Set<CdpEventListener>();
  private isClosed = false;
  private markClosed!: () => void;

  constructor(private readonly target: CaptureWebContents['debugger']) {
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
    target.on('message', (_event, method: string, params: CdpParams, sessionId?: string) => {
      for (const listener of [...this.listeners]) listener(method, params ?? {}, sessionId || undefined);
    });
    target.on('detach', () => this.close());
  }

  async send<T = CdpParams>(method: string, params: CdpParams = {}, sessionId?: string): Promise<T> {
    if (this.isClosed) throw new CdpError(method, 'the page is gone');
    try {
      return (await this.target.sendCommand(method, params, sessionId)) as T;
    } catch (err) {
      throw new CdpError(method, err instanceof Error ? err.message : String(err));
    }
  }

  onEvent(listener: CdpEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.markClosed();
  }
}

export interface ElectronCaptureBrowser extends CaptureBrowser {
  /** True for the web contents of a capture window (the app's own guards leave them to this module). */
  owns(contents: { session: unknown }): boolean;
}

export function createElectronCaptureBrowser(
  electron: CaptureElectron,
  versions: { electron?: string; chrome?: string } = process.versions,
): ElectronCaptureBrowser {
  const sessions = new Set<unknown>();

  return {
    owns: (contents) => sessions.has(contents.session),

    async openPage({ proxy }): Promise<CapturePageHandle> {
      const partition = `${CAPTURE_PARTITION_PREFIX}${randomUUID()}`;
      const session = electron.session.fromPartition(partition, { cache: false });
      sessions.add(session);
      session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
      session.setPermissionCheckHandler(() => false);
      session.on('will-download', (event) => event.preventDefault());
      session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isCapturableUrl(details.url) }));
      await session.setProxy({ mode: 'fixed_servers', proxyRules: `http://${proxy}`, proxyBypassRules: '<-loopback>' });

      const win = new electron.BrowserWindow(captureWindowOptions(partition));
      const contents = win.webContents;
      const refuse = (event: { preventDefault(): void; url?: string }, url?: string) => {
        if (!isCapturableUrl(event.url ?? url ?? '')) event.preventDefault();
      };
      contents.on('will-navigate', refuse as never);
      contents.on('will-frame-navigate', refuse as never);
      contents.on('will-redirect', refuse as never);
      contents.on('will-attach-webview', ((event: { preventDefault(): void }) => event.preventDefault()) as never);
      contents.setWindowOpenHandler(() => ({ action: 'deny' }));
      contents.setWebRTCIPHandlingPolicy('disable_non_proxied_udp');
      contents.setAudioMuted(true);

      const close = async () => {
        cdp.close();
        try {
          if (contents.debugger.isAttached()) contents.debugger.detach();
        } catch {
          // Already gone with the window.
        }
        win.destroy();
        await session.clearStorageData().catch(() => undefined);
        await session.clearCache().catch(() => undefined);
        sessions.delete(session);
      };

      contents.debugger.attach('1.3');
      const cdp = new DebuggerCdpConnection(contents.debugger);
      try {
        await win.loadURL('about:blank');
      } catch (err) {
        await close();
        throw err;
      }
      return {
        cdp,
        sessionId: undefined,
        product: `Electron/${versions.electron ?? '?'} Chrome/${versions.chrome ?? '?'}`,
        printPdf: async () => {
          const pdf = await contents.printToPDF({ printBackground: true, pageSize: 'A4' });
          return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
        },
        close,
      };
    },
  };
}
