/**
 * `npm start` in browser mode (no Electron binary, no download) stops cleanly: a SIGTERM to the npm
 * process, or Ctrl+C (SIGINT to the terminal's whole process group), closes the server's port and
 * removes the project's lock — npm's shell does not pass the signal on, so the script must notice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO } from '../testPaths';

const ADDRESS = /Workbench: http:\/\/127\.0\.0\.1:(\d+)\//;
const started: { child: ChildProcess; dataDir: string }[] = [];

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls `check` every 200 ms until it holds or `limitMs` passes; returns whether it held. */
async function eventually(check: () => Promise<boolean> | boolean, limitMs: number): Promise<boolean> {
  const until = Date.now() + limitMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs `npm start` in its own process group (as a terminal would) and waits for the address line. */
async function npmStart(): Promise<{ child: ChildProcess; port: number; lock: string; output: () => string }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-start-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const child = spawn(npm, ['start', '--', '--data-dir', dataDir, '--port', '0', '--no-open'], {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FACTCHECK_NO_ELECTRON_DOWNLOAD: '1', BROWSER: 'none' },
  });
  started.push({ child, dataDir });
  let log = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  const found = await eventually(() => ADDRESS.test(log), 90_000);
  if (!found) throw new Error(`npm start printed no address:\n${log}`);
  const port = Number(ADDRESS.exec(log)![1]);
  const lock = path.join(dataDir, 'projects', 'sample.factcheck.json.lock');
  return { child, port, lock, output: () => log };
}

afterEach(async () => {
  for (const { child, dataDir } of started.splice(0)) {
    // Leave nothing behind even when a test failed: the whole group, then the data folder.
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  }
});

describe.skipIf(process.platform === 'win32')('npm start', () => {
  it('a SIGTERM to npm closes the server and removes the project lock', async () => {
    const run = await npmStart();
    expect(await portOpen(run.port)).toBe(true);
    expect(existsSync(run.lock)).toBe(true);

    run.child.kill('SIGTERM');

    expect(await eventually(async () => !(await portOpen(run.port)), 20_000), `port ${run.port} still open:\n${run.output()}`).toBe(true);
    expect(await eventually(() => !existsSync(run.lock), 20_000), `lock still there:\n${run.output()}`).toBe(true);
  }, 150_000);

  it('Ctrl+C (SIGINT to the process group) does the same', async () => {
    const run = await npmStart();
    expect(existsSync(run.lock)).toBe(true);

    process.kill(-run.child.pid!, 'SIGINT');

    expect(await eventually(async () => !(await portOpen(run.port)), 20_000), `port ${run.port} still open:\n${run.output()}`).toBe(true);
    expect(await eventually(() => !existsSync(run.lock), 20_000), `lock still there:\n${run.output()}`).toBe(true);
  }, 150_000);
});
