/**
 * The desktop app's capture window, with an injected fake `electron`: its isolation (own in-memory
 * partition, no preload, sandbox), its refusals (permissions, downloads, new windows, non-web
 * navigation, app://), its proxy, and its clean-up. Then the same glue drives a real page: the fake
 * window's debugger is a headless Chromium page, so a whole capture runs through the Electron path.
 */
import { describe, expect, it, vi } from 'vitest';
import { CAPTURE_PARTITION_PREFIX, captureWindowOptions, createElectronCaptureBrowser, isCapturableUrl } from '../../../../electron/main/captureWindow';
import { capturePage } from '../../../../electron/services/capture/capturePage';
import type { CapturePageHandle } from '../../../../electron/services/capture/captureBrowser';
import { chromiumCaptureBrowser } from '../../../../electron/services/capture/chromiumCaptureBrowser';
import { findChromium } from '../../../../electron/services/interop/chromiumPdf';
import { SCRIPT_PARAGRAPH, startTestSite } from '../services/capture/testSite';
import { readWarc, responseFor } from '../services/capture/warcReading';

type Listener = (...args: any[]) => void;

/** A fake electron: records what the glue asks of it. `backing` gives the debugger a real page. */
function fakeElectron(backing?: () => (proxy: string) => Promise<CapturePageHandle>) {
  const windows: any[] = [];
  const sessions = new Map<string, any>();
  class FakeWindow {
    options: any;
    destroyed = false;
    loaded: string[] = [];
    real: CapturePageHandle | null = null;
    webContents: any;
    constructor(options: any) {
      this.options = options;
      const session = sessions.get(options.webPreferences.partition);
      const listeners = new Map<string, Listener>();
      const debuggerListeners = new Map<string, Listener[]>();
      const win = this;
      this.webContents = {
        session,
        listeners,
        openHandler: null as null | ((d: { url: string }) => unknown),
        webrtc: '',
        muted: false,
        on(event: string, listener: Listener) {
          listeners.set(event, listener);
          return this;
        },
        setWindowOpenHandler(handler: (d: { url: string }) => unknown) {
          this.openHandler = handler;
        },
        setWebRTCIPHandlingPolicy(policy: string) {
          this.webrtc = policy;
        },
        setAudioMuted(muted: boolean) {
          this.muted = muted;
        },
        async printToPDF() {
          const { data } = await win.real!.cdp.send<{ data: string }>('Page.printToPDF', {}, win.real!.sessionId);
          return Buffer.from(data, 'base64');
        },
        debugger: {
          attached: false,
          attach() {
            this.attached = true;
          },
          detach() {
            this.attached = false;
          },
          isAttached() {
            return this.attached;
          },
          on(event: string, listener: Listener) {
            debuggerListeners.set(event, [...(debuggerListeners.get(event) ?? []), listener]);
          },
          sendCommand(method: string, params: object, sessionId?: string) {
            if (!win.real) return Promise.reject(new Error('no page'));
            return win.real.cdp.send(method, params as Record<string, unknown>, sessionId ?? win.real.sessionId);
          },
          emit(event: string, ...args: unknown[]) {
            for (const l of debuggerListeners.get(event) ?? []) l(...args);
          },
        },
      };
      windows.push(this);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
      const open = backing?.();
      if (open && !this.real) {
        this.real = await open(this.webContents.session.proxy.proxyRules.replace(/^http:\/\//, ''));
        // Events of the page's own session reach the glue without a session id, as from webContents.debugger.
        this.real.cdp.onEvent((method, params, sessionId) =>
          this.webContents.debugger.emit('message', {}, method, params, sessionId === this.real!.sessionId ? undefined : sessionId),
        );
      }
    }
    destroy() {
      this.destroyed = true;
      void this.real?.close();
    }
  }
  const session = {
    fromPartition: vi.fn((partition: string, options: unknown) => {
      const s = {
        partition,
        options,
        proxy: null as any,
        handlers: {} as Record<string, Listener>,
        events: {} as Record<string, Listener>,
        cleared: 0,
        setPermissionRequestHandler(h: Listener) {
          this.handlers.request = h;
        },
        setPermissionCheckHandler(h: Listener) {
          this.handlers.check = h;
        },
        on(event: string, h: Listener) {
          this.events[event] = h;
        },
        webRequest: {
          onBeforeRequest: (h: Listener) => {
            s.handlers.beforeRequest = h;
          },
        },
        async setProxy(config: unknown) {
          this.proxy = config;
        },
        async clearStorageData() {
          this.cleared++;
        },
        async clearCache() {
          this.cleared++;
        },
      };
      sessions.set(partition, s);
      return s;
    }),
  };
  return { electron: { BrowserWindow: FakeWindow as never, session: session as never }, windows, sessions };
}

describe('the capture window', () => {
  it('is hidden, sandboxed, context-isolated, without preload or Node, in its own in-memory partition', () => {
    const options = captureWindowOptions(`${CAPTURE_PARTITION_PREFIX}x`);
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      partition: `${CAPTURE_PARTITION_PREFIX}x`,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
  });

  it('lets the page load only web addresses and what it makes itself', () => {
    for (const url of ['https://example.org/a', 'http://127.0.0.1:8080/', 'data:image/png;base64,AA', 'blob:https://example.org/1', 'about:blank']) expect(isCapturableUrl(url), url).toBe(true);
    for (const url of ['app://workbench/index.html', 'file:///etc/passwd', 'javascript:alert(1)', 'chrome://settings', 'ftp://example.org/x', 'devtools://x']) expect(isCapturableUrl(url), url).toBe(false);
  });

  it('refuses permissions, downloads, new windows, webviews and non-web navigation; uses the proxy; cleans up', async () => {
    const { electron, windows, sessions } = fakeElectron();
    const browser = createElectronCaptureBrowser(electron, { electron: '41.7.1', chrome: '146.0' });
    const first = await browser.openPage({ proxy: '127.0.0.1:9999' });
    const second = await browser.openPage({ proxy: '127.0.0.1:9999' });
    const [a, b] = [...sessions.values()];
    expect(a.partition).toMatch(new RegExp(`^${CAPTURE_PARTITION_PREFIX}`));
    expect(a.partition).not.toMatch(/^persist:/);
    expect(a.partition).not.toBe(b.partition);
    expect(a.proxy).toEqual({ mode: 'fixed_servers', proxyRules: 'http://127.0.0.1:9999', proxyBypassRules: '<-loopback>' });
    expect(first.product).toBe('Electron/41.7.1 Chrome/146.0');

    const granted = vi.fn();
    a.handlers.request({}, 'geolocation', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(a.handlers.check()).toBe(false);
    const download = { preventDefault: vi.fn() };
    a.events['will-download'](download);
    expect(download.preventDefault).toHaveBeenCalled();
    const cancel = vi.fn();
    a.handlers.beforeRequest({ url: 'app://workbench/index.html' }, cancel);
    expect(cancel).toHaveBeenCalledWith({ cancel: true });
    a.handlers.beforeRequest({ url: 'https://example.org/' }, cancel);
    expect(cancel).toHaveBeenLastCalledWith({ cancel: false });

    const contents = windows[0].webContents;
    expect(contents.openHandler({ url: 'https://example.org/popup' })).toEqual({ action: 'deny' });
    expect(contents.webrtc).toBe('disable_non_proxied_udp');
    expect(contents.debugger.isAttached()).toBe(true);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const refused = { preventDefault: vi.fn(), url: 'file:///etc/passwd' };
      contents.listeners.get(event)(refused);
      expect(refused.preventDefault, event).toHaveBeenCalled();
      const allowed = { preventDefault: vi.fn(), url: 'https://example.org/next' };
      contents.listeners.get(event)(allowed);
      expect(allowed.preventDefault, event).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    contents.listeners.get('will-attach-webview')(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(windows[0].options.webPreferences).not.toHaveProperty('preload');

    expect(browser.owns(contents)).toBe(true);
    expect(browser.owns({ session: {} })).toBe(false);
    await first.close();
    expect(windows[0].destroyed).toBe(true);
    expect(a.cleared).toBe(2);
    expect(browser.owns(contents)).toBe(false);
    await second.close();
  });

  it.runIf(findChromium() !== null)('captures a page through the Electron glue, the debugger standing in for the window', async () => {
    const site = await startTestSite();
    const chromium = chromiumCaptureBrowser();
    const { electron, windows } = fakeElectron(() => (proxy) => chromium.openPage({ proxy }));
    try {
      const page = await capturePage(`${site.origin}/article`, {
        browser: createElectronCaptureBrowser(electron, { electron: '41.7.1', chrome: '146.0' }),
        limits: { timeoutSeconds: 20, maxMegabytes: 20, maxRequests: 100, maxRedirects: 5 },
        software: { name: 'Factcheck workbench', version: 'test' },
        settleMs: 1500,
      });
      expect(page).toMatchObject({ httpStatus: 200, browser: 'Electron/41.7.1 Chrome/146.0' });
      const records = await readWarc(page.warc.bytes);
      for (const resource of ['/article', '/style.css', '/pixel.png', '/app.js']) expect(responseFor(records, `${site.origin}${resource}`), resource).toBeDefined();
      expect(new TextDecoder().decode(page.textSource!.bytes)).toContain(SCRIPT_PARAGRAPH);
      expect(Buffer.from(page.pdf!).subarray(0, 5).toString()).toBe('%PDF-');
      expect(windows[0].destroyed).toBe(true);
    } finally {
      await site.stop();
    }
  });
});
