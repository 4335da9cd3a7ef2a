/**
 * Browser-mode host: serves the built renderer and the API contract over HTTP on 127.0.0.1.
 *
 * Protocol (see .notes/PLAN.md "Browser-mode HTTP protocol"):
 * - `POST /api/<call>` with a JSON body (the call's arguments) answers an Envelope as JSON.
 *   It needs `Authorization: Bearer <token>` (a per-launch secret), a Host header of exactly
 *   127.0.0.1:PORT or localhost:PORT, and an Origin (when sent) of exactly http://127.0.0.1:PORT or
 *   http://localhost:PORT; otherwise 403 with the Envelope error 'forbidden'.
 * - `GET`/`HEAD` of anything else serves out/renderer (index.html for "/"), Host check included
 *   (DNS rebinding); paths leaving the folder are refused.
 * - Every response carries the app's CSP and `X-Content-Type-Options: nosniff`.
 * Status codes: 200 for every dispatched call (the Envelope says ok or not), 403 forbidden,
 * 400 unreadable JSON, 404 unknown call / file, 405 wrong method, 413 body over the limit.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatchCall, isCallName, type Envelope, type ErrorCode, type WorkbenchApi } from '../../shared/api';
import { contentTypeFor, resolveStaticFile, SECURITY_HEADERS } from '../services/staticSite';

export const HOST_ADDRESS = '127.0.0.1';
/** Large enough for importArticle's base64 payload (96 MB of base64) plus JSON overhead. */
export const MAX_BODY_BYTES = 128 * 1024 * 1024;

export interface BrowserHostOptions {
  api: WorkbenchApi;
  /** 0 or absent: a free port. */
  port?: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** Per-launch secret; 32 random bytes as hex when absent. */
  token?: string;
}

export interface BrowserHost {
  /** http://127.0.0.1:PORT/#token=… — the address to open. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export function workbenchUrl(port: number, token: string): string {
  return `http://${HOST_ADDRESS}:${port}/#token=${token}`;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const expectedAuth = Buffer.from(`Bearer ${token}`);
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendEnvelope(res, 500, fail('internal', err instanceof Error ? err.message : String(err)));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`${HOST_ADDRESS}:${port}`, `localhost:${port}`];
    const host = req.headers.host;
    if (!host || !allowedHosts.includes(host.toLowerCase())) {
      drain(req);
      return sendEnvelope(res, 403, fail('forbidden', 'Wrong Host header'));
    }
    const pathname = (req.url ?? '/').split('?')[0]!.split('#')[0]!;
    if (pathname === '/api' || pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length), allowedHosts);
    return handleStatic(req, res, pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string, allowedHosts: string[]): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
      drain(req);
      return sendEnvelope(res, 403, fail('forbidden', 'Foreign origin'));
    }
    if (!hasToken(req.headers.authorization)) {
      drain(req);
      return sendEnvelope(res, 403, fail('forbidden', 'Missing or wrong token'));
    }
    if (req.method !== 'POST') {
      drain(req);
      res.setHeader('Allow', 'POST');
      return sendEnvelope(res, 405, fail('invalid-arguments', 'API calls must use POST'));
    }
    if (!isCallName(name)) {
      drain(req);
      return sendEnvelope(res, 404, fail('unknown-call', `Unknown call: ${name}`));
    }
    const body = await readBody(req);
    if (body === 'too-large') return sendEnvelope(res, 413, fail('invalid-arguments', 'Request body too large'), true);
    let args: unknown = {};
    if (body.length > 0) {
      try {
        args = JSON.parse(body.toString('utf8'));
      } catch {
        return sendEnvelope(res, 400, fail('invalid-arguments', 'Request body is not JSON'));
      }
    }
    sendEnvelope(res, 200, await dispatchCall(options.api, name, args));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    drain(req);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed');
    }
    const found = await resolveStaticFile(options.staticDir, pathname);
    if (!found.ok) return sendText(res, found.status, found.status === 404 ? 'Not found' : 'Forbidden');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeFor(found.file),
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    await new Promise<void>((resolveDone, reject) => {
      const stream = createReadStream(found.file);
      stream.on('error', reject);
      res.on('close', () => resolveDone());
      stream.pipe(res);
    });
  }

  function hasToken(authorization: string | undefined): boolean {
    if (!authorization) return false;
    const given = Buffer.from(authorization);
    return given.length === expectedAuth.length && timingSafeEqual(given, expectedAuth);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST_ADDRESS, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: workbenchUrl(port, token),
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeIdleConnections();
        // Long-polling calls (waitForSave) must not keep the process alive after close.
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }),
  };
}

function fail(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>, closeConnection = false): void {
  // Encoded once: a project of megabytes is not measured and then encoded again on the way out.
  const body = Buffer.from(JSON.stringify(envelope), 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    ...(closeConnection ? { Connection: 'close' } : {}),
  });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** Discards a request body we will not read, so the connection stays usable. */
function drain(req: IncomingMessage): void {
  req.resume();
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return Promise.resolve('too-large');
  }
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
