/**
 * A CouchDB server (Apache CouchDB 3.x, or anything that speaks its HTTP API) as a sync target.
 *
 *   batch-<batch id>        one document per EncryptedBatch: { type: 'factcheck-batch', batch };
 *                           never updated, so a `conflict` from _bulk_docs means "already stored"
 *   factcheck-sync-key      { type: 'factcheck-sync-key', descriptor }, created once
 *   attachment-<remote>     { type: 'factcheck-attachment' } with the encrypted blob as its
 *                           CouchDB attachment "body"
 *
 * Push: POST /db/_bulk_docs (CouchDB answers after the write is durable). Pull: GET
 * /db/_changes?since=<seq>&include_docs=true&limit=N; sequences are kept as opaque strings
 * (CouchDB 3's are strings, PouchDB's numbers). Authentication: a cookie session (POST /_session
 * with name and password), logged in again on a 401. Credentials come from the URL
 * (http://user:password@host:5984/db) or FACTCHECK_COUCHDB_PASSWORD; without a name the server is
 * used as it is (admin party, or a public database). The database is created when missing (which
 * needs an admin on CouchDB 3). Network errors, 5xx and 429 are retried a bounded number of times
 * with growing pauses; every request has a timeout.
 */
import { isEncryptedBatch, type EncryptedBatch } from './syncCipher';
import {
  SyncTransportError,
  checkRemoteName,
  emptyPushResult,
  type PullResult,
  type PushResult,
  type SyncTransport,
  type TransportProblem,
} from './transport';

export const COUCH_PASSWORD_ENV = 'FACTCHECK_COUCHDB_PASSWORD';
const BATCH_PREFIX = 'batch-';
const KEY_DOC = 'factcheck-sync-key';
const ATTACHMENT_PREFIX = 'attachment-';

export interface CouchTransportOptions {
  /** http(s)://[user[:password]@]host[:port]/[path/]database */
  url: string;
  /** Overrides the URL's password. */
  password?: string;
  /** Where FACTCHECK_COUCHDB_PASSWORD is read from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Injected in tests; default the global fetch. */
  fetch?: typeof fetch;
  /** Extra attempts after a network error, 5xx or 429 (default 3). */
  retries?: number;
  /** First pause between attempts, doubled each time (default 250 ms). */
  retryDelayMs?: number;
  /** Per request (default 30 s). */
  timeoutMs?: number;
  /** Documents per _bulk_docs request (default 100). */
  docsPerRequest?: number;
  /** Changes per pull (default 500). */
  changesLimit?: number;
}

export interface CouchTarget {
  /** Server root without credentials, no trailing slash (where /_session lives). */
  serverUrl: string;
  /** The database's URL without credentials, no trailing slash. */
  dbUrl: string;
  db: string;
  user?: string;
  password?: string;
}

/** Splits a CouchDB database URL into server, database and credentials. Throws SyncTransportError('bad-target'). */
export function parseCouchUrl(url: string, env: NodeJS.ProcessEnv = process.env, password?: string): CouchTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SyncTransportError('bad-target', `Not a server address: ${url.replace(/\/\/[^@/]*@/, '//')}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SyncTransportError('bad-target', 'A CouchDB address starts with http:// or https://');
  }
  const segments = parsed.pathname.split('/').filter(Boolean);
  const db = segments.length ? decodeURIComponent(segments[segments.length - 1]!) : '';
  // CouchDB's rule for database names.
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(db)) {
    throw new SyncTransportError(
      'bad-target',
      'The address must end with a database name (lower-case letters, digits and _$()+-/, starting with a letter), e.g. http://host:5984/newsroom',
    );
  }
  const user = parsed.username ? decodeURIComponent(parsed.username) : undefined;
  const urlPassword = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  const base = `${parsed.protocol}//${parsed.host}`;
  const prefix = segments.slice(0, -1).map((s) => `/${s}`).join('');
  return {
    serverUrl: base + prefix,
    dbUrl: `${base}${prefix}/${encodeURIComponent(db)}`,
    db,
    user,
    password: password ?? urlPassword ?? (user ? env[COUCH_PASSWORD_ENV] : undefined),
  };
}

interface Reply {
  status: number;
  body: unknown;
  bytes?: Buffer;
}

