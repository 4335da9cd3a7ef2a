/**
 * Serving the built renderer (out/renderer) safely: one content security policy and one set of
 * security headers, content types, and URL-path → file resolution that refuses anything outside the
 * site folder. Used by both hosts of the renderer: the app:// protocol (electron/main) and the
 * browser-mode HTTP host (electron/cli). Node only; never imports 'electron'.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/**
 * Only our own files: no inline script or style (styles the renderer makes at run time go through
 * CSSOM — constructed stylesheets and element.style — which style-src does not govern), nothing remote.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
].join('; ');

/** Headers every response of ours carries (pages, assets and API replies alike). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps a URL pathname (still percent-encoded, e.g. "/assets/index-1a2b.js") to a file inside siteDir.
 * "/" and folder paths mean their index.html. Any "..", backslash, NUL or a path that resolves
 * (through symlinks too) outside siteDir is refused with 403; a missing file is 404.
 */
export async function resolveStaticFile(siteDir: string, pathname: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (!decoded.startsWith('/')) decoded = '/' + decoded;
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 403 };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 };
  const relative = decoded.endsWith('/') ? decoded + 'index.html' : decoded;

  const root = resolve(siteDir);
  const candidate = resolve(join(root, relative));
  if (!isInside(root, candidate)) return { ok: false, status: 403 };
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return { ok: false, status: 403 };
    const info = await stat(realFile);
    if (!info.isFile()) return { ok: false, status: 404 };
    return { ok: true, file: realFile };
  } catch {
    return { ok: false, status: 404 };
  }
}

function isInside(root: string, file: string): boolean {
  return file.startsWith(root.endsWith(sep) ? root : root + sep);
}
