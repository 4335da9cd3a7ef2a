#!/usr/bin/env node
/**
 * `npm test`: every test runner in turn — unit (vitest), end to end in Chromium against browser
 * mode (Playwright, tests/e2e), the short reliability harnesses (vitest, tests/reliability), the desktop app (Playwright `_electron`, tests/e2e-electron;
 * skipped when there is no Electron binary) — then the closing lines summing them all (each failed
 * test is named above them, with the first line of what it said):
 *
 *   N flaky: <names>
 *   N passed, N failed, N skipped
 *
 * Each runner writes JSON results to tests/.tmp/results/, which is what is counted. Playwright
 * retries a failed test once under CI; a test that passed only on its retry is flaky, is never
 * counted as passed, and counts as failed unless tests/flaky.json lists it with a reason. A runner
 * that fails without results (or exits non-zero with no failed test) counts as one failure. Exit
 * code 1 when anything failed. Installs nothing: the runners are started from node_modules directly.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addRunner, closingLines, countPlaywright, countVitest, readFlakyAllowances } from './testSummary.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'tests', '.tmp', 'results');
const bin = (...parts) => path.join(root, 'node_modules', ...parts);

const runners = [
  {
    name: 'unit (vitest)',
    short: 'unit',
    results: path.join(resultsDir, 'unit.json'),
    args: [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile=${path.join(resultsDir, 'unit.json')}`],
    count: countVitest,
  },
  {
    name: 'e2e (Playwright + Chromium, browser mode)',
    short: 'e2e',
    results: path.join(resultsDir, 'e2e.json'),
    args: [bin('@playwright', 'test', 'cli.js'), 'test', '--config', 'tests/e2e/playwright.config.ts'],
    count: countPlaywright,
  },
  {
    // After e2e, whose set-up builds the renderer these harnesses serve.
    name: 'reliability (vitest: crash, network, …)',
    short: 'reliability',
    results: path.join(resultsDir, 'reliability.json'),
    args: [
      bin('vitest', 'vitest.mjs'),
      'run',
      '--config',
      'tests/reliability/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${path.join(resultsDir, 'reliability.json')}`,
    ],
    count: countVitest,
  },
  {
    name: 'e2e-electron (Playwright _electron)',
    short: 'e2e-electron',
    results: path.join(resultsDir, 'e2e-electron.json'),
    args: [bin('@playwright', 'test', 'cli.js'), 'test', '--config', 'tests/e2e-electron/playwright.config.ts'],
    count: countPlaywright,
  },
];

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
    });
    child.on('error', (err) => resolve({ code: null, error: err.message }));
    child.on('exit', (code, signal) => resolve({ code, error: signal ? `killed by ${signal}` : undefined }));
  });
}

mkdirSync(resultsDir, { recursive: true });
const lines = [];
const total = { passed: 0, failed: 0, skipped: 0, flaky: [] };
const flakyList = path.join(root, 'tests', 'flaky.json');
const { allowed, problems } = readFlakyAllowances(flakyList);

for (const runner of runners) {
  rmSync(runner.results, { force: true });
  console.log(`\n=== ${runner.name} ===\n`);
  const started = Date.now();
  const { code, error } = await run(runner.args);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  let counts = null;
  let problem = error ?? null;
  if (existsSync(runner.results)) {
    try {
      counts = runner.count(JSON.parse(readFileSync(runner.results, 'utf8')));
    } catch (err) {
      problem = `unreadable results (${err.message})`;
    }
  } else {
    problem ??= 'no results file was written';
  }
  counts ??= { passed: 0, failed: 0, skipped: 0, flaky: [], errors: [] };
  if (!problem && counts.errors.length > 0) problem = counts.errors[0].split('\n')[0];
  if (!problem && code !== 0 && counts.failed === 0) problem = `exited with code ${code}`;
  // A runner that crashed counts as one failure, so the closing line never reads "0 failed" then.
  const crashed = problem !== null && counts.failed === 0;
  if (crashed) counts.failed += 1;

  const own = addRunner(total, runner.short, counts, allowed);
  lines.push(
    `${runner.name}: ${own.passed} passed, ${own.failed} failed, ${own.skipped} skipped` +
      (own.flaky ? `, ${own.flaky} flaky (${own.unlisted} not in tests/flaky.json)` : '') +
      ` (${seconds} s)` +
      (problem ? ` — runner problem: ${problem}` : ''),
  );
}
for (const problem of problems) {
  lines.push(`tests/flaky.json: ${problem}`);
  total.failed += 1;
}

console.log('\n=== Summary ===');
for (const line of lines) console.log(line);
for (const line of closingLines(total)) console.log(line);
process.exitCode = total.failed > 0 ? 1 : 0;
