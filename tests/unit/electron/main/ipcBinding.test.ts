import { describe, expect, it, vi } from 'vitest';
import { callNames, IPC_PREFIX, type WorkbenchApi } from '../../../../shared/api';
import { bindIpc } from '../../../../electron/main/ipcBinding';
import { isAppUrl } from '../../../../electron/main/appProtocol';

type Handler = (event: unknown, args: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const handleCalls: string[] = [];
  return {
    handlers,
    handleCalls,
    handle(channel: string, listener: Handler) {
      handleCalls.push(channel);
      handlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  };
}

function fakeApi(): WorkbenchApi {
  const api: Record<string, ReturnType<typeof vi.fn>> = {};
  for (const name of callNames) api[name] = vi.fn(async (args: unknown) => ({ echoed: args }));
  return api as unknown as WorkbenchApi;
}

const fromFrame = (url: string) => ({ senderFrame: { url } });

function setup() {
  const ipc = fakeIpcMain();
  const api = fakeApi();
  const unbind = bindIpc(ipc as never, api, isAppUrl);
  return { ipc, api, unbind, invoke: (name: string, event: unknown, args: unknown) => ipc.handlers.get(IPC_PREFIX + name)!(event, args) };
}

describe('bindIpc', () => {
  it('binds every contract call exactly once', () => {
    const { ipc } = setup();
    expect([...ipc.handleCalls].sort()).toEqual(callNames.map((n) => IPC_PREFIX + n).sort());
    expect(new Set(ipc.handleCalls).size).toBe(ipc.handleCalls.length);
  });

  it('refuses calls from a foreign frame without calling the api', async () => {
    const { api, invoke } = setup();
    const reply = await invoke('openProject', fromFrame('https://evil.example/'), { path: '/tmp/x.factcheck.json' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(api.openProject).not.toHaveBeenCalled();
  });

  it('refuses calls with no sender frame, and from look-alike app URLs', async () => {
    const { api, invoke } = setup();
    expect(await invoke('getAppInfo', { senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('getAppInfo', fromFrame('app://evil/index.html'), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('getAppInfo', fromFrame('file:///index.html'), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(api.getAppInfo).not.toHaveBeenCalled();
  });

  it('rejects bad arguments without calling the api', async () => {
    const { api, invoke } = setup();
    const reply = await invoke('openProject', fromFrame('app://workbench/index.html'), { path: 42 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(api.openProject).not.toHaveBeenCalled();
  });

  it('passes validated arguments to the api and returns its result in an envelope', async () => {
    const { api, invoke } = setup();
    const reply = await invoke('openProject', fromFrame('app://workbench/index.html#x'), { path: '/tmp/p.factcheck.json' });
    expect(reply).toEqual({ ok: true, value: { echoed: { path: '/tmp/p.factcheck.json' } } });
    expect(api.openProject).toHaveBeenCalledTimes(1);
    expect(api.openProject).toHaveBeenCalledWith({ path: '/tmp/p.factcheck.json' });
  });

  it('wraps a failing implementation as an error envelope', async () => {
    const { api, invoke } = setup();
    (api.getSettings as unknown as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('disk on fire'));
    expect(await invoke('getSettings', fromFrame('app://workbench/'), {})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk on fire' },
    });
  });

  it('removes its handlers again', () => {
    const { ipc, unbind } = setup();
    unbind();
    expect(ipc.handlers.size).toBe(0);
  });
});
