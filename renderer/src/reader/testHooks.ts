/**
 * Opt-in hook for end-to-end tests and benchmarks: when sessionStorage holds
 * `factcheck-test-hooks` = "1" (set by the test before the page loads), window.__factcheckTest
 * exposes the session's dispatch/undo, so a test can add 1,000 claims through real operations
 * (never by touching the DOM). Nothing is exposed otherwise. main.tsx installs it with its session.
 */
import type { Operation } from '../../../shared/operations';
import type { ProjectSession, SessionState } from '../store/projectSession';

declare global {
  interface Window {
    __factcheckTest?: {
      dispatch: (op: Operation) => boolean;
      undo: () => boolean;
      snapshot: () => SessionState;
    };
  }
}

export function installTestHooks(session: ProjectSession): void {
  try {
    if (typeof window === 'undefined' || window.sessionStorage.getItem('factcheck-test-hooks') !== '1') return;
  } catch {
    return;
  }
  window.__factcheckTest = {
    dispatch: (op) => session.dispatch(op),
    undo: () => session.undo(),
    snapshot: () => session.getSnapshot(),
  };
}
