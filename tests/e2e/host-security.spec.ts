/**
 * Browser mode refuses API calls without the per-launch token, from a foreign Origin, or with a
 * foreign Host header (DNS rebinding); the app's own calls go through.
 */
import http from 'node:http';
import { expect, test } from './fixtures/workbench';

function rawPost(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

test('the API needs the token and our own Origin and Host', async ({ request, workbench }) => {
  const call = `${workbench.origin}/api/getAppInfo`;
  const auth = { Authorization: `Bearer ${workbench.token}` };

  const noToken = await request.post(call, { data: {}, headers: { Origin: workbench.origin } });
  expect(noToken.status()).toBe(403);
  expect((await noToken.json()).error.code).toBe('forbidden');

  const wrongToken = await request.post(call, { data: {}, headers: { Authorization: 'Bearer 0123456789abcdef' } });
  expect(wrongToken.status()).toBe(403);

  const evil = await request.post(call, { data: {}, headers: { ...auth, Origin: 'http://evil.example' } });
  expect(evil.status()).toBe(403);
  expect((await evil.json()).error.code).toBe('forbidden');

  const ok = await request.post(call, { data: {}, headers: { ...auth, Origin: workbench.origin } });
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body.ok).toBe(true);
  expect(body.value.mode).toBe('browser');

  const rebound = await rawPost(workbench.port, '/api/getAppInfo', {
    ...auth,
    Host: `evil.example:${workbench.port}`,
    'Content-Type': 'application/json',
  });
  expect(rebound).toBe(403);
});
