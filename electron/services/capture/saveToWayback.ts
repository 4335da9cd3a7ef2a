/**
 * "Also ask the Internet Archive to save it": the Save Page Now 2 API as the Internet Archive
 * documents it. POST `<endpoint>/save` (form field `url`, `Accept: application/json`) answers
 * `{ url, job_id }`; GET `<endpoint>/save/status/<job_id>` answers `{ status: "pending" }` until
 * `{ status: "success", timestamp, original_url }` (or `{ status: "error", message }`). The copy is
 * then at `<endpoint>/web/<timestamp>/<original_url>`. Off unless the project turns it on: it tells
 * a third party which pages are being checked.
 */
export const DEFAULT_WAYBACK_ENDPOINT = 'https://web.archive.org';

export interface WaybackOptions {
  /** Base address of the service (a loopback stand-in in tests). */
  endpoint: string;
  /** "LOW <access>:<secret>" keys of an archive.org account, when set (anonymous otherwise). */
  accessKey?: string;
  secretKey?: string;
  /** Time between status polls (default 3 s) and the most polls (default 40). */
  pollMs?: number;
  maxPolls?: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export interface WaybackCopy {
  url: string;
  savedAt: string;
}

export class WaybackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WaybackError';
  }
}

interface SaveStatus {
  status?: string;
  timestamp?: string;
  original_url?: string;
  message?: string;
  status_ext?: string;
  job_id?: string;
  url?: string;
}

export async function saveToWayback(pageUrl: string, options: WaybackOptions): Promise<WaybackCopy> {
  const doFetch = options.fetch ?? fetch;
  const base = options.endpoint.replace(/\/+$/, '');
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.accessKey && options.secretKey) headers.Authorization = `LOW ${options.accessKey}:${options.secretKey}`;

  const call = async (url: string, init: RequestInit): Promise<SaveStatus> => {
    let response: Response;
    try {
      response = await doFetch(url, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) }, signal: options.signal });
    } catch (err) {
      throw new WaybackError(`The Internet Archive could not be reached: ${(err as Error).message}`);
    }
    const text = await response.text();
    let body: SaveStatus;
    try {
      body = JSON.parse(text) as SaveStatus;
    } catch {
      throw new WaybackError(`The Internet Archive answered HTTP ${response.status} without the expected JSON.`);
    }
    if (!response.ok || body.status === 'error') {
      throw new WaybackError(`The Internet Archive did not save the page: ${body.message ?? body.status_ext ?? `HTTP ${response.status}`}`);
    }
    return body;
  };

  const started = await call(`${base}/save`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ url: pageUrl }).toString(),
  });
  if (!started.job_id) throw new WaybackError('The Internet Archive did not start saving the page (no job id).');

  const pollMs = options.pollMs ?? 3000;
  const maxPolls = options.maxPolls ?? 40;
  for (let poll = 0; poll < maxPolls; poll++) {
    await sleep(pollMs, options.signal);
    const status = await call(`${base}/save/status/${encodeURIComponent(started.job_id)}`, { method: 'GET' });
    if (status.status === 'success' && status.timestamp) {
      return { url: `${base}/web/${status.timestamp}/${status.original_url ?? pageUrl}`, savedAt: new Date().toISOString() };
    }
  }
  throw new WaybackError(`The Internet Archive had not finished saving the page after ${Math.round((pollMs * maxPolls) / 1000)} s.`);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new WaybackError('Cancelled.'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new WaybackError('Cancelled.'));
      },
      { once: true },
    );
  });
}
