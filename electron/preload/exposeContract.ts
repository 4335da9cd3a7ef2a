/**
 * Exposes the API contract as `window.workbench`: exactly one function per contract call, each an
 * IPC invoke of `workbench:<call>` whose Envelope is unwrapped into a value or a thrown
 * WorkbenchError. Nothing else is exposed. contextBridge and ipcRenderer are injected (tests pass fakes).
 */
import type { ContextBridge, IpcRenderer } from 'electron';
import { callNames, IPC_PREFIX, unwrap, type Envelope, type WorkbenchApi } from '../../shared/api';

export const EXPOSED_NAME = 'workbench';

export function createContractClient(ipcRenderer: Pick<IpcRenderer, 'invoke'>): WorkbenchApi {
  const api: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const name of callNames) {
    api[name] = (args: unknown) =>
      ipcRenderer.invoke(IPC_PREFIX + name, args ?? {}).then((envelope: Envelope<unknown>) => unwrap(envelope));
  }
  return Object.freeze(api) as unknown as WorkbenchApi;
}

export function exposeContract(contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>, ipcRenderer: Pick<IpcRenderer, 'invoke'>): void {
  contextBridge.exposeInMainWorld(EXPOSED_NAME, createContractClient(ipcRenderer));
}
