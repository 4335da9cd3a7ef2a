import { describe, expect, it, vi } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../../../../electron/main/window';
import { hardenSession, hardenWebContents } from '../../../../electron/main/security';

describe('secureWebPreferences', () => {
  it('locks the renderer down', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(mainWindowOptions('/p.cjs').webPreferences).toEqual(secureWebPreferences('/p.cjs'));
  });
});

function fakeWebContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, ...rest: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    listeners,
    openHandler: () => openHandler!,
    on(event: string, listener: (event: { preventDefault(): void }) => void) {
      listeners.set(event, listener);
      return this;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
}

const fakeEvent = () => ({ preventDefault: vi.fn() });

describe('hardenWebContents', () => {
  it('denies every navigation', () => {
    const contents = fakeWebContents();
    hardenWebContents(contents as never, { openExternal: vi.fn() });
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = fakeEvent();
      contents.listeners.get(name)!(event, 'https://evil.example/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
  });

  it('denies new windows, opening only checked http(s) URLs in the system browser', () => {
    const contents = fakeWebContents();
    const openExternal = vi.fn();
    hardenWebContents(contents as never, { openExternal });
    expect(contents.openHandler()({ url: 'https://example.org/story' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal.mock.calls[0]![0]).toMatch(/^https:\/\/example\.org\/story/);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'app://workbench/index.html']) {
      expect(contents.openHandler()({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('hardenSession', () => {
  it('denies every permission request and check, and downloads', () => {
    let requestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null = null;
    let checkHandler: ((...args: unknown[]) => boolean) | null = null;
    let onDownload: ((event: { preventDefault(): void }) => void) | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
      on: (event: string, h: typeof onDownload) => {
        if (event === 'will-download') onDownload = h;
      },
    };
    hardenSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      requestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(checkHandler!({}, permission, 'app://workbench', {})).toBe(false);
    }
    const event = fakeEvent();
    onDownload!(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
