/**
 * A loopback stand-in for the Internet Archive's Save Page Now 2 API, answering as the service
 * documents it: POST /save (form `url`, Accept: application/json) → { url, job_id }; GET
 * /save/status/<job_id> → { status: "pending" } once, then { status: "success", timestamp, original_url }.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WaybackStandIn {
  readonly endpoint: string;
  /** The URLs asked to be saved, in order. */
  readonly saved: string[];
  close(): Promise<void>;
}

export async function startWaybackStandIn(): Promise<WaybackStandIn> {
  const saved: string[] = [];
  const jobs = new Map<string, { url: string; polls: number }>();
  const server = http.createServer((req, res) => {
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'POST' && req.url === '/save') {
      if (!/application\/json/.test(req.headers.accept ?? '')) return json(400, { status: 'error', message: 'Accept: application/json expected' });
      let body = '';
      req.setEncoding('utf8').on('data', (d: string) => (body += d));
      req.on('end', () => {
        const url = new URLSearchParams(body).get('url');
        if (!url) return json(400, { status: 'error', status_ext: 'error:invalid-url-syntax', message: 'No URL.' });
        const id = `spn2-${saved.length + 1}`;
        saved.push(url);
        jobs.set(id, { url, polls: 0 });
        json(200, { url, job_id: id });
      });
      return;
    }
    const status = /^\/save\/status\/([\w-]+)$/.exec(req.url ?? '');
    if (req.method === 'GET' && status) {
      const job = jobs.get(status[1]!);
      if (!job) return json(404, { status: 'error', message: 'No such job.' });
      job.polls++;
      if (job.polls < 2) return json(200, { status: 'pending', job_id: status[1] });
      return json(200, { status: 'success', job_id: status[1], timestamp: '20261128101500', original_url: job.url, duration_sec: 1.2 });
    }
    json(404, { status: 'error', message: 'Not found.' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    saved,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
