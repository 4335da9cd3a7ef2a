#!/usr/bin/env node
/**
 * `npm start`: builds the app with electron-vite, then runs it in Electron. Without an Electron
 * binary (npm ci skips Electron's download), it tries Electron's own installer once (60 s); if that
 * fails too (offline), it says so in one line and runs browser mode instead (`factcheck serve`,
 * which prints the `Workbench: http://127.0.0.1:PORT/#token=…` address).
 * Extra arguments go to Electron, or to `factcheck serve` in browser mode.
 * FACTCHECK_NO_ELECTRON_DOWNLOAD=1 skips the download attempt.
 *
 * Stopping: Ctrl+C, or SIGTERM/SIGHUP to npm or to this script, stops the running child (which
 * saves, closes the server and releases the project's lock) and nothing more is started. npm runs
 * this script through `sh -c`, and a SIGTERM to npm ends that shell without passing the signal on,
 * so the script also stops when its parent process goes away.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const extraArgs = process.argv.slice(2);
const DOWNLOAD_TIMEOUT_MS = 60_000;

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const PARENT_CHECK_MS = 500;
let stopSignal = null;
let current = null;

function requestStop(signal) {
  if (stopSignal) return;
  stopSignal = signal;
  if (current && current.exitCode === null && current.signalCode === null) current.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
}

for (const signal of STOP_SIGNALS) process.on(signal, () => requestStop(signal));

// The parent (npm's shell) went away: stop as if it had passed its SIGTERM on.
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart) requestStop('SIGTERM');
}, PARENT_CHECK_MS).unref();

/** Runs a command; resolves with its exit code (or null when killed, or not run because a stop was asked for). */
function run(command, args, { timeoutMs, quiet = false } = {}) {
  return new Promise((resolveRun) => {
    if (stopSignal) return resolveRun(null);
    const child = spawn(command, args, { cwd: root, stdio: quiet ? 'ignore' : 'inherit' });
    current = child;
    const timer = timeoutMs ? setTimeout(() => child.kill('SIGTERM'), timeoutMs) : null;
    child.on('error', () => resolveRun(null));
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      if (current === child) current = null;
      resolveRun(code);
    });
  });
}

function electronDir() {
  return dirname(require.resolve('electron/package.json'));
}

/** The Electron executable if its binary is present, else null (same lookup as require('electron')). */
function electronBinary() {
  const dir = electronDir();
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist');
  const executable = join(distDir, relative);
  return existsSync(executable) ? executable : null;
}

async function main() {
  const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const buildCode = await run(process.execPath, [electronVite, 'build']);
  if (stopSignal) return 130;
  if (buildCode !== 0) {
    console.error('The build failed; see the messages above.');
    return 1;
  }

  let executable = electronBinary();
  if (!executable && process.env.FACTCHECK_NO_ELECTRON_DOWNLOAD !== '1') {
    console.log('No Electron binary yet; trying to download it (up to 60 s)…');
    await run(process.execPath, [join(electronDir(), 'install.js')], { timeoutMs: DOWNLOAD_TIMEOUT_MS, quiet: true });
    executable = electronBinary();
  }
  if (stopSignal) return 130;

  if (!executable) {
    console.log('No Electron binary and it could not be downloaded (offline?) — starting browser mode instead.');
    const code = await run(process.execPath, [join(root, 'bin', 'factcheck.js'), 'serve', ...extraArgs]);
    return code ?? (stopSignal ? 0 : 1);
  }
  const code = await run(executable, [root, ...extraArgs]);
  return code ?? (stopSignal ? 0 : 1);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
