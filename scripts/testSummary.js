/**
 * Counting test results for `npm test` (scripts/test-all.js): what each runner's JSON report says,
 * which tests were flaky (failed, then passed on a retry), and the closing lines
 *
 *   N flaky: <names>
 *   N passed, N failed, N skipped
 *
 * A flaky test is never counted as passed. One listed in tests/flaky.json with a reason is reported
 * on the flaky line only; any other flaky test counts as failed, so CI fails on it.
 */
import { existsSync, readFileSync } from 'node:fs';

/** Vitest's JSON report (no retries are configured for unit tests, so nothing there is flaky). */
export function countVitest(json) {
  return {
    passed: json.numPassedTests ?? 0,
    failed: json.numFailedTests ?? 0,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    flaky: [],
    errors: json.success === false && (json.numFailedTests ?? 0) === 0 ? ['vitest reported errors outside the tests'] : [],
  };
}

/** Playwright's JSON report: expected tests passed, unexpected failed, flaky ones named. */
export function countPlaywright(json) {
  const stats = json.stats ?? {};
  return {
    passed: stats.expected ?? 0,
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
    flaky: flakyTestNames(json),
    errors: (json.errors ?? []).map((e) => e.message ?? String(e)),
  };
}

/** "file › describe › title" of every test Playwright reports as flaky. */
export function flakyTestNames(json) {
  const names = [];
  const walk = (suite, path) => {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) if (test.status === 'flaky') names.push([...here, spec.title].join(' › '));
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of json.suites ?? []) walk(suite, []);
  return names;
}

/**
 * The tests allowed to be flaky: tests/flaky.json, `{ "tests": [{ "name": "file › title", "reason": "…" }] }`.
 * An entry without a reason is an error, not an allowance.
 */
export function readFlakyAllowances(file) {
  if (!existsSync(file)) return { allowed: new Map(), problems: [] };
  let json;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { allowed: new Map(), problems: [`${file} is not valid JSON (${err.message})`] };
  }
  const allowed = new Map();
  const problems = [];
  for (const [i, entry] of (Array.isArray(json.tests) ? json.tests : []).entries()) {
    const name = typeof entry?.name === 'string' ? entry.name.trim() : '';
    const reason = typeof entry?.reason === 'string' ? entry.reason.trim() : '';
    if (!name || !reason) problems.push(`${file}: entry ${i + 1} needs both a "name" and a "reason"`);
    else allowed.set(name, reason);
  }
  if (!Array.isArray(json.tests)) problems.push(`${file} must hold { "tests": [ … ] }`);
  return { allowed, problems };
}

/**
 * Adds one runner's counts to the total: its flaky tests not allowed count as failed, allowed ones
 * are only named. Returns the runner's own line figures.
 */
export function addRunner(total, runnerName, counts, allowed) {
  const unlisted = counts.flaky.filter((name) => !allowed.has(name));
  const failed = counts.failed + unlisted.length;
  total.passed += counts.passed;
  total.failed += failed;
  total.skipped += counts.skipped;
  for (const name of counts.flaky) total.flaky.push(`${runnerName}: ${name}${allowed.has(name) ? '' : ' (not in tests/flaky.json)'}`);
  return { passed: counts.passed, failed, skipped: counts.skipped, flaky: counts.flaky.length, unlisted: unlisted.length };
}

/** The two closing lines: the flaky tests by name, then the totals (the very last line CI reads). */
export function closingLines(total) {
  return [
    `${total.flaky.length} flaky: ${total.flaky.length ? total.flaky.join('; ') : 'none'}`,
    `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`,
  ];
}
