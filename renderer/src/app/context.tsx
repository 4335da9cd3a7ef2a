/**
 * How components reach the workbench API and the project session: React context, filled once at the
 * app root (main.tsx), so a test or another window can give its own.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Settings, WorkbenchApi } from '../../../shared/api';
import { useStore } from '../store/createStore';
import type { Notice } from '../store/notices';
import type { ProjectSession, SessionState } from '../store/projectSession';

const ApiContext = createContext<WorkbenchApi | null>(null);
const SessionContext = createContext<ProjectSession | null>(null);

export function WorkbenchProvider({ api, session, children }: { api: WorkbenchApi; session: ProjectSession; children: ReactNode }) {
  return (
    <ApiContext.Provider value={api}>
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    </ApiContext.Provider>
  );
}

/** The workbench API (the preload's, or the HTTP client in browser mode). */
export function useApi(): WorkbenchApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs a WorkbenchProvider above it.');
  return api;
}

/** The project session itself, for its actions (dispatch, selectClaim, openProject, …). */
export function useSession(): ProjectSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a WorkbenchProvider above it.');
  return session;
}

/** The session's state (project, selection, save indicator, …); the component re-renders when it changes. */
export function useSessionState(): SessionState {
  return useStore(useSession());
}

/** The user's name and role, or null until they are loaded. */
export function useSettings(): Settings | null {
  return useStore(useSession().settings);
}

export function useNotices(): readonly Notice[] {
  return useStore(useSession().notices);
}