interface RequestOptions {
  json?: unknown;
  raw?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class CouchTransport implements SyncTransport {
  readonly kind = 'couchdb' as const;
  readonly target: string;
  private readonly couch: CouchTarget;
  private readonly fetch: typeof fetch;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly timeoutMs: number;
  private readonly docsPerRequest: number;
  private readonly changesLimit: number;
  private cookie: string | null = null;
  private dbReady = false;
  /** Aborted by close(): a request in flight ends at once instead of waiting out its timeout. */
  private readonly closing = new AbortController();

  constructor(options: CouchTransportOptions) {
    this.couch = parseCouchUrl(options.url, options.env ?? process.env, options.password);
    this.target = this.couch.dbUrl;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.retries = Math.max(0, Math.min(options.retries ?? 3, 10));
    this.retryDelayMs = options.retryDelayMs ?? 250;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.docsPerRequest = Math.max(1, options.docsPerRequest ?? 100);
    this.changesLimit = Math.max(1, options.changesLimit ?? 500);
  }

  private get who(): string {
    return this.couch.user ? `user "${this.couch.user}"` : 'an anonymous user';
  }

  private unreachable(cause: unknown): SyncTransportError {
    const reason = cause instanceof Error ? ((cause.cause as Error | undefined)?.message ?? cause.message) : String(cause);
    return new SyncTransportError('unreachable', `The sync server ${this.couch.serverUrl} cannot be reached (${reason}).`, { cause });
  }

  private takeCookie(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const match = /^AuthSession=([^;]*)/.exec(header);
      if (match && match[1]) this.cookie = match[1];
    }
  }

