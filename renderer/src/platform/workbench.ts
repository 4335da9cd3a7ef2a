/**
 * The one door to the outside world: `window.workbench`, defined by the Electron preload or, in
 * browser mode, by httpClient.ts. Every call returns a promise and throws WorkbenchError on failure.
 */
import type { WorkbenchApi } from '../../../shared/api';

declare global {
  interface Window {
    workbench?: WorkbenchApi;
  }
}

export function workbench(): WorkbenchApi {
  const api = window.workbench;
  if (!api) throw new Error('The workbench API is not available in this window.');
  return api;
}

/** A human-readable message for anything a call may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
