/**
 * Markdown-in-reports benchmark (run on demand: npm run bench:markdown). Renders rationales of
 * 16 KB and 160 KB — ordinary prose, and the pathological lines that used to take seconds (unclosed
 * brackets, links and emphasis) — through the report renderer (markdownToSafeHtml) and through a
 * whole HTML report of a project holding that rationale. The baseline is the 16 KB time of the same
 * input in the same run; linear work scales ×10 with ×10 the text (quadratic would be ×100).
 * Goal: every ratio ≤ 20.
 */
import { performance } from 'node:perf_hooks';
import { markdownToSafeHtml } from '../../../shared/interop/markdownLite';
import { renderHtmlReport } from '../../../shared/interop/htmlReport';
import { fixedProject, GENERATED_AT } from '../../unit/shared/interop/helpers';

const GOAL = 20;
const SMALL = 16 * 1024;
const LARGE = 160 * 1024;

const INPUTS: Record<string, (n: number) => string> = {
  prose: (n) => repeatTo('The accounts show **3.8 percent**, see [the table](https://council.example.org/t). Rounded *up*.\n\n- one\n- two\n\n', n),
  'unclosed brackets': (n) => '['.repeat(n),
  'links never closed': (n) => repeatTo('[a](b ', n),
  'unclosed strong': (n) => repeatTo('**a ', n),
  'unclosed emphasis': (n) => repeatTo('*a ', n),
  'unclosed underscores': (n) => repeatTo('_a ', n),
};

function repeatTo(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** Milliseconds per run: the median of 7 samples, each repeating the run for at least 50 ms. */
function time(run: () => void): number {
  let repeat = 1;
  for (;;) {
    const started = performance.now();
    for (let i = 0; i < repeat; i++) run();
    if (performance.now() - started >= 50) break;
    repeat *= 2;
  }
  const samples: number[] = [];
  for (let s = 0; s < 7; s++) {
    const started = performance.now();
    for (let i = 0; i < repeat; i++) run();
    samples.push((performance.now() - started) / repeat);
  }
  return samples.sort((a, b) => a - b)[3]!;
}

function reportWith(rationale: string) {
  const project = fixedProject();
  return { ...project, claims: project.claims.map((c, i) => (i === 0 ? { ...c, verdict: { ...c.verdict, rationale } } : c)) };
}

let met = true;
console.log(`Markdown in reports: 16 KB vs 160 KB (goal: 160 KB time ≤ ${GOAL} × 16 KB time)\n`);
console.log('input                  renderer 16 KB   160 KB   ratio | whole report 16 KB   160 KB   ratio');
for (const [name, make] of Object.entries(INPUTS)) {
  const small = make(SMALL);
  const large = make(LARGE);
  const a = time(() => markdownToSafeHtml(small));
  const b = time(() => markdownToSafeHtml(large));
  const smallProject = reportWith(small);
  const largeProject = reportWith(large);
  const c = time(() => renderHtmlReport(smallProject, { generatedAt: GENERATED_AT }));
  const d = time(() => renderHtmlReport(largeProject, { generatedAt: GENERATED_AT }));
  const ratio = b / a;
  const reportRatio = d / c;
  if (ratio > GOAL || reportRatio > GOAL) met = false;
  console.log(
    `${name.padEnd(22)} ${a.toFixed(1).padStart(10)} ms ${b.toFixed(2).padStart(7)} ms ${ratio.toFixed(1).padStart(6)} | ${c.toFixed(2).padStart(14)} ms ${d.toFixed(2).padStart(7)} ms ${reportRatio.toFixed(1).padStart(6)}`,
  );
}
console.log(`\nGoal (every ratio ≤ ${GOAL}, i.e. linear): ${met ? 'met' : 'NOT met'}`);
