import { describe, expect, it, vi } from 'vitest';
import { callNames, WorkbenchError } from '../../../../shared/api';
import { exposeContract } from '../../../../electron/preload/exposeContract';

function setup(reply: unknown = { ok: true, value: 'result' }) {
  const exposed: Record<string, unknown> = {};
  const contextBridge = { exposeInMainWorld: vi.fn((key: string, value: unknown) => (exposed[key] = value)) };
  const ipcRenderer = { invoke: vi.fn(async () => reply) };
  exposeContract(contextBridge as never, ipcRenderer as never);
  return { exposed, contextBridge, ipcRenderer };
}

describe('exposeContract', () => {
  it('exposes exactly window.workbench, with exactly one function per contract call', () => {
    const { exposed, contextBridge } = setup();
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(exposed)).toEqual(['workbench']);
    const api = exposed.workbench as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...callNames].sort());
    for (const name of callNames) expect(typeof api[name]).toBe('function');
  });

  it('invokes the call’s channel and unwraps the envelope', async () => {
    const { exposed, ipcRenderer } = setup();
    const api = exposed.workbench as Record<string, (args: unknown) => Promise<unknown>>;
    await expect(api.openProject!({ path: '/p.factcheck.json' })).resolves.toBe('result');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('workbench:openProject', { path: '/p.factcheck.json' });
  });

  it('turns an error envelope into a thrown WorkbenchError', async () => {
    const { exposed } = setup({ ok: false, error: { code: 'project-locked', message: 'Open elsewhere' } });
    const api = exposed.workbench as Record<string, (args: unknown) => Promise<unknown>>;
    const error = await api.openProject!({ path: '/p' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbenchError);
    expect(error).toMatchObject({ code: 'project-locked', message: 'Open elsewhere' });
  });
});
