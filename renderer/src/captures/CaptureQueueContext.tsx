/** The capture queue client of this window, through React context (one per session, kept across projects). */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { CaptureJob } from '../../../shared/api';
import { useApi, useSession, useSessionState } from '../app/context';
import { useStore } from '../store/createStore';
import { CaptureQueueClient } from './captureQueueClient';

const CaptureQueueContext = createContext<CaptureQueueClient | null>(null);

export function CaptureQueueProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const session = useSession();
  const projectId = useSessionState().project?.id ?? null;
  const [client] = useState(
    () =>
      new CaptureQueueClient({
        api,
        project: () => session.getSnapshot().project,
        dispatch: (op) => session.dispatch(op),
        notify: (message) => session.notify(message),
      }),
  );
  useEffect(() => {
    client.start();
    return () => client.dispose();
  }, [client]);
  // Captures queued before a reload or in another project show up (and are attached) when it opens.
  useEffect(() => {
    if (projectId) void client.refresh();
    else client.jobs.set([]);
  }, [client, projectId]);
  return <CaptureQueueContext.Provider value={client}>{children}</CaptureQueueContext.Provider>;
}

export function useCaptureQueue(): CaptureQueueClient {
  const client = useContext(CaptureQueueContext);
  if (!client) throw new Error('useCaptureQueue needs a CaptureQueueProvider above it.');
  return client;
}

/** The jobs still worth showing (unfinished or failed); re-renders when they change. */
export function useCaptureJobs(): readonly CaptureJob[] {
  return useStore(useCaptureQueue().jobs);
}
