import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, isAppUrl } from '../../../../electron/main/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/services/staticSite';
import { REPO } from '../../testPaths';
import { folderWith } from '../tempFolder';

let dir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  dir = await folderWith('app-protocol-', {
    'secret.txt': 'secret',
    'renderer/index.html': '<!doctype html>',
    'renderer/assets/a.css': 'body{}',
  });
  handler = createAppRequestHandler(join(dir, 'renderer'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

// Node's Request only accepts http(s) URLs; the handler reads just url and method.
const req = (url: string, method = 'GET') => ({ url, method }) as Request;

describe('app:// protocol', () => {
  it('recognises only our own page', () => {
    expect(isAppUrl('app://workbench/index.html')).toBe(true);
    expect(isAppUrl('app://workbench/')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://workbench/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('serves the renderer with the CSP and content types', async () => {
    const page = await handler(req('app://workbench/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toBe('<!doctype html>');
    const css = await handler(req('app://workbench/assets/a.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('refuses other hosts, other methods and paths leaving the folder', async () => {
    expect((await handler(req('app://other/index.html'))).status).toBe(404);
    expect((await handler(req('app://workbench/index.html', 'POST'))).status).toBe(405);
    for (const url of ['app://workbench/%2e%2e/secret.txt', 'app://workbench/..%2fsecret.txt', 'app://workbench/assets/..%5C..%5Csecret.txt']) {
      const reply = await handler(req(url));
      expect([403, 404], url).toContain(reply.status);
      expect(await reply.text()).not.toContain('secret');
    }
  });

  // The lazily loaded chunks of the real build (skipped, and so reported, when nothing is built yet).
  const built = join(REPO, 'out', 'renderer');
  it.skipIf(!existsSync(join(built, 'index.html')))('serves every script chunk of the built renderer as JavaScript under the CSP', async () => {
    const real = createAppRequestHandler(built);
    const chunks = readdirSync(join(built, 'assets')).filter((name) => name.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      const reply = await real(req(`app://workbench/assets/${chunk}`));
      expect(reply.status, chunk).toBe(200);
      expect(reply.headers.get('content-type'), chunk).toBe('text/javascript; charset=utf-8');
      expect(reply.headers.get('content-security-policy'), chunk).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});
