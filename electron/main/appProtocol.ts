/**
 * The app:// protocol that serves the built renderer inside Electron (instead of file://).
 * Only app://workbench/… exists; paths leaving out/renderer are refused. Every response carries the
 * app's content security policy. No 'electron' import here, so it is testable in plain Node;
 * electron/main/index.ts registers the scheme and passes this handler to protocol.handle.
 */
import { readFile } from 'node:fs/promises';
import { contentTypeFor, resolveStaticFile, SECURITY_HEADERS } from '../services/staticSite';

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True for URLs of our own page: app://workbench/… */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request');
    }
    if (url.host !== APP_HOST) return plain(404, 'Not found');
    const found = await resolveStaticFile(rendererDir, url.pathname);
    if (!found.ok) return plain(found.status, found.status === 404 ? 'Not found' : 'Forbidden');
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(found.file));
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(found.file), 'Cache-Control': 'no-cache' },
    });
  };
}
