import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouchTransport, parseCouchUrl } from '../../../../../electron/services/sync/couchTransport';
import { decryptBatch } from '../../../../../electron/services/sync/syncCipher';
import { startPouchServer, type PouchServer } from '../../../../support/pouchServer';
import { makeBatches, pullAll, testKey } from './helpers';

const key = testKey();
let server: PouchServer;
let n = 0;
const newDb = () => `sync-test-${++n}`;

/** A fetch that records each request's method, path and whether it carried a cookie or basic auth. */
function recordingFetch(log: { method: string; path: string; cookie: boolean; basic: boolean }[]): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    log.push({ method: init?.method ?? 'GET', path: url.pathname, cookie: headers.has('cookie'), basic: headers.has('authorization') });
    return fetch(input, init);
  };
}

beforeAll(async () => {
  server = await startPouchServer();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describe('CouchDB address', () => {
  it('takes the database from the last path segment and credentials from the URL or the environment', () => {
    expect(parseCouchUrl('http://ana:s%40cret@couch.example:5984/newsroom')).toEqual({
      serverUrl: 'http://couch.example:5984',
      dbUrl: 'http://couch.example:5984/newsroom',
      db: 'newsroom',
      user: 'ana',
      password: 's@cret',
    });
    expect(parseCouchUrl('https://ana@example.org/couch/desk', { FACTCHECK_COUCHDB_PASSWORD: 'from-env' })).toMatchObject({
      serverUrl: 'https://example.org/couch',
      dbUrl: 'https://example.org/couch/desk',
      password: 'from-env',
    });
    expect(() => parseCouchUrl('http://example.org:5984/')).toThrow(/must end with a database name/);
    expect(() => parseCouchUrl('ftp://example.org/db')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => parseCouchUrl('not a url with:pw@')).toThrow(/Not a server address/);
  });
});

describe('CouchDB transport (admin party)', () => {
  it('creates the database, pushes with _bulk_docs and pulls from _changes with an opaque string cursor', async () => {
    const db = newDb();
    const a = createCouchTransport({ url: `${server.url}/${db}` });
    const b = createCouchTransport({ url: `${server.url}/${db}` });
    expect(await a.push(makeBatches(key, 'aaaa', 3))).toEqual({ stored: ['aaaa-b0', 'aaaa-b1', 'aaaa-b2'], alreadyStored: [], notSent: [] });
    const first = await b.pull(null);
    expect(first.batches.map((x) => x.id)).toEqual(['aaaa-b0', 'aaaa-b1', 'aaaa-b2']);
    expect(decryptBatch(key, first.batches[2]).entries[0]!.id).toBe('aaaa-e2-0');
    expect(typeof first.cursor).toBe('string');
    expect(first.more).toBe(false);
    await b.push(makeBatches(key, 'bbbb', 1));
    const next = await b.pull(first.cursor);
    expect(next.batches.map((x) => x.id)).toEqual(['bbbb-b0']);
    expect((await b.pull(next.cursor)).batches).toEqual([]);
  });

  it('treats the conflict reply for an existing batch id as "already stored"', async () => {
    const db = newDb();
    const batches = makeBatches(key, 'aaaa', 2);
    await createCouchTransport({ url: `${server.url}/${db}` }).push([batches[0]!]);
    const again = await createCouchTransport({ url: `${server.url}/${db}` }).push([batches[0]!, batches[1]!, batches[0]!]);
    expect(again).toEqual({ stored: ['aaaa-b1'], alreadyStored: ['aaaa-b0'], notSent: [] });
    const all = await pullAll(createCouchTransport({ url: `${server.url}/${db}` }));
    expect(all.batches.map((x) => x.id).sort()).toEqual(['aaaa-b0', 'aaaa-b1']);
  });

  it('lists the results in the order the batches were given, whatever order the server answers in', async () => {
    const db = newDb();
    const batches = makeBatches(key, 'aaaa', 4);
    await createCouchTransport({ url: `${server.url}/${db}` }).push([batches[0]!, batches[2]!]);
    // The real server's _bulk_docs answer, its list reversed on the way (PouchDB itself reorders conflicts now and then).
    const reversing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith('/_bulk_docs')) return response;
      const answers = (await response.json()) as unknown[];
      return new Response(JSON.stringify(answers.reverse()), { status: response.status, headers: response.headers });
    };
    const again = await createCouchTransport({ url: `${server.url}/${db}`, fetch: reversing, docsPerRequest: 4 }).push(batches);
    expect(again).toEqual({ stored: ['aaaa-b1', 'aaaa-b3'], alreadyStored: ['aaaa-b0', 'aaaa-b2'], notSent: [] });
  });

  it('keeps the first sync key description and stores attachments once', async () => {
    const url = `${server.url}/${newDb()}`;
    const a = createCouchTransport({ url });
    expect(await a.readKeyDescriptor()).toBeNull();
    expect(await a.offerKeyDescriptor({ who: 'a' })).toEqual({ who: 'a' });
    expect(await createCouchTransport({ url }).offerKeyDescriptor({ who: 'b' })).toEqual({ who: 'a' });
    const name = 'cd'.repeat(32);
    const blob = Buffer.from([0, 1, 2, 250, 255, 10, 13]);
    expect(await a.hasAttachment(name)).toBe(false);
    expect(await a.getAttachment(name)).toBeNull();
    await a.putAttachment(name, blob);
    await a.putAttachment(name, blob);
    expect(await a.hasAttachment(name)).toBe(true);
    expect((await createCouchTransport({ url }).getAttachment(name))?.equals(blob)).toBe(true);
    // Descriptor and attachment documents are not batches.
    expect((await pullAll(a)).batches).toEqual([]);
  });

  it('moves 10,000 entries in 200 batches through paged _bulk_docs and _changes', async () => {
    const url = `${server.url}/${newDb()}`;
    const batches = makeBatches(key, 'aaaa', 200, 50);
    const push = await createCouchTransport({ url, docsPerRequest: 64 }).push(batches);
    expect(push.stored).toHaveLength(200);
    expect(push.notSent).toEqual([]);
    const all = await pullAll(createCouchTransport({ url, changesLimit: 37 }));
    expect(all.rounds).toBeGreaterThan(5);
    const ids = all.batches.flatMap((b) => decryptBatch(key, b).entries.map((e) => e.id));
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
  });
});