  private async send(method: string, url: string, options: RequestOptions): Promise<Reply> {
    const headers: Record<string, string> = { Accept: options.raw ? '*/*' : 'application/json' };
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    if (this.cookie) headers.Cookie = `AuthSession=${this.cookie}`;
    let lastError: unknown;
    const attempts = this.retries + 1;
    for (let attempt = 0; attempt < attempts && !this.closing.signal.aborted; attempt++) {
      if (attempt > 0) await sleep(this.retryDelayMs * 2 ** (attempt - 1));
      let response: Response;
      try {
        const signal = AbortSignal.any([AbortSignal.timeout(this.timeoutMs), this.closing.signal]);
        response = await this.fetch(url, { method, headers, body, signal });
      } catch (err) {
        lastError = err;
        continue;
      }
      this.takeCookie(response);
      let reply: Reply;
      try {
        if (options.raw && response.ok) {
          reply = { status: response.status, body: null, bytes: Buffer.from(await response.arrayBuffer()) };
        } else {
          const text = await response.text();
          let parsed: unknown = null;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            parsed = { error: 'not-json', reason: text.slice(0, 200) };
          }
          reply = { status: response.status, body: parsed };
        }
      } catch (err) {
        // The connection broke while the reply was read.
        lastError = err;
        continue;
      }
      if (reply.status >= 500 || reply.status === 429) {
        lastError = new SyncTransportError('server-error', `The sync server answered ${reply.status} (${describe(reply.body)}).`);
        continue;
      }
      return reply;
    }
    if (this.closing.signal.aborted) throw new SyncTransportError('unreachable', 'The connection to the sync server was closed.');
    if (lastError instanceof SyncTransportError) throw lastError;
    throw this.unreachable(lastError);
  }

  private async login(): Promise<void> {
    const { user, password } = this.couch;
    if (!user) return;
    if (password === undefined) {
      throw new SyncTransportError('unauthorized', `No password for ${this.who}: put it in the address or in ${COUCH_PASSWORD_ENV}.`);
    }
    this.cookie = null;
    const reply = await this.send('POST', `${this.couch.serverUrl}/_session`, { json: { name: user, password } });
    if (reply.status === 401 || reply.status === 403) {
      throw new SyncTransportError('unauthorized', `The sync server refused the name or password of ${this.who}.`);
    }
    if (reply.status !== 200 || !this.cookie) {
      throw new SyncTransportError('server-error', `The sync server did not open a session (${reply.status}: ${describe(reply.body)}).`);
    }
  }

  /** A request with a session: logs in first when there are credentials, and once more on a 401. */
  private async request(method: string, url: string, options: RequestOptions = {}): Promise<Reply> {
    if (this.couch.user && !this.cookie) await this.login();
    let reply = await this.send(method, url, options);
    if (reply.status === 401 && this.couch.user) {
      await this.login();
      reply = await this.send(method, url, options);
    }
    if (reply.status === 401) {
      throw new SyncTransportError(
        'unauthorized',
        this.couch.user
          ? `The sync server does not let ${this.who} into the database "${this.couch.db}".`
          : `The sync server needs a name and password: put them in the address (http://name:password@host:5984/${this.couch.db}) or the password in ${COUCH_PASSWORD_ENV}.`,
      );
    }
    if (reply.status === 403) {
      throw new SyncTransportError('forbidden', `The sync server forbids ${this.who} this (${describe(reply.body)}).`);
    }
    return reply;
  }

  private async ensureDb(): Promise<void> {
    if (this.dbReady) return;
    const info = await this.request('GET', this.couch.dbUrl);
    if (info.status === 404) {
      let created: Reply;
      try {
        created = await this.request('PUT', this.couch.dbUrl);
      } catch (err) {
        if (err instanceof SyncTransportError && (err.kind === 'unauthorized' || err.kind === 'forbidden')) {
          throw new SyncTransportError(
            'forbidden',
            `The database "${this.couch.db}" does not exist on ${this.couch.serverUrl} and ${this.who} may not create it: ask the server's admin to create it.`,
          );
        }
        throw err;
      }
      if (created.status !== 201 && created.status !== 202 && created.status !== 412) {
        throw new SyncTransportError('server-error', `Could not create the database "${this.couch.db}" (${created.status}: ${describe(created.body)}).`);
      }
    } else if (info.status !== 200) {
      throw new SyncTransportError('server-error', `The database "${this.couch.db}" cannot be opened (${info.status}: ${describe(info.body)}).`);
    }
    this.dbReady = true;
  }

  private docUrl(id: string, suffix = ''): string {
    return `${this.couch.dbUrl}/${encodeURIComponent(id)}${suffix}`;
  }

  async push(batches: readonly EncryptedBatch[]): Promise<PushResult> {
    const result = emptyPushResult();
    const unique = [...new Map(batches.map((b) => [b.id, b])).values()];
    if (unique.length === 0) return result;
    for (const batch of unique) if (!isEncryptedBatch(batch)) throw new Error('push() takes EncryptedBatch envelopes');
    const acknowledged = new Set<string>();
    try {
      await this.ensureDb();
      for (let i = 0; i < unique.length; i += this.docsPerRequest) {
        let chunk = unique.slice(i, i + this.docsPerRequest);
        // A session that lapsed can show as per-document "unauthorized" answers: log in again once.
        for (let attempt = 0; chunk.length > 0; attempt++) {
          const refusal = await this.pushChunk(chunk, result, acknowledged);
          if (!refusal) break;
          if (refusal.error === 'unauthorized' && this.couch.user && attempt === 0) {
            await this.login();
            chunk = chunk.filter((b) => !acknowledged.has(b.id));
            continue;
          }
          const kind = refusal.error === 'unauthorized' ? 'unauthorized' : refusal.error === 'forbidden' ? 'forbidden' : 'server-error';
          throw new SyncTransportError(kind, `The sync server refused a batch (${refusal.error}: ${refusal.reason ?? ''}).`);
        }
      }
    } catch (err) {
      if (!(err instanceof SyncTransportError)) throw err;
      result.error = err;
    }
    result.notSent = unique.map((b) => b.id).filter((id) => !acknowledged.has(id));
    if (result.notSent.length > 0 && !result.error) {
      result.error = new SyncTransportError('server-error', 'The sync server did not acknowledge every batch.');
    }
    return result;
  }

  /** Sends one _bulk_docs request; records acknowledged ids; returns the first refusal, if any. */
  private async pushChunk(
    chunk: EncryptedBatch[],
    result: PushResult,
    acknowledged: Set<string>,
  ): Promise<{ error?: string; reason?: string } | undefined> {
    const reply = await this.request('POST', `${this.couch.dbUrl}/_bulk_docs`, {
      json: { docs: chunk.map((batch) => ({ _id: BATCH_PREFIX + batch.id, type: 'factcheck-batch', batch })) },
    });
    if (reply.status === 404) {
      this.dbReady = false;
      throw new SyncTransportError('server-error', `The database "${this.couch.db}" is no longer on the server.`);
    }
    if (reply.status !== 201 && reply.status !== 200) {
      throw new SyncTransportError('server-error', `The sync server did not store the batches (${reply.status}: ${describe(reply.body)}).`);
    }
    const answers = Array.isArray(reply.body) ? (reply.body as { id?: string; ok?: boolean; rev?: string; error?: string; reason?: string }[]) : [];
    // The server may list its answers in another order than the request's (PouchDB does, now and then, for
    // conflicts): the results follow the order the batches were given in.
    const answerFor = new Map<string, (typeof answers)[number]>();
    for (const answer of answers) {
      if (typeof answer.id !== 'string' || !answer.id.startsWith(BATCH_PREFIX)) continue;
      const id = answer.id.slice(BATCH_PREFIX.length);
      if (!answerFor.has(id)) answerFor.set(id, answer);
    }
    let refusal: { error?: string; reason?: string } | undefined;
    for (const { id } of chunk) {
      const answer = answerFor.get(id);
      if (!answer || acknowledged.has(id)) continue;
      if (answer.error === undefined && (answer.ok || answer.rev)) {
        result.stored.push(id);
        acknowledged.add(id);
      } else if (answer.error === 'conflict') {
        result.alreadyStored.push(id);
        acknowledged.add(id);
      } else {
        refusal ??= answer;
      }
    }
    return refusal;
  }

  async pull(cursor: string | null): Promise<PullResult> {
    await this.ensureDb();
    const since = cursor === null || cursor === '' ? '0' : cursor;
    const url = `${this.couch.dbUrl}/_changes?since=${encodeURIComponent(since)}&include_docs=true&limit=${this.changesLimit}`;
    const reply = await this.request('GET', url);
    if (reply.status === 404) this.dbReady = false;
    if (reply.status !== 200) {
      throw new SyncTransportError('server-error', `The sync server did not list its changes (${reply.status}: ${describe(reply.body)}).`);
    }
    const body = reply.body as { results?: unknown; last_seq?: unknown; pending?: unknown };
    if (!Array.isArray(body?.results) || body.last_seq === undefined || body.last_seq === null) {
      throw new SyncTransportError('server-error', 'The sync server answered the changes request with something that is not a CouchDB changes list.');
    }
    const batches: EncryptedBatch[] = [];
    const problems: TransportProblem[] = [];
    for (const change of body.results as { id?: string; deleted?: boolean; doc?: { type?: unknown; batch?: unknown } }[]) {
      if (typeof change?.id !== 'string' || !change.id.startsWith(BATCH_PREFIX) || change.deleted) continue;
      const batch = change.doc?.batch;
      if (change.doc?.type !== 'factcheck-batch' || !isEncryptedBatch(batch) || BATCH_PREFIX + batch.id !== change.id) {
        problems.push({ where: `document ${change.id}`, message: 'a document that is not an encrypted batch was skipped' });
        continue;
      }
      batches.push(batch);
    }
    const lastSeq = typeof body.last_seq === 'string' ? body.last_seq : JSON.stringify(body.last_seq);
    const more = typeof body.pending === 'number' ? body.pending > 0 : body.results.length >= this.changesLimit;
    return { batches, cursor: lastSeq, more, problems };
  }

  async readKeyDescriptor(): Promise<unknown | null> {
    await this.ensureDb();
    const reply = await this.request('GET', this.docUrl(KEY_DOC));
    if (reply.status === 404) return null;
    if (reply.status !== 200) throw new SyncTransportError('server-error', `The sync key description cannot be read (${reply.status}).`);
    const descriptor = (reply.body as { descriptor?: unknown })?.descriptor;
    if (descriptor === undefined) throw new SyncTransportError('damaged', 'The sync key description on the server is damaged.');
    return descriptor;
  }

  async offerKeyDescriptor(descriptor: unknown): Promise<unknown> {
    await this.ensureDb();
    const reply = await this.request('PUT', this.docUrl(KEY_DOC), { json: { type: 'factcheck-sync-key', descriptor } });
    if (reply.status === 201 || reply.status === 202) return descriptor;
    if (reply.status === 409) return this.readKeyDescriptor();
    throw new SyncTransportError('server-error', `The sync key description could not be stored (${reply.status}: ${describe(reply.body)}).`);
  }

  async hasAttachment(remoteName: string): Promise<boolean> {
    checkRemoteName(remoteName);
    await this.ensureDb();
    const reply = await this.request('GET', this.docUrl(ATTACHMENT_PREFIX + remoteName));
    if (reply.status === 404) return false;
    if (reply.status === 200) return true;
    throw new SyncTransportError('server-error', `Could not look for an attachment (${reply.status}).`);
  }

  async putAttachment(remoteName: string, blob: Uint8Array): Promise<void> {
    checkRemoteName(remoteName);
    await this.ensureDb();
    const doc = {
      type: 'factcheck-attachment',
      _attachments: { body: { content_type: 'application/octet-stream', data: Buffer.from(blob).toString('base64') } },
    };
    const reply = await this.request('PUT', this.docUrl(ATTACHMENT_PREFIX + remoteName), { json: doc });
    if (reply.status === 201 || reply.status === 202 || reply.status === 409) return;
    throw new SyncTransportError('server-error', `An attachment could not be stored (${reply.status}: ${describe(reply.body)}).`);
  }

  async getAttachment(remoteName: string): Promise<Buffer | null> {
    checkRemoteName(remoteName);
    await this.ensureDb();
    const reply = await this.request('GET', this.docUrl(ATTACHMENT_PREFIX + remoteName, '/body'), { raw: true });
    if (reply.status === 404) return null;
    if (reply.status !== 200 || !reply.bytes) throw new SyncTransportError('server-error', `An attachment could not be read (${reply.status}).`);
    return reply.bytes;
  }

  async close(): Promise<void> {
    this.closing.abort();
    this.cookie = null;
  }
}

function describe(body: unknown): string {
  if (body && typeof body === 'object') {
    const { error, reason } = body as { error?: unknown; reason?: unknown };
    if (error !== undefined) return `${String(error)}${reason ? `: ${String(reason)}` : ''}`;
  }
  return 'no details';
}

export function createCouchTransport(options: CouchTransportOptions): CouchTransport {
  return new CouchTransport(options);
}
