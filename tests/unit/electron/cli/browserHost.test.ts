import { rm } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../../electron/cli/browserHost';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/services/staticSite';
import { createWorkbench, type Workbench } from '../../../../electron/services/workbench';
import { folderWith } from '../tempFolder';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let dir: string;
let workbench: Workbench;
let host: BrowserHost;

const hostHeader = () => `127.0.0.1:${host.port}`;
const apiCall = (call: string, args: unknown, headers: Record<string, string> = {}) =>
  send(host.port, {
    method: 'POST',
    path: `/api/${call}`,
    headers: {
      Host: hostHeader(),
      Authorization: `Bearer ${host.token}`,
      'Content-Type': 'application/json',
      Origin: `http://${hostHeader()}`,
      ...headers,
    },
    body: JSON.stringify(args),
  });

/** A call with the token and this body as it is, and no Origin header. */
const postWithoutOrigin = (call: string, body: string) =>
  send(host.port, { method: 'POST', path: `/api/${call}`, headers: { Host: hostHeader(), Authorization: `Bearer ${host.token}` }, body });

beforeAll(async () => {
  // The site folder sits next to a file that must never be served.
  dir = await folderWith('browser-host-', {
    'package.json': '{"secret":true}',
    'site/index.html': '<!doctype html><title>Workbench</title>',
    'site/assets/app.js': 'console.log(1)',
  });
  workbench = createWorkbench({ dataDir: join(dir, 'data'), mode: 'browser', version: '9.9.9', resourcesDir: join(dir, 'resources') });
  host = await startBrowserHost({ api: workbench, port: 0, staticDir: join(dir, 'site') });
});

afterAll(async () => {
  await host?.close();
  await workbench?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('browser-mode host', () => {
  it('listens on a free port and prints a tokened address', () => {
    expect(host.port).toBeGreaterThan(0);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
  });

  it('answers a good call with 200 and the result envelope', async () => {
    const reply = await apiCall('getAppInfo', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { mode: 'browser', version: '9.9.9' } });
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('accepts localhost as host and origin, and a request without Origin', async () => {
    const local = `localhost:${host.port}`;
    expect((await apiCall('getAppInfo', {}, { Host: local, Origin: `http://${local}` })).status).toBe(200);
    const noOrigin = await postWithoutOrigin('getSettings', '{}');
    expect(noOrigin.status).toBe(200);
  });

  it('creates and lists a project through the real workbench', async () => {
    const created = JSON.parse((await apiCall('createProject', { title: 'Host test' })).body);
    expect(created).toMatchObject({ ok: true, value: { project: { title: 'Host test' } } });
    const files = JSON.parse((await apiCall('listProjectFiles', {})).body);
    expect(files.value.map((f: { title: string }) => f.title)).toContain('Host test');
  });

  it('refuses a request without the token', async () => {
    const reply = await apiCall('getAppInfo', {}, { Authorization: '' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await apiCall('getAppInfo', {}, { Authorization: `Bearer ${'0'.repeat(64)}` })).status).toBe(403);
  });

  it('refuses a foreign Origin', async () => {
    const reply = await apiCall('getAppInfo', {}, { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await apiCall('getAppInfo', {}, { Origin: 'null' })).status).toBe(403);
  });

  it('refuses a wrong Host header (DNS rebinding), for the API and static files', async () => {
    const reply = await apiCall('getAppInfo', {}, { Host: `evil.example:${host.port}` });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await send(host.port, { path: '/', headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  it('validates arguments and rejects unknown calls, other methods and bad JSON', async () => {
    const bad = await apiCall('openProject', { path: 7 });
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect((await apiCall('deleteEverything', {})).status).toBe(404);
    const get = await send(host.port, { path: '/api/getAppInfo', headers: { Host: hostHeader(), Authorization: `Bearer ${host.token}` } });
    expect(get.status).toBe(405);
    const notJson = await postWithoutOrigin('getAppInfo', '{nope');
    expect(notJson.status).toBe(400);
  });

  it('serves the site with content types and the CSP, index.html for /', async () => {
    const index = await send(host.port, { path: '/', headers: { Host: hostHeader() } });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Workbench</title>');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const script = await send(host.port, { path: '/assets/app.js?v=1', headers: { Host: hostHeader() } });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const head = await send(host.port, { method: 'HEAD', path: '/assets/app.js', headers: { Host: hostHeader() } });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await send(host.port, { path: '/missing.js', headers: { Host: hostHeader() } })).status).toBe(404);
    expect((await send(host.port, { method: 'POST', path: '/index.html', headers: { Host: hostHeader() } })).status).toBe(405);
  });

  it('refuses paths leaving the site folder', async () => {
    for (const path of ['/../package.json', '/assets/../../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%5c..%5cpackage.json']) {
      const reply = await send(host.port, { path, headers: { Host: hostHeader() } });
      expect([400, 403, 404], path).toContain(reply.status);
      expect(reply.body, path).not.toContain('secret');
    }
  });
});
