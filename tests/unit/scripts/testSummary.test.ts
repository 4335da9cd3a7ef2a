/**
 * npm test's closing lines: flaky tests are named, never counted as passed, and fail the run unless
 * tests/flaky.json lists them with a reason. Checked on a real Playwright report of a test that
 * fails once and passes on its retry.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without types
import { addRunner, closingLines, countPlaywright, countVitest, flakyTestNames, readFlakyAllowances } from '../../../scripts/testSummary.js';
import { REPO } from '../testPaths';

const work = (() => {
  mkdirSync(path.join(REPO, 'tests', '.tmp'), { recursive: true });
  return mkdtempSync(path.join(REPO, 'tests', '.tmp', 'flaky-'));
})();
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs Playwright on one spec whose second test fails on the first attempt only and whose last fails on both; returns its JSON report. */
function playwrightReport(): unknown {
  writeFileSync(
    path.join(work, 'retry.spec.ts'),
    [
      "import { test, expect } from '@playwright/test';",
      "test('steady', () => expect(1 + 1).toBe(2));",
      "test.describe('group', () => {",
      "  test('passes on its retry', ({}, testInfo) => expect(testInfo.retry).toBe(1));",
      '});',
      "test.skip('skipped', () => {});",
      "test('fails every time', () => expect(1).toBe(2));",
    ].join('\n'),
  );
  const report = path.join(work, 'report.json');
  writeFileSync(
    path.join(work, 'playwright.config.ts'),
    `export default { testDir: '.', retries: 1, workers: 1, outputDir: './out', reporter: [['json', { outputFile: ${JSON.stringify(report)} }]] };`,
  );
  const cli = path.join(REPO, 'node_modules', '@playwright', 'test', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'test', '--config', path.join(work, 'playwright.config.ts')], { cwd: REPO, encoding: 'utf8', env: { ...process.env, CI: '' } });
  expect(run.status, run.stdout + run.stderr).toBe(1);
  return JSON.parse(readFileSync(report, 'utf8'));
}

/** Runs vitest on one file with a failing assertion and a failing fast-check property; returns its JSON report. */
function vitestReport(): unknown {
  const dir = path.join(work, 'vitest');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'broken.check.ts'),
    [
      "import fc from 'fast-check';",
      "import { expect, it } from 'vitest';",
      "it('adds', () => expect(1 + 1).toBe(3));",
      "it('holds for every number', () => fc.assert(fc.property(fc.integer(), (n) => n < 10), { seed: 42 }));",
      "it('passes', () => expect(true).toBe(true));",
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.check.ts'] } };");
  const report = path.join(dir, 'report.json');
  const cli = path.join(REPO, 'node_modules', 'vitest', 'vitest.mjs');
  const run = spawnSync(process.execPath, [cli, 'run', '--root', dir, '--config', path.join(dir, 'vitest.config.mjs'), '--reporter=json', `--outputFile=${report}`], {
    cwd: REPO,
    encoding: 'utf8',
  });
  expect(run.status, run.stdout + run.stderr).toBe(1);
  return JSON.parse(readFileSync(report, 'utf8'));
}

describe('npm test closing lines', () => {
  it('names each failed test of a real vitest run with what it said, a property test with its seed', () => {
    const counts = countVitest(vitestReport());
    expect(counts).toMatchObject({ passed: 1, failed: 2 });
    expect(counts.failures).toHaveLength(2);
    expect(counts.failures[0]).toMatch(/broken\.check\.ts › adds: AssertionError: expected 2 to be 3/);
    expect(counts.failures[1]).toMatch(/broken\.check\.ts › holds for every number: Error: Property failed after \d+ tests \(\{ seed: 42, path: ".*"[^)]*\) Counterexample: \[10\]/);
    const total = { passed: 0, failed: 0, skipped: 0, flaky: [] as string[] };
    addRunner(total, 'unit', counts, new Map());
    const lines = closingLines(total);
    expect(lines.slice(0, 2)).toEqual(['2 failed tests:', `  unit: ${counts.failures[0]}`]);
    expect(lines.at(-1)).toBe('1 passed, 2 failed, 0 skipped');
  }, 60_000);

  it('names the flaky test of a real Playwright run and does not count it as passed; names the failed one with what it said', () => {
    const json = playwrightReport();
    expect(flakyTestNames(json)).toEqual(['retry.spec.ts › group › passes on its retry']);
    const counts = countPlaywright(json);
    expect(counts).toMatchObject({ passed: 1, failed: 1, skipped: 1 });
    expect(counts.failures).toEqual([expect.stringMatching(/^retry\.spec\.ts › fails every time: Error: expect\(received\)\.toBe\(expected\)/)]);
  }, 60_000);

  it('fails an unlisted flaky test and only names a listed one', () => {
    const counts = { passed: 5, failed: 0, skipped: 1, flaky: ['a.spec.ts › one', 'b.spec.ts › two'], errors: [] };
    const total = { passed: 0, failed: 0, skipped: 0, flaky: [] as string[] };
    const own = addRunner(total, 'e2e', counts, new Map([['a.spec.ts › one', 'waits on a slow disk']]));
    expect(own).toEqual({ passed: 5, failed: 1, skipped: 1, flaky: 2, unlisted: 1 });
    addRunner(total, 'unit', countVitest({ numPassedTests: 10, numFailedTests: 0, numPendingTests: 2, success: true }), new Map());
    expect(closingLines(total)).toEqual([
      '2 flaky: e2e: a.spec.ts › one; e2e: b.spec.ts › two (not in tests/flaky.json)',
      '15 passed, 1 failed, 3 skipped',
    ]);
  });

  it('always ends with "N passed, N failed, N skipped", after the flaky line', () => {
    const lines = closingLines({ passed: 3, failed: 0, skipped: 0, flaky: [] });
    expect(lines).toEqual(['0 flaky: none', '3 passed, 0 failed, 0 skipped']);
    expect(lines.at(-1)).toMatch(/^\d+ passed, \d+ failed, \d+ skipped$/);
  });

  it('reads tests/flaky.json, refusing entries without a reason', () => {
    const file = path.join(work, 'flaky.json');
    writeFileSync(file, JSON.stringify({ tests: [{ name: 'x.spec.ts › t', reason: 'known race in the fixture' }, { name: 'y.spec.ts › u', reason: ' ' }] }));
    const { allowed, problems } = readFlakyAllowances(file);
    expect([...allowed]).toEqual([['x.spec.ts › t', 'known race in the fixture']]);
    expect(problems).toEqual([`${file}: entry 2 needs both a "name" and a "reason"`]);
    const repoList = readFlakyAllowances(path.join(REPO, 'tests', 'flaky.json'));
    expect(repoList.problems).toEqual([]);
  });
});
