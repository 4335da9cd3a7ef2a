/**
 * A real CouchDB-compatible server for tests: pouchdb-server (npm) started on 127.0.0.1 on a free
 * port, in its own temporary working folder (it writes config.json and log.txt where it runs),
 * in memory by default. Stopped and its folder removed by stop(). Used by unit tests, benches and
 * end-to-end tests alike.
 *
 * Known quirk of pouchdb-server 4.2 (not of CouchDB): once an admin exists, a non-admin's
 * PUT /<db> crashes the server process, so tests with a plain user let the admin create the
 * database first, as a CouchDB admin would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const SERVER_BIN = join(dirname(require.resolve('pouchdb-server/package.json')), 'bin', 'pouchdb-server');

export interface PouchServerOptions {
  /** Keep data in memory (default true). False: LevelDB files in the working folder, kept across restart(). */
  inMemory?: boolean;
}

export interface PouchServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** Its working folder (config.json, log.txt, and the data when not in memory). */
  readonly workDir: string;
  /** Makes `name` a server admin (the end of "admin party"). */
  addAdmin(name: string, password: string): Promise<void>;
  /** Adds a CouchDB user (needs admin credentials once an admin exists). */
  addUser(name: string, password: string, admin?: { name: string; password: string }): Promise<void>;
  /** Creates a database whose members are `members` (as an admin). */
  createDatabase(db: string, options?: { admin?: { name: string; password: string }; members?: string[] }): Promise<void>;
  /** Every document of a database, with attachments inline (base64), as the server stores them. */
  allDocuments(db: string, admin?: { name: string; password: string }): Promise<unknown[]>;
  /** Kills the process at once (SIGKILL), as a crash or a pulled cable would. */
  kill(): Promise<void>;
  /** Starts it again on the same port and folder (data kept only when not in memory). */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function authHeader(admin?: { name: string; password: string }): Record<string, string> {
  return admin ? { Authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}` } : {};
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`pouchdb-server: ${what} failed: ${response.status} ${await response.text()}`);
}

export async function startPouchServer(options: PouchServerOptions = {}): Promise<PouchServer> {
  const inMemory = options.inMemory ?? true;
  const workDir = await mkdtemp(join(tmpdir(), 'pouchdb-server-'));
  let child: ChildProcess | null = null;
  let output = '';
  let port = 0;

  async function launch(onPort: number): Promise<void> {
    const args = [SERVER_BIN, '--host', '127.0.0.1', '--port', String(onPort), '--no-color', '--no-stdout-logs'];
    if (inMemory) args.push('--in-memory');
    else args.push('--dir', join(workDir, 'data'));
    output = '';
    const proc = spawn(process.execPath, args, { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    proc.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    // Ready when it answers; bounded to ~30 s.
    for (let i = 0; i < 300; i++) {
      if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`pouchdb-server exited during start: ${output}`);
      try {
        const response = await fetch(`http://127.0.0.1:${onPort}/`, { signal: AbortSignal.timeout(1000) });
        if (response.ok) {
          await response.text();
          return;
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    proc.kill('SIGKILL');
    throw new Error(`pouchdb-server did not start within 30 s: ${output}`);
  }

  async function waitExit(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  // A port found free can be taken before the server binds it: try a few.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3 && port === 0; attempt++) {
    const candidate = await freePort();
    try {
      await launch(candidate);
      port = candidate;
    } catch (err) {
      lastError = err;
      if (child) await waitExit(child, 'SIGKILL');
    }
  }
  if (port === 0) {
    await rm(workDir, { recursive: true, force: true });
    throw lastError;
  }
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    workDir,
    async addAdmin(name, password) {
      await expectOk(await fetch(`${url}/_config/admins/${encodeURIComponent(name)}`, { method: 'PUT', body: JSON.stringify(password) }), 'add admin');
    },
    async addUser(name, password, admin) {
      const response = await fetch(`${url}/_users/org.couchdb.user:${encodeURIComponent(name)}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', ...authHeader(admin) },
        body: JSON.stringify({ name, password, roles: [], type: 'user' }),
      });
      await expectOk(response, 'add user');
    },
    async createDatabase(db, { admin, members } = {}) {
      await expectOk(await fetch(`${url}/${db}`, { method: 'PUT', headers: authHeader(admin) }), 'create database');
      if (members) {
        const response = await fetch(`${url}/${db}/_security`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', ...authHeader(admin) },
          body: JSON.stringify({ members: { names: members, roles: [] }, admins: { names: [], roles: [] } }),
        });
        await expectOk(response, 'set database members');
      }
    },
    async allDocuments(db, admin) {
      const response = await fetch(`${url}/${db}/_all_docs?include_docs=true&attachments=true`, { headers: authHeader(admin) });
      await expectOk(response, 'list documents');
      const body = (await response.json()) as { rows: { doc: unknown }[] };
      return body.rows.map((row) => row.doc);
    },
    async kill() {
      if (child) await waitExit(child, 'SIGKILL');
    },
    async restart() {
      if (child) await waitExit(child, 'SIGTERM');
      await launch(port);
    },
    async stop() {
      if (child) await waitExit(child, 'SIGTERM');
      child = null;
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
