/**
 * The closing table of `npm run bench`: rows read from each bench's output, one table at the end.
 *
 * A bench reports a row with a line `bench-result {"measure":…,"result":…,"goal":…,"met":true|false}`
 * (tests/bench/benchResult.ts prints them). A bench that prints none gives one row per line that
 * says whether a goal was met ("… met", "… MISSED", "… NOT met"); one that fails to run (exit code,
 * signal, time-out) gives a row saying so, whatever it printed before.
 */

export const RESULT_PREFIX = 'bench-result ';

const MISSED = /\b(MISSED|NOT met|NOT MET|GOAL NOT MET|not met)\b/;
const MET = /\bmet\b/;

/** The rows a bench's output and exit give. `run`: { code, signal, timedOut, error }. */
export function rowsOf(bench, output, run) {
  const rows = [];
  const verdictLines = [];
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trim();
    const at = line.indexOf(RESULT_PREFIX.trim());
    if (at >= 0) {
      const row = parseResult(bench, line.slice(at + RESULT_PREFIX.trim().length).trim());
      if (row) rows.push(row);
      continue;
    }
    if (MISSED.test(line) || MET.test(line)) verdictLines.push(line);
  }
  if (rows.length === 0) {
    for (const line of verdictLines) {
      rows.push({ bench, measure: clip(line, 90), result: '(see the line)', goal: '(see the line)', met: !MISSED.test(line) });
    }
  }
  const failure = failureOf(run);
  if (failure) rows.push({ bench, measure: 'the bench run', result: failure, goal: 'runs to the end', met: false });
  else if (rows.length === 0) rows.push({ bench, measure: 'the bench run', result: 'exit 0, no goal printed', goal: '—', met: null });
  return rows;
}

function parseResult(bench, json) {
  try {
    const value = JSON.parse(json);
    if (typeof value !== 'object' || value === null) return null;
    return {
      bench: typeof value.bench === 'string' ? value.bench : bench,
      measure: String(value.measure ?? ''),
      result: String(value.result ?? ''),
      goal: String(value.goal ?? ''),
      met: typeof value.met === 'boolean' ? value.met : null,
    };
  } catch {
    return null;
  }
}

function failureOf(run) {
  if (run.timedOut) return `failed: timed out after ${run.timedOut}`;
  if (run.error) return `failed: ${run.error}`;
  if (run.signal) return `failed: killed by ${run.signal}`;
  if (run.code !== 0) return `failed (exit ${run.code})`;
  return null;
}

function clip(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The table: a header, a rule, one line per row, columns padded. */
export function renderTable(rows) {
  const header = ['bench', 'measure', 'result', 'goal', 'met'];
  const cells = rows.map((row) => [row.bench, row.measure, row.result, row.goal, row.met === null ? '—' : row.met ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values) => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}
