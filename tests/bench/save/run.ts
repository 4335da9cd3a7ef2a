/**
 * Save budget (npm run bench:save): a generated project of 10,000 claims (10 articles × 1,000, each
 * claim marked by a history entry, plus edits) saved by the project store, against a baseline measured
 * in the same run on the same data: `JSON.stringify(project)` + write + fsync of a new file. Median
 * of RUNS.
 *   save            — one change, then the store's durable write (temp file, fsync, backup, rename,
 *                     folder fsync), as every save after the first one is
 *   first save      — the first save after opening (no item's text known yet)
 *   longest stall   — the longest the main side's event loop was held during a save (what a renderer
 *                     call waits at most; the renderer itself never waits for a save)
 *   idle stall      — the same probe for as long as a save, with no save running: the machine's own
 *                     noise (other processes, GC), printed so a missed stall goal can be read against it
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openProjectStore, type ProjectStore } from '../../../electron/services/projectStore';
import { serializeProject } from '../../../shared/projectFile';
import { generateLongHistoryProject } from '../../support/largeHistory';
import { reportResult } from '../benchResult';
import { median } from '../median';

const RUNS = 7;
const RATIO_GOAL = 1.5;
const STALL_GOAL_MS = 50;

const ms = (value: number) => `${value.toFixed(0)} ms`;
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

/** Runs `work` while timing the gaps between event-loop turns; returns its time and the longest gap. */
async function withStallProbe(work: () => Promise<unknown>): Promise<{ time: number; stall: number }> {
  let last = performance.now();
  let stall = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const t0 = performance.now();
  await work();
  const time = performance.now() - t0;
  running = false;
  stall = Math.max(stall, performance.now() - last);
  return { time, stall };
}

let edits = 0;
function change(store: ProjectStore): void {
  const claim = store.project.claims[(edits * 37) % store.project.claims.length]!;
  edits++;
  store.apply(store.project.history.length, [{ kind: 'do', op: { type: 'editClaim', claimId: claim.id, changes: { claimant: `Speaker ${edits}` } } }], () => ({
    author: 'Bench',
    at: new Date().toISOString(),
    id: `bench-${edits}`,
  }));
}

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-save-bench-'));
try {
  const file = path.join(dir, 'save.factcheck.json');
  const project = generateLongHistoryProject({ articles: 10, claimsPerArticle: 1000, paragraphs: 500, historyEntries: 12_000 });
  await fs.writeFile(file, serializeProject(project));
  console.log(`project: ${project.claims.length.toLocaleString('en')} claims, ${project.history.length.toLocaleString('en')} history entries, ${((await fs.stat(file)).size / 1e6).toFixed(1)} MB`);

  const options = { lock: false, debounceMs: 3_600_000, maxDelayMs: 3_600_000 };
  const store = await openProjectStore(file, options);
  const baselines: number[] = [];
  const baselineStalls: number[] = [];
  const saves: number[] = [];
  const stalls: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    change(store);
    const data = store.project;
    const base = await withStallProbe(async () => {
      const handle = await fs.open(path.join(dir, `baseline-${i}.json`), 'wx');
      await handle.writeFile(JSON.stringify(data));
      await handle.sync();
      await handle.close();
    });
    baselines.push(base.time);
    baselineStalls.push(base.stall);
    const save = await withStallProbe(() => store.flush());
    saves.push(save.time);
    stalls.push(save.stall);
  }
  await store.close();

  const idleStalls: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    idleStalls.push((await withStallProbe(() => new Promise((resolve) => setTimeout(resolve, median(saves))))).stall);
  }

  const firsts: number[] = [];
  const firstStalls: number[] = [];
  for (let i = 0; i < 3; i++) {
    const fresh = await openProjectStore(file, options);
    change(fresh);
    const first = await withStallProbe(() => fresh.flush());
    firsts.push(first.time);
    firstStalls.push(first.stall);
    await fresh.close();
  }

  const baseline = median(baselines);
  const save = median(saves);
  const first = median(firsts);
  const stall = Math.max(...stalls, ...firstStalls);
  const saveMet = save / baseline <= RATIO_GOAL;
  const firstMet = first / baseline <= RATIO_GOAL;
  const stallMet = stall <= STALL_GOAL_MS;
  console.log(`baseline (JSON.stringify + write + fsync): ${ms(baseline)} (longest stall ${ms(Math.max(...baselineStalls))})`);
  console.log(`save after a change: ${ms(save)} → ×${(save / baseline).toFixed(2)}; goal ≤ ×${RATIO_GOAL}: ${verdict(saveMet)}`);
  console.log(`first save after opening: ${ms(first)} → ×${(first / baseline).toFixed(2)}; goal ≤ ×${RATIO_GOAL}: ${verdict(firstMet)}`);
  console.log(
    `longest main-side stall during a save: ${ms(stall)} (later saves ${ms(Math.max(...stalls))}, median of their longest ${ms(median(stalls))}; first saves ${ms(Math.max(...firstStalls))}); goal ≤ ${STALL_GOAL_MS} ms: ${verdict(stallMet)}`,
  );
  console.log(`longest stall with no save running (machine noise): ${ms(Math.max(...idleStalls))}`);
  reportResult({ measure: 'baseline: JSON.stringify + write + fsync, 10,000 claims', result: ms(baseline), goal: '—', met: null });
  reportResult({ measure: 'save of a 10,000-claim project', result: `${ms(save)} (×${(save / baseline).toFixed(2)})`, goal: `≤ ×${RATIO_GOAL}`, met: saveMet });
  reportResult({ measure: 'first save after opening', result: `${ms(first)} (×${(first / baseline).toFixed(2)})`, goal: `≤ ×${RATIO_GOAL}`, met: firstMet });
  reportResult({ measure: 'longest main-side stall during saves', result: `${ms(stall)} (idle: ${ms(Math.max(...idleStalls))})`, goal: `≤ ${STALL_GOAL_MS} ms`, met: stallMet });
} finally {
  await fs.rm(dir, { recursive: true, force: true });
}
