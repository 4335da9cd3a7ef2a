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
import path from 'node:path';

/** Vitest's JSON report (no retries are configured for unit tests, so nothing there is flaky). */
export function countVitest(json) {
  return {
    passed: json.numPassedTests ?? 0,
    failed: json.numFailedTests ?? 0,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    flaky: [],
    failures: vitestFailures(json),
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
    failures: playwrightFailures(json),
    errors: (json.errors ?? []).map((e) => e.message ?? String(e)),
  };
}

/**
 * What a failure said, in one line for the summary CI prints last: the message's first line, and
 * a property test's seed, path and shrunk counterexample when it names them (so it can be replayed).
 */
export function failureGist(message) {
  const text = String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const first = lines[0] ?? 'no message';
  const seed = lines.find((line) => /\bseed\b.*\bpath\b/i.test(line) && line !== first);
  const counterexample = lines.find((line) => line.startsWith('Counterexample:'));
  return [first, seed && `(${seed})`, counterexample].filter(Boolean).join(' ').slice(0, 600);
}

/** "file › test: what it said" of every failed test in a vitest JSON report, and of files that failed outside a test. */
export function vitestFailures(json) {
  const failures = [];
  for (const file of json.testResults ?? []) {
    const name = path.relative(process.cwd(), file.name ?? '') || String(file.name);
    const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failed) failures.push(`${name} › ${test.fullName ?? test.title}: ${failureGist(test.failureMessages?.[0])}`);
    if (failed.length === 0 && file.status === 'failed') failures.push(`${name}: ${failureGist(file.message)}`);
  }
  return failures;
}

/** "file › describe › title: what it said" of every test Playwright reports as failed (unexpected). */
export function playwrightFailures(json) {
  const failures = [];
  walkPlaywrightTests(json, (here, spec, test) => {
    if (test.status !== 'unexpected') return;
    const last = (test.results ?? []).at(-1);
    failures.push(`${[...here, spec.title].join(' › ')}: ${failureGist(last?.error?.message ?? last?.status)}`);
  });
  return failures;
}

/** "file › describe › title" of every test Playwright reports as flaky. */
export function flakyTestNames(json) {
  const names = [];
  walkPlaywrightTests(json, (here, spec, test) => {
    if (test.status === 'flaky') names.push([...here, spec.title].join(' › '));
  });
  return names;
}

/** Calls visit(titles of the suites around it, spec, test) for every test of a Playwright JSON report. */
function walkPlaywrightTests(json, visit) {
  const walk = (suite, titles) => {
    const here = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) for (const test of spec.tests ?? []) visit(here, spec, test);
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of json.suites ?? []) walk(suite, []);
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
  for (const failure of counts.failures ?? []) (total.failures ??= []).push(`${runnerName}: ${failure}`);
  return { passed: counts.passed, failed, skipped: counts.skipped, flaky: counts.flaky.length, unlisted: unlisted.length };
}

/**
 * The closing lines: each failed test with what it said (when any failed), the flaky tests by
 * name, then the totals (the very last line CI reads).
 */
export function closingLines(total) {
  const failures = total.failures ?? [];
  return [
    ...(failures.length ? [`${failures.length} failed test${failures.length === 1 ? '' : 's'}:`, ...failures.map((f) => `  ${f}`)] : []),
    `${total.flaky.length} flaky: ${total.flaky.length ? total.flaky.join('; ') : 'none'}`,
    `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`,
  ];
}
