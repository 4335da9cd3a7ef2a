/**
 * The capture browser's only way out: a forward proxy on 127.0.0.1 that lets through the hosts the
 * captured page itself asked for (the recorder allows each one as it sees the request) and refuses
 * everything else, so the browser's own background traffic (sign-in, updates, hints, lookups) never
 * leaves the machine whatever its version does. HTTPS goes through CONNECT tunnels, untouched.
 * Upstream failures are remembered per host, so a capture can say "connection refused" precisely.
 */
import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';

export interface CaptureProxy {
  /** `127.0.0.1:<port>`, for the browser's proxy setting. */
  readonly address: string;
  /** Lets requests to `host:port` through. */
  allow(url: string): void;
  /** The network error met going to a host (e.g. "ECONNREFUSED"), if any. */
  errorFor(url: string): string | undefined;
  /** The address a host was reached at, for the web archive. */
  remoteAddressOf(url: string): string | undefined;
  /** Host:ports refused because the page never asked for them (the browser's own traffic). */
  readonly refused: ReadonlySet<string>;
  close(): Promise<void>;
}

/** `https://Example.org/x` → `example.org:443` (`http://[::1]:8080/` → `::1:8080`). */
export function hostPortOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:' && parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') return undefined;
    const port = parsed.port || (parsed.protocol === 'https:' || parsed.protocol === 'wss:' ? '443' : '80');
    return `${parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase()}:${port}`;
  } catch {
    return undefined;
  }
}

/** `example.org:443` / `[::1]:8080` → host and port. */
function splitHostPort(target: string): { host: string; port: number } | undefined {
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(target.trim());
  if (!match) return undefined;
  const port = Number(match[2]);
  if (!(port > 0 && port < 65536)) return undefined;
  return { host: match[1]!.toLowerCase(), port };
}

const HOP_BY_HOP = new Set(['proxy-connection', 'proxy-authorization', 'connection', 'keep-alive']);

export async function startCaptureProxy(): Promise<CaptureProxy> {
  const allowed = new Set<string>();
  const errors = new Map<string, string>();
  const addresses = new Map<string, string>();
  const refused = new Set<string>();
  const sockets = new Set<Duplex>();
  // Its own connections to servers, closed with the proxy (no keep-alive outliving the capture).
  const agent = new http.Agent({ keepAlive: false });
  const keyOf = (host: string, port: number) => `${host.replace(/^\[|\]$/g, '').toLowerCase()}:${port}`;

  const server = http.createServer((req, res) => {
    // Plain http: the browser sends the absolute URL.
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const key = hostPortOf(target.href);
    if (target.protocol !== 'http:' || !key || !allowed.has(key)) {
      if (key) refused.add(key);
      res.writeHead(403, { 'content-length': '0' }).end();
      return;
    }
    const headers: string[] = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      if (!HOP_BY_HOP.has(req.rawHeaders[i]!.toLowerCase())) headers.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    }
    const upstream = http.request(
      { host: target.hostname.replace(/^\[|\]$/g, ''), port: Number(target.port || 80), method: req.method, path: `${target.pathname}${target.search}`, headers, setHost: false, agent },
      (upstreamRes) => {
        if (upstreamRes.socket.remoteAddress) addresses.set(key, upstreamRes.socket.remoteAddress);
        res.sendDate = false;
        const out: string[] = [];
        for (let i = 0; i + 1 < upstreamRes.rawHeaders.length; i += 2) {
          if (!HOP_BY_HOP.has(upstreamRes.rawHeaders[i]!.toLowerCase())) out.push(upstreamRes.rawHeaders[i]!, upstreamRes.rawHeaders[i + 1]!);
        }
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, out);
        upstreamRes.pipe(res);
        upstreamRes.on('error', () => res.destroy());
      },
    );
    upstream.on('socket', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      errors.set(key, err.code ?? err.message);
      // No made-up error page: the browser sees the connection fail.
      res.destroy();
    });
    req.on('aborted', () => upstream.destroy());
    req.pipe(upstream);
  });

  server.on('connect', (req: http.IncomingMessage, client: Duplex, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const target = splitHostPort(req.url ?? '');
    const key = target && keyOf(target.host, target.port);
    if (!target || !key || !allowed.has(key)) {
      if (key) refused.add(key);
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect({ host: target.host, port: target.port });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.once('connect', () => {
      if (upstream.remoteAddress) addresses.set(key, upstream.remoteAddress);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      errors.set(key, err.code ?? err.message);
      if (client.writable) client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      client.destroy();
    });
    client.on('close', () => upstream.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;

  return {
    address: `127.0.0.1:${port}`,
    refused,
    allow(url) {
      const key = hostPortOf(url);
      if (key) allowed.add(key);
    },
    errorFor(url) {
      const key = hostPortOf(url);
      return key ? errors.get(key) : undefined;
    },
    remoteAddressOf(url) {
      const key = hostPortOf(url);
      return key ? addresses.get(key) : undefined;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
