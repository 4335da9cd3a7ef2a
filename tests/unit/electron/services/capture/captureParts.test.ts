/** The capture's smaller parts on their own: the refusing proxy, failure wording, Save Page Now. */
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureFromNetError } from '../../../../../electron/services/capture/captureFailure';
import { hostPortOf, startCaptureProxy, type CaptureProxy } from '../../../../../electron/services/capture/captureProxy';
import { saveToWayback } from '../../../../../electron/services/capture/saveToWayback';
import { captureChromiumArgs, captureSandboxAvailable } from '../../../../../electron/services/capture/chromiumCaptureBrowser';
import { startWaybackStandIn, type WaybackStandIn } from './waybackStandIn';

/** Sends `CONNECT target` to the proxy and returns its status line. */
function connectThrough(proxy: CaptureProxy, target: string): Promise<string> {
  const [host, port] = proxy.address.split(':');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), host, () => socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`));
    socket.once('data', (data) => {
      resolve(data.toString('latin1').split('\r\n')[0]!);
      socket.destroy();
    });
    socket.on('error', reject);
  });
}

function getThrough(proxy: CaptureProxy, url: string): Promise<{ status: number; body: string }> {
  const [host, port] = proxy.address.split(':');
  return new Promise((resolve, reject) => {
    http
      .get({ host, port: Number(port), path: url, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('the capture proxy', () => {
  let origin: http.Server;
  let originPort: number;
  beforeAll(async () => {
    origin = http.createServer((_req, res) => res.end('from the origin'));
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', () => resolve()));
    originPort = (origin.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => origin.close(() => resolve())));

  it('lets through only the hosts the page asked for, and notes the rest', async () => {
    const proxy = await startCaptureProxy();
    try {
      const url = `http://127.0.0.1:${originPort}/story`;
      expect((await getThrough(proxy, url)).status).toBe(403);
      expect(await connectThrough(proxy, 'accounts.example.com:443')).toBe('HTTP/1.1 403 Forbidden');
      expect([...proxy.refused].sort()).toEqual(['127.0.0.1:' + originPort, 'accounts.example.com:443'].sort());
      proxy.allow(url);
      expect(await getThrough(proxy, url)).toEqual({ status: 200, body: 'from the origin' });
      expect(await connectThrough(proxy, `127.0.0.1:${originPort}`)).toBe('HTTP/1.1 200 Connection Established');
      expect(proxy.remoteAddressOf(url)).toBe('127.0.0.1');
    } finally {
      await proxy.close();
    }
  });

  it('remembers why a server could not be reached, without making up a page', async () => {
    const proxy = await startCaptureProxy();
    const spare = net.createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', () => resolve()));
    const closed = (spare.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => spare.close(() => resolve()));
    try {
      const url = `http://127.0.0.1:${closed}/`;
      proxy.allow(url);
      await expect(getThrough(proxy, url)).rejects.toThrow();
      expect(proxy.errorFor(url)).toBe('ECONNREFUSED');
    } finally {
      await proxy.close();
    }
  });

  it('keys hosts with their port, IPv6 without brackets', () => {
    expect(hostPortOf('https://Example.org/a')).toBe('example.org:443');
    expect(hostPortOf('http://[::1]:8080/')).toBe('::1:8080');
    expect(hostPortOf('file:///etc/passwd')).toBeUndefined();
  });
});

describe('the capture browser command line', () => {
  it('keeps the sandbox on except as root, talks over a pipe, and sends everything through the proxy', () => {
    const sandboxed = captureChromiumArgs('/tmp/profile', '127.0.0.1:4321', true);
    expect(sandboxed).not.toContain('--no-sandbox');
    expect(captureChromiumArgs('/tmp/profile', '127.0.0.1:4321', false)).toContain('--no-sandbox');
    expect(sandboxed).toEqual(
      expect.arrayContaining([
        '--headless',
        '--remote-debugging-pipe',
        '--user-data-dir=/tmp/profile',
        '--proxy-server=http://127.0.0.1:4321',
        '--proxy-bypass-list=<-loopback>',
        '--disable-background-networking',
        '--disable-component-update',
        '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
      ]),
    );
    expect(sandboxed.some((flag) => flag.startsWith('--remote-debugging-port'))).toBe(false);
    expect(captureSandboxAvailable({}, 0)).toBe(false);
    expect(captureSandboxAvailable({}, 1000)).toBe(true);
    expect(captureSandboxAvailable({ FACTCHECK_CAPTURE_NO_SANDBOX: '1' }, 1000)).toBe(false);
  });
});

describe('capture failures', () => {
  it('tell "no connection" (retried) from other failures, in words', () => {
    expect(failureFromNetError('http://x.test/', 'net::ERR_NAME_NOT_RESOLVED')).toMatchObject({ kind: 'offline', message: 'Could not load http://x.test/: the name could not be resolved (ERR_NAME_NOT_RESOLVED).' });
    expect(failureFromNetError('http://x.test/', 'net::ERR_TUNNEL_CONNECTION_FAILED', 'ECONNREFUSED')).toMatchObject({ kind: 'offline', message: expect.stringContaining('the connection was refused') });
    expect(failureFromNetError('http://x.test/', 'net::ERR_TUNNEL_CONNECTION_FAILED', 'ETIMEDOUT').kind).toBe('offline');
    expect(failureFromNetError('https://x.test/', 'net::ERR_CERT_DATE_INVALID')).toMatchObject({ kind: 'failed', message: expect.stringContaining('cert date invalid') });
  });
});

describe('Save Page Now', () => {
  let standIn: WaybackStandIn;
  beforeAll(async () => {
    standIn = await startWaybackStandIn();
  });
  afterAll(() => standIn.close());

  it('asks the service to save the page and returns the archive address once it is saved', async () => {
    const copy = await saveToWayback('https://example.org/bulletin?id=3', { endpoint: standIn.endpoint, pollMs: 5 });
    expect(copy.url).toBe(`${standIn.endpoint}/web/20261128101500/https://example.org/bulletin?id=3`);
    expect(standIn.saved).toContain('https://example.org/bulletin?id=3');
  });

  it('says why when it cannot: an error answer, no service, no result in time', async () => {
    await expect(saveToWayback('', { endpoint: standIn.endpoint, pollMs: 5 })).rejects.toThrow(/did not save the page: No URL/);
    const spare = net.createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', () => resolve()));
    const port = (spare.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => spare.close(() => resolve()));
    await expect(saveToWayback('https://example.org/', { endpoint: `http://127.0.0.1:${port}`, pollMs: 5 })).rejects.toThrow(/could not be reached/);
    await expect(saveToWayback('https://example.org/', { endpoint: standIn.endpoint, pollMs: 5, maxPolls: 1 })).rejects.toThrow(/had not finished saving/);
  });
});
