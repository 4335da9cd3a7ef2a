/**
 * The renderer's initial script (npm run bench:bundle): builds the app (or uses the build in out/ when
 * FACTCHECK_E2E_PREBUILT=1), then sums what loads before the first paint — the entry script and every
 * chunk it imports statically — in gzip bytes. The baseline of the same run is all the renderer's
 * JavaScript: the ratio says which share of it the first paint waits for. Goal: ≤ 300 kB gzip.
 */
import { join } from 'node:path';
import { buildApp, REPO_ROOT } from '../../e2e/fixtures/buildApp';
import { measureScripts, type ChunkSize } from './initialScript';

const GOAL_KB = 300;
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const sum = (chunks: ChunkSize[], key: 'bytes' | 'gzip') => chunks.reduce((total, chunk) => total + chunk[key], 0);

buildApp();
const { initial, lazy } = measureScripts(join(REPO_ROOT, 'out', 'renderer'));
const initialGzip = sum(initial, 'gzip');
const allGzip = initialGzip + sum(lazy, 'gzip');

const rows = [...initial.map((c) => ({ ...c, when: 'initial' })), ...lazy.map((c) => ({ ...c, when: 'lazy' }))];
const width = Math.max(...rows.map((r) => r.file.length));
console.log('Renderer scripts (out/renderer; kB = 1,000 bytes; gzip level 9)\n');
console.log(`${'chunk'.padEnd(width)}  when       kB    gzip kB`);
for (const r of rows) console.log(`${r.file.padEnd(width)}  ${r.when.padEnd(7)} ${kb(r.bytes).padStart(8)} ${kb(r.gzip).padStart(9)}`);
console.log('');
console.log(`initial script: ${kb(sum(initial, 'bytes'))} kB, ${kb(initialGzip)} kB gzip in ${initial.length} chunk(s)`);
console.log(`all scripts (baseline): ${kb(allGzip)} kB gzip; initial / all = ${(initialGzip / allGzip).toFixed(2)}`);
const met = initialGzip <= GOAL_KB * 1000;
console.log(`goal: initial script ≤ ${GOAL_KB} kB gzip — met: ${met ? 'yes' : 'NO'}`);
process.exitCode = met ? 0 : 1;
