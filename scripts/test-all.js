#!/usr/bin/env node
/**
 * `npm test`: every test runner in turn — unit (vitest), end to end in Chromium against browser
 * mode (Playwright, tests/e2e), the short reliability harnesses (vitest, tests/reliability: crash,
 * network, …; after e2e, whose set-up builds the renderer they serve), the desktop app (Playwright
 * `_electron`, tests/e2e-electron; skipped when there is no Electron binary) — then one plain
 * closing line summing them all:
 *
 *   N passed, N failed[, N skipped]
 *
 * Each runner writes JSON results to tests/.tmp/results/, which is what is counted. A runner that
 * fails without results (or exits non-zero with no failed test) counts as one failure. Exit code 1
 * when anything failed. Installs nothing: the runners are started from node_modules directly.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'tests', '.tmp', 'results');
const bin = (...parts) => path.join(root, 'node_modules', ...parts);

const runners = [
  {
    name: 'unit (vitest)',
    results: path.join(resultsDir, 'unit.json'),
    args: [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile=${path.join(resultsDir, 'unit.json')}`],
    count: countVitest,
  },
  {
    name: 'e2e (Playwright + Chromium, browser mode)',
    results: path.join(resultsDir, 'e2e.json'),
    args: [bin('@playwright', 'test', 'cli.js'), 'test', '--config', 'tests/e2e/playwright.config.ts'],
    count: countPlaywright,
  },
  {
    name: 'reliability (vitest: crash, network, …)',
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
    results: path.join(resultsDir, 'e2e-electron.json'),
    args: [bin('@playwright', 'test', 'cli.js'), 'test', '--config', 'tests/e2e-electron/playwright.config.ts'],
    count: countPlaywright,
  },
];

function countVitest(json) {
  return {
    passed: json.numPassedTests ?? 0,
    failed: json.numFailedTests ?? 0,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    errors: json.success === false && (json.numFailedTests ?? 0) === 0 ? ['vitest reported errors outside the tests'] : [],
  };
}

function countPlaywright(json) {
  const stats = json.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
    errors: (json.errors ?? []).map((e) => e.message ?? String(e)),
  };
}

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
const total = { passed: 0, failed: 0, skipped: 0 };

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
  counts ??= { passed: 0, failed: 0, skipped: 0, errors: [] };
  if (!problem && counts.errors.length > 0) problem = counts.errors[0].split('\n')[0];
  if (!problem && code !== 0 && counts.failed === 0) problem = `exited with code ${code}`;
  // A runner that crashed counts as one failure, so the closing line never reads "0 failed" then.
  const crashed = problem !== null && counts.failed === 0;
  const failed = counts.failed + (crashed ? 1 : 0);

  total.passed += counts.passed;
  total.failed += failed;
  total.skipped += counts.skipped;
  lines.push(
    `${runner.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${seconds} s)` +
      (problem ? ` — runner problem: ${problem}` : ''),
  );
}

console.log('\n=== Summary ===');
for (const line of lines) console.log(line);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = total.failed > 0 ? 1 : 0;
