/**
 * Browser mode: the workbench API over HTTP, used when no preload defined `window.workbench`. Each call is
 * `POST /api/<call>` with a JSON body and the per-launch token; the reply is an Envelope.
 * The token arrives in the URL fragment (`#token=…`), is kept in sessionStorage (so a reload keeps
 * working) and removed from the visible URL.
 */
import { callNames, unwrap, WorkbenchError, type Envelope, type WorkbenchApi } from '../../../shared/api';

const TOKEN_KEY = 'factcheck-workbench-token';

function takeToken(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  const fromHash = new URLSearchParams(hash).get('token');
  if (fromHash) {
    try {
      window.sessionStorage.setItem(TOKEN_KEY, fromHash);
    } catch {
      // sessionStorage may be unavailable; the token still works for this page load.
    }
    const clean = window.location.pathname + window.location.search;
    window.history.replaceState(null, '', clean);
    return fromHash;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

async function call(token: string | null, name: string, args: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(args ?? {}),
    });
  } catch (error) {
    throw new WorkbenchError('io-error', `The workbench host cannot be reached (${error instanceof Error ? error.message : String(error)}).`);
  }
  let envelope: Envelope<unknown>;
  try {
    envelope = (await response.json()) as Envelope<unknown>;
  } catch {
    throw new WorkbenchError('internal', `The workbench host sent an unreadable reply (HTTP ${response.status}).`);
  }
  return unwrap(envelope);
}

export function createHttpWorkbench(token: string | null): WorkbenchApi {
  const api: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const name of callNames) api[name] = (args: unknown) => call(token, name, args);
  return api as unknown as WorkbenchApi;
}

/** The API over HTTP with the token this page was given. */
export function browserModeWorkbench(): WorkbenchApi {
  return createHttpWorkbench(takeToken());
}
