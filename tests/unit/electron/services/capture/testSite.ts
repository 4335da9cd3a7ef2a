/**
 * A small web site on 127.0.0.1 for the capture tests: an article with a stylesheet, an image and
 * a script-built paragraph (gzip-encoded, so the archive must hold decoded bodies), a redirect
 * chain, a PDF, error pages, and hostile pages (an alert loop, endless redirects, a huge and a slow
 * response, popups and permission requests). It logs every request and can be stopped and started
 * again on the same port (the connection "comes back").
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';

export const SCRIPT_PARAGRAPH = 'Built by script: the ministry revised the figure to 68 people on 3 March.';
export const ARTICLE_SENTENCE = 'The ministry said on Tuesday that at least 75 people were affected by the floods in the northern region.';
export const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
export const PDF_FIXTURE = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'fixtures', 'intake', 'two-column-report.pdf');

const ARTICLE_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Flood bulletin</title><link rel="stylesheet" href="/style.css"></head>
<body><main><article id="story">
<h1>Flood bulletin</h1>
<p>${ARTICLE_SENTENCE}</p>
<p>Emergency teams were sent to four districts, and shelters opened in schools and sports halls across the area.</p>
<img src="/pixel.png" alt="map">
<p>Officials asked residents to stay away from the river banks until the water level falls below the warning mark.</p>
<script src="/app.js"></script>
</article></main></body></html>`;

const APP_JS = `const p = document.createElement('p');
p.id = 'built';
p.textContent = ${JSON.stringify(SCRIPT_PARAGRAPH)};
document.getElementById('story').append(p);`;

const TRICKS_HTML = `<!DOCTYPE html><html><head><title>Tricks</title></head><body><article>
<h1>A page that tries things</h1>
<p>This page opens a window, asks where you are, starts a download and tries to leave for a local file.</p>
<p id="geo">geolocation: waiting</p>
<script>
window.open('/popup-target', '_blank');
navigator.geolocation.getCurrentPosition(
  () => { document.getElementById('geo').textContent = 'geolocation: granted'; },
  () => { document.getElementById('geo').textContent = 'geolocation: denied'; });
const a = document.createElement('a'); a.href = '/download'; a.download = 'x.bin'; document.body.append(a); a.click();
setTimeout(() => { location.href = 'file:///etc/passwd'; }, 50);
</script></article></body></html>`;

export interface TestSite {
  readonly origin: string;
  readonly port: number;
  /** Paths requested so far, in order. */
  readonly requests: string[];
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export async function startTestSite(port = 0): Promise<TestSite> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const gz = (res: http.ServerResponse, type: string, body: string) => {
    res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
    res.end(zlib.gzipSync(body));
  };
  const handler: http.RequestListener = (req, res) => {
    const url = req.url ?? '/';
    requests.push(url);
    if (url === '/article') return gz(res, 'text/html; charset=utf-8', ARTICLE_HTML);
    if (url === '/style.css') return gz(res, 'text/css', 'body { font-family: serif; } #built { color: #333; }');
    if (url === '/app.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(APP_JS);
    if (url === '/pixel.png') return void res.writeHead(200, { 'content-type': 'image/png', 'content-length': PIXEL_PNG.length }).end(PIXEL_PNG);
    const hop = /^\/r\/(\d)$/.exec(url);
    if (hop) {
      const n = Number(hop[1]);
      return void res.writeHead(n === 2 ? 301 : 302, { location: n >= 3 ? '/article' : `/r/${n + 1}` }).end();
    }
    if (url === '/report.pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(readFileSync(PDF_FIXTURE));
    if (url === '/gone') return void res.writeHead(404, { 'content-type': 'text/html' }).end('<!DOCTYPE html><title>Not found</title><h1>Not found</h1><p>This bulletin was removed from the site.</p>');
    if (url === '/withdrawn') return void res.writeHead(410, { 'content-type': 'text/html' }).end('<!DOCTYPE html><title>Gone</title><h1>Gone</h1><p>This statement was withdrawn.</p>');
    if (url === '/alerts') {
      return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><title>Alerts</title><p>An alert loop follows.</p><script>for (;;) alert("x");</script><p>never</p>');
    }
    if (url.startsWith('/loop/')) return void res.writeHead(302, { location: `/loop/${Number(url.slice(6)) + 1}` }).end();
    if (url === '/huge') {
      // 200 MB at most, written as fast as the client reads; stops when the client goes.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 3200 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    if (url === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!DOCTYPE html><p>This page never finishes');
      return;
    }
    if (url === '/slow-image') {
      return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<!DOCTYPE html><title>Slow image</title><article><p>${ARTICLE_SENTENCE}</p><img src="/slow"></article>`);
    }
    if (url === '/tricks') return void res.writeHead(200, { 'content-type': 'text/html' }).end(TRICKS_HTML);
    if (url === '/download') return void res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="x.bin"' }).end('secret');
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  };

  let server: http.Server;
  let boundPort = port;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = http.createServer(handler);
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      server.once('error', reject);
      server.listen(boundPort, '127.0.0.1', () => {
        boundPort = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();

  return {
    get origin() {
      return `http://127.0.0.1:${boundPort}`;
    },
    get port() {
      return boundPort;
    },
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
    start: listen,
  };
}
