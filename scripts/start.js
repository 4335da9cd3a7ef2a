#!/usr/bin/env node
/**
 * `npm start`: builds the app with electron-vite, then runs it in Electron. Without an Electron
 * binary (npm ci skips Electron's download), it tries Electron's own installer once (60 s); if that
 * fails too (offline), it says so in one line and runs browser mode instead (`factcheck serve`,
 * which prints the `Workbench: http://127.0.0.1:PORT/#token=…` address).
 * Extra arguments go to Electron, or to `factcheck serve` in browser mode.
 * FACTCHECK_NO_ELECTRON_DOWNLOAD=1 skips the download attempt.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const extraArgs = process.argv.slice(2);
const DOWNLOAD_TIMEOUT_MS = 60_000;

/** Runs a command; resolves with its exit code (or null when killed). */
function run(command, args, { timeoutMs, quiet = false, forwardSignals = false } = {}) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd: root, stdio: quiet ? 'ignore' : 'inherit' });
    const timer = timeoutMs ? setTimeout(() => child.kill('SIGTERM'), timeoutMs) : null;
    const forward = (signal) => child.kill(signal);
    if (forwardSignals) {
      process.on('SIGINT', forward);
      process.on('SIGTERM', forward);
    }
    child.on('error', () => resolveRun(null));
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
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

  if (!executable) {
    console.log('No Electron binary and it could not be downloaded (offline?) — starting browser mode instead.');
    const code = await run(process.execPath, [join(root, 'bin', 'factcheck.js'), 'serve', ...extraArgs], { forwardSignals: true });
    return code ?? 1;
  }
  const code = await run(executable, [root, ...extraArgs], { forwardSignals: true });
  return code ?? 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
