#!/usr/bin/env node
/**
 * `npm run bench`: every `bench:*` script of package.json in turn (or those named: `npm run bench --
 * history save`), each bench's own output shown as it runs, then one table of every result (bench,
 * measure, result, goal, met). A bench that fails or runs past BENCH_TIMEOUT_MINUTES (default 30) is a
 * row saying so; the run goes on. Exit code 1 when a bench failed to run (an unmet goal is a row, not
 * a failure of the run).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderTable, rowsOf } from './benchSummary.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts ?? {};
const all = Object.keys(scripts).filter((name) => name.startsWith('bench:'));
const asked = process.argv.slice(2).map((name) => (name.startsWith('bench:') ? name : `bench:${name}`));
const unknown = asked.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`No such bench: ${unknown.join(', ')} (there are: ${all.join(', ')})`);
  process.exit(2);
}
const chosen = asked.length > 0 ? asked : all;
const timeoutMinutes = Number(process.env.BENCH_TIMEOUT_MINUTES ?? 30);

/** Runs `npm run <name>`, passing its output through and keeping a copy. */
function runScript(name) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', name], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
      env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    });
    const keep = (target) => (chunk) => {
      output += chunk.toString();
      target.write(chunk);
    };
    child.stdout.on('data', keep(process.stdout));
    child.stderr.on('data', keep(process.stderr));
    let timedOut = null;
    const timer = setTimeout(() => {
      timedOut = `${timeoutMinutes} min`;
      // The whole group: npm, the bench and any browser it started.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }, timeoutMinutes * 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ output, run: { code: null, error: err.message } });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ output, run: { code, signal, timedOut } });
    });
  });
}

const rows = [];
let failedRuns = 0;
for (const name of chosen) {
  console.log(`\n=== npm run ${name} ===\n`);
  const started = Date.now();
  const { output, run } = await runScript(name);
  const benchRows = rowsOf(name.slice('bench:'.length), output, run);
  if (benchRows.some((row) => row.measure === 'the bench run' && row.met === false)) failedRuns++;
  rows.push(...benchRows);
  console.log(`\n(${name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

console.log('\n=== Benchmarks ===\n');
console.log(renderTable(rows));
const unmet = rows.filter((row) => row.met === false).length;
console.log(`\n${chosen.length} benches, ${rows.length} results, ${unmet} not met, ${failedRuns} failed to run`);
process.exitCode = failedRuns > 0 ? 1 : 0;