describe('CouchDB transport with a user and password (cookie session)', () => {
  const admin = { name: 'admin', password: 'admin-pw' };
  let secured: PouchServer;

  beforeAll(async () => {
    secured = await startPouchServer();
    await secured.addAdmin(admin.name, admin.password);
    await secured.addUser('ana', 'ana-pw', admin);
    await secured.createDatabase('desk', { admin, members: ['ana'] });
  }, 60_000);
  afterAll(async () => {
    await secured?.stop();
  });

  it('logs in with POST /_session and then sends only the session cookie', async () => {
    const log: { method: string; path: string; cookie: boolean; basic: boolean }[] = [];
    const port = secured.port;
    const t = createCouchTransport({ url: `http://ana:ana-pw@127.0.0.1:${port}/desk`, fetch: recordingFetch(log) });
    expect((await t.push(makeBatches(key, 'aaaa', 2))).stored).toEqual(['aaaa-b0', 'aaaa-b1']);
    expect((await t.pull(null)).batches.map((b) => b.id)).toEqual(['aaaa-b0', 'aaaa-b1']);
    expect(log[0]).toMatchObject({ method: 'POST', path: '/_session', cookie: false });
    expect(log.slice(1).every((r) => r.cookie && !r.basic)).toBe(true);
    expect(log.filter((r) => r.path === '/_session')).toHaveLength(1);
  });

  it('takes the password from FACTCHECK_COUCHDB_PASSWORD', async () => {
    const t = createCouchTransport({ url: `http://ana@127.0.0.1:${secured.port}/desk`, env: { FACTCHECK_COUCHDB_PASSWORD: 'ana-pw' } });
    expect((await t.pull(null)).batches.length).toBeGreaterThanOrEqual(0);
  });

  it('logs in again when the session is no longer accepted (401)', async () => {
    const log: { method: string; path: string; cookie: boolean; basic: boolean }[] = [];
    const t = createCouchTransport({ url: `http://ana:ana-pw@127.0.0.1:${secured.port}/desk`, fetch: recordingFetch(log) });
    const first = await t.pull(null);
    // A new server secret invalidates every session cookie issued so far.
    const response = await fetch(`${secured.url}/_config/couch_httpd_auth/secret`, {
      method: 'PUT',
      headers: { Authorization: `Basic ${Buffer.from('admin:admin-pw').toString('base64')}` },
      body: JSON.stringify('a-new-secret-0123456789'),
    });
    expect(response.ok).toBe(true);
    expect((await t.push(makeBatches(key, 'aaaa', 1, 1, 10))).stored).toEqual(['aaaa-b10']);
    expect((await t.pull(first.cursor)).batches.map((b) => b.id)).toEqual(['aaaa-b10']);
    expect(log.filter((r) => r.path === '/_session')).toHaveLength(2);
  });

  it('names a wrong password, a missing password and a missing login clearly, sending nothing', async () => {
    const wrong = createCouchTransport({ url: `http://ana:nope@127.0.0.1:${secured.port}/desk`, retries: 0 });
    const result = await wrong.push(makeBatches(key, 'aaaa', 1, 1, 20));
    expect(result).toMatchObject({ stored: [], notSent: ['aaaa-b20'], error: { kind: 'unauthorized' } });
    expect(result.error?.message).toBe('The sync server refused the name or password of user "ana".');
    await expect(createCouchTransport({ url: `http://ana@127.0.0.1:${secured.port}/desk`, env: {} }).pull(null)).rejects.toThrow(
      /No password for user "ana": put it in the address or in FACTCHECK_COUCHDB_PASSWORD/,
    );
    await expect(createCouchTransport({ url: `${secured.url}/desk` }).pull(null)).rejects.toThrow(/needs a name and password/);
  });
});

