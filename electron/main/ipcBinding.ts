/**
 * Binds the API contract (shared/api.ts) to ipcMain: one `workbench:<call>` handler per call.
 * A call from any frame that is not our own page is refused with an Envelope error 'forbidden';
 * arguments are validated by dispatchCall before the implementation sees them.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { callNames, dispatchCall, IPC_PREFIX, type Envelope, type WorkbenchApi } from '../../shared/api';

type HandleRegistry = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** Registers every contract call; returns a function that removes the handlers again. */
export function bindIpc(ipcMain: HandleRegistry, api: WorkbenchApi, isTrustedFrame: (url: string) => boolean): () => void {
  for (const name of callNames) {
    ipcMain.handle(IPC_PREFIX + name, async (event: IpcMainInvokeEvent, args: unknown): Promise<Envelope<unknown>> => {
      const url = event.senderFrame?.url;
      if (typeof url !== 'string' || !isTrustedFrame(url)) {
        return { ok: false, error: { code: 'forbidden', message: `Call ${name} refused: the sender is not the workbench page` } };
      }
      return dispatchCall(api, name, args);
    });
  }
  return () => {
    for (const name of callNames) ipcMain.removeHandler(IPC_PREFIX + name);
  };
}