describe('CouchDB transport when the server goes away', () => {
  it('counts as sent only what was acknowledged, then completes after the restart without duplicates', async () => {
    const disk = await startPouchServer({ inMemory: false });
    try {
      const url = `${disk.url}/outage`;
      const batches = makeBatches(key, 'aaaa', 10, 3);
      let bulkCalls = 0;
      // The third _bulk_docs reaches the server (and is stored), then the server dies before the reply arrives.
      const dyingFetch: typeof fetch = async (input, init) => {
        if (String(input).endsWith('/_bulk_docs') && ++bulkCalls === 3) {
          const response = await fetch(input, init);
          await response.text();
          await disk.kill();
          throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
        }
        return fetch(input, init);
      };
      const writer = createCouchTransport({ url, fetch: dyingFetch, docsPerRequest: 2, retries: 2, retryDelayMs: 20 });
      const cut = await writer.push(batches);
      expect(cut.stored).toEqual(['aaaa-b0', 'aaaa-b1', 'aaaa-b2', 'aaaa-b3']);
      expect(cut.notSent).toEqual(['aaaa-b4', 'aaaa-b5', 'aaaa-b6', 'aaaa-b7', 'aaaa-b8', 'aaaa-b9']);
      expect(cut.error?.kind).toBe('unreachable');
      expect(cut.error?.message).toMatch(/cannot be reached/);
      await expect(createCouchTransport({ url, retries: 0 }).pull(null)).rejects.toMatchObject({ kind: 'unreachable' });

      await disk.restart();
      // Every batch counted as sent survived the restart.
      const stored = await pullAll(createCouchTransport({ url }));
      const afterRestart = stored.batches.map((b) => b.id);
      for (const id of cut.stored) expect(afterRestart).toContain(id);
      // Pushing what was not acknowledged again: the one that did arrive is "already stored".
      const retry = await createCouchTransport({ url }).push(batches.filter((b) => cut.notSent.includes(b.id)));
      expect(retry.alreadyStored).toEqual(['aaaa-b4', 'aaaa-b5']);
      expect(retry.stored).toEqual(['aaaa-b6', 'aaaa-b7', 'aaaa-b8', 'aaaa-b9']);
      // The reader continues from its cursor across the restart and ends with each batch exactly once.
      const rest = await pullAll(createCouchTransport({ url }), stored.cursor);
      const everything = [...afterRestart, ...rest.batches.map((b) => b.id)];
      expect(everything.sort()).toEqual(batches.map((b) => b.id).sort());
    } finally {
      await disk.stop();
    }
  }, 60_000);
});
