/**
 * History growth (npm run bench:history): a generated project of 10 articles × 500 claims with
 * 100,000 history entries (stamped, signed-looking, verdicts, edits, comments, undo/redo), opened
 * the way the app opens it. Baseline in the same run: reading the file and `JSON.parse` of its text,
 * the least any open of one JSON file can cost. Median of RUNS.
 *   open (store)     — openProjectStore: read, parse, check, repairs (what the main side waits for)
 *   open (contract)  — createWorkbench().openProject as the window asks for it (the history's last
 *                      HISTORY_TAIL entries and its length; the rest is paged in after the first
 *                      paint), its reply serialized and parsed as the browser host and the page do
 *   full reply       — the same without the opt-in: the whole history in the reply (raw clients)
 *   former open      — read + JSON.parse + every entry's operations validated in full (the old path)
 *   undo, save       — the first undo after opening (everyone's, and one person's own as a team
 *                      member's undo is), the save of it, and a later save for comparison
 *   merge            — one received entry merged into a 20,000-entry history: the first merge after
 *                      opening (a replay of every entry), then three newer entries after a local change
 *                      (the last replay resumed; baseline: one apply) and one entry sorting 1,000 back
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createWorkbench } from '../../../electron/services/workbench';
import { openProjectStore } from '../../../electron/services/projectStore';
import { apply, invert, ProjectSchema, type HistoryEntry, type Operation } from '../../../shared/operations';
import { formatHlc } from '../../../shared/sync/hlc';
import { writeLongHistoryProject } from '../../support/largeHistory';
import { reportResult } from '../benchResult';
import { median } from '../median';

const ENTRIES = 100_000;
const MERGE_ENTRIES = 20_000;
const RUNS = 3;
const OPEN_GOAL_MS = 2000;
const OP_GOAL_MS = 50;
/** The entries the window asks for with its open (renderer/src/store/projectSession.ts). */
const HISTORY_TAIL = 200;

/** Each timed run starts with the heap the last one left collected (npm run bench:history passes --expose-gc). */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  await handle.sync();
  await handle.close();
}

async function timed(run: () => Promise<unknown> | unknown, runs = RUNS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-history-bench-'));
try {
  const file = path.join(dir, 'history.factcheck.json');
  let t0 = performance.now();
  await writeLongHistoryProject(file, { articles: 10, claimsPerArticle: 500, paragraphs: 250, historyEntries: ENTRIES });
  // On disk before anything is timed: otherwise the first save's fsync also writes out the generated file.
  await syncFile(file);
  const size = (await fs.stat(file)).size;
  console.log(`generated ${ENTRIES.toLocaleString('en')} entries, ${(size / 1e6).toFixed(1)} MB, in ${ms(performance.now() - t0)}`);

  const baseline = await timed(async () => JSON.parse(await fs.readFile(file, 'utf8')));
  const former = await timed(async () => ProjectSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8'))).success || process.exit(1), 1);
  const store = await timed(async () => (await openProjectStore(file, { lock: false })).close());

  const dataDir = path.join(dir, 'data');
  // From the call to the reply parsed in the page (closing the workbench afterwards is not part of it).
  const openThroughContract = async (historyTail: number | undefined, runs = RUNS) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const workbench = createWorkbench({ dataDir, mode: 'browser', version: 'bench', resourcesDir: path.join(dir, 'none') });
      collectGarbage();
      const started = performance.now();
      const reply = await workbench.openProject(historyTail === undefined ? { path: file } : { path: file, historyTail });
      const received = JSON.parse(JSON.stringify({ ok: true, value: reply })) as { value: { project: { history: unknown[] }; historyTotal?: number } };
      times.push(performance.now() - started);
      const total = received.value.historyTotal ?? received.value.project.history.length;
      if (total !== ENTRIES || received.value.project.history.length !== Math.min(ENTRIES, historyTail ?? ENTRIES)) throw new Error('the reply lost entries');
      await workbench.dispose();
    }
    return median(times);
  };
  const contract = await openThroughContract(HISTORY_TAIL);
  const fullReply = await openThroughContract(undefined, 1);

  console.log(`baseline: read + JSON.parse ${ms(baseline)}`);
  console.log(`former open (every operation validated in full): ${ms(former)} (×${(former / baseline).toFixed(2)})`);
  console.log(`open (store): ${ms(store)} (×${(store / baseline).toFixed(2)}); goal < ${ms(OPEN_GOAL_MS)}`);
  console.log(`open (contract, last ${HISTORY_TAIL} entries, reply serialized and parsed): ${ms(contract)} (×${(contract / baseline).toFixed(2)}); goal < ${ms(OPEN_GOAL_MS)}`);
  console.log(`open (contract, whole history in the reply, for clients that do not page): ${ms(fullReply)} (×${(fullReply / baseline).toFixed(2)})`);
  reportResult({ measure: `baseline: read + JSON.parse, ${(size / 1e6).toFixed(0)} MB`, result: ms(baseline), goal: '—', met: null });
  reportResult({ measure: 'former open (all operations validated)', result: `${ms(former)} (×${(former / baseline).toFixed(2)})`, goal: '—', met: null });
  reportResult({ measure: 'open 100,000 entries (store)', result: `${ms(store)} (×${(store / baseline).toFixed(2)})`, goal: `< ${ms(OPEN_GOAL_MS)}`, met: store < OPEN_GOAL_MS });
  reportResult({ measure: 'open 100,000 entries (contract reply, window)', result: `${ms(contract)} (×${(contract / baseline).toFixed(2)})`, goal: `< ${ms(OPEN_GOAL_MS)}`, met: contract < OPEN_GOAL_MS });
  reportResult({ measure: 'open 100,000 entries (contract reply, whole history)', result: `${ms(fullReply)} (×${(fullReply / baseline).toFixed(2)})`, goal: '—', met: null });

  // The first undo after opening, and its save; then a later change's save.
  const opened = await openProjectStore(file, { lock: false, debounceMs: 60_000, maxDelayMs: 60_000 });
  collectGarbage();
  t0 = performance.now();
  opened.apply(ENTRIES, [{ kind: 'undo' }], () => ({ author: 'Bench', at: new Date().toISOString(), id: 'bench-undo' }));
  const undo = performance.now() - t0;
  t0 = performance.now();
  await opened.flush();
  const save = performance.now() - t0;
  // One person's own undo (a team member's, as the app stamps it): their stacks are worked out on first use.
  t0 = performance.now();
  opened.apply(ENTRIES + 1, [{ kind: 'undo' }], () => ({ author: 'Ana Checker', at: new Date().toISOString(), id: 'bench-own-undo', keyId: 'k-ana-0000000001', device: 'device-ana-laptop', hlc: formatHlc({ wallMs: Date.UTC(2027, 0, 1), counter: 0 }) }));
  const ownUndo = performance.now() - t0;
  t0 = performance.now();
  opened.apply(ENTRIES + 2, [{ kind: 'undo' }], () => ({ author: 'Ana Checker', at: new Date().toISOString(), id: 'bench-own-undo-2', keyId: 'k-ana-0000000001', device: 'device-ana-laptop', hlc: formatHlc({ wallMs: Date.UTC(2027, 0, 1), counter: 1 }) }));
  const nextUndo = performance.now() - t0;
  t0 = performance.now();
  await opened.flush();
  const laterSave = performance.now() - t0;
  await opened.close();
  console.log(`undo: ${ms(undo)} (goal ≤ ${OP_GOAL_MS} ms); one person's own undo: first ${ms(ownUndo)}, next ${ms(nextUndo)}`);
  console.log(`first save after opening: ${ms(save)}; a later save: ${ms(laterSave)} (×${(save / laterSave).toFixed(2)})`);
  reportResult({ measure: 'undo on 100,000 entries (main side)', result: ms(undo), goal: `≤ ${OP_GOAL_MS} ms`, met: undo <= OP_GOAL_MS });
  reportResult({ measure: 'own undo on 100,000 entries (first / next; the app prepares the first after opening)', result: `${ms(ownUndo)} / ${ms(nextUndo)}`, goal: `≤ ${OP_GOAL_MS} ms`, met: nextUndo <= OP_GOAL_MS });
  reportResult({ measure: 'first save after opening 100,000 entries', result: `${ms(save)} (×${(save / baseline).toFixed(2)} of read + parse; ×${(save / laterSave).toFixed(2)} of a later save)`, goal: '≈ a later save', met: save <= laterSave * 1.5 });

  // Merging into a 20,000-entry history (shared/sync/merge.ts). The first merge after opening replays
  // every entry (nothing of an earlier replay is at hand); later ones resume that replay from where the
  // earliest new entry sorts: received entries newer than the history cost about applying them.
  const mergeFile = path.join(dir, 'merge.factcheck.json');
  await writeLongHistoryProject(mergeFile, { articles: 10, claimsPerArticle: 500, paragraphs: 250, historyEntries: MERGE_ENTRIES });
  await syncFile(mergeFile);
  const mergeStore = await openProjectStore(mergeFile, { lock: false, debounceMs: 60_000, maxDelayMs: 60_000 });
  let minute = 0;
  const colleague = (id: string, op: Operation, back = 0): HistoryEntry => {
    const wallMs = back > 0 ? Date.parse(mergeStore.project.history.at(-back)!.at) + 1 : Date.UTC(2027, 0, 1) + ++minute * 60_000;
    return {
      seq: 0,
      id,
      at: new Date(wallMs).toISOString(),
      author: 'Colleague',
      keyId: 'k-colleague-0000003',
      device: 'device-colleague',
      hlc: formatHlc({ wallMs, counter: 0 }),
      kind: 'do',
      op,
      inverse: invert(mergeStore.project, op),
    };
  };
  const claimId = mergeStore.project.claims[7]!.id;
  t0 = performance.now();
  const merged = mergeStore.merge([colleague('bench-received', { type: 'renameProject', title: 'Merged' })]);
  const merge = performance.now() - t0;
  console.log(`merge of 1 entry into ${MERGE_ENTRIES.toLocaleString('en')}, first after opening (replays all): ${ms(merge)} (${merged.added} added, ${merged.replayed} replayed, ${merged.conflicts} conflicts)`);
  reportResult({ measure: `merge 1 entry into ${MERGE_ENTRIES.toLocaleString('en')}, first after opening (replays all)`, result: ms(merge), goal: '—', met: null });

  // Baseline: applying the same kind of operation once to the project (what a merge of it cannot go below).
  const editOp: Operation = { type: 'editClaim', claimId, changes: { claimant: 'Baseline' } };
  const applyOnce = await timed(() => apply(mergeStore.project, editOp), 5);
  // A local change (stamped, like the app's), then three received entries newer than everything.
  mergeStore.apply(mergeStore.project.history.length, [{ kind: 'do', op: { type: 'editClaim', claimId, changes: { statement: 'Edited here' } } }], () => ({
    author: 'Bench',
    at: new Date(Date.UTC(2027, 0, 1, 12)).toISOString(),
    id: 'bench-local',
    keyId: 'k-bench-000000009',
    device: 'device-bench',
    hlc: formatHlc({ wallMs: Date.UTC(2027, 0, 1, 12), counter: 0 }),
  }));
  const newer = [1, 2, 3].map((n) => colleague(`bench-newer-${n}`, { type: 'editClaim', claimId: mergeStore.project.claims[n]!.id, changes: { claimant: `Colleague ${n}` } }));
  t0 = performance.now();
  const tail = mergeStore.merge(newer);
  const mergeTail = performance.now() - t0;
  // One received entry that sorts 1,000 entries back (made offline a while ago).
  const older = colleague('bench-older', { type: 'editClaim', claimId: mergeStore.project.claims[9]!.id, changes: { claimant: 'Offline' } }, 1000);
  t0 = performance.now();
  const middle = mergeStore.merge([older]);
  const mergeMiddle = performance.now() - t0;
  await mergeStore.close({ force: true });
  console.log(`apply one operation (baseline): ${applyOnce.toFixed(2)} ms`);
  console.log(
    `next merge, 3 newer entries after a local change: ${mergeTail.toFixed(1)} ms (${tail.replayed} replayed, ×${(mergeTail / applyOnce).toFixed(1)} of one apply, ×${(merge / mergeTail).toFixed(0)} faster than the full replay); goal ≤ ${OP_GOAL_MS} ms`,
  );
  console.log(`merge of 1 entry sorting 1,000 back: ${ms(mergeMiddle)} (${middle.replayed} replayed)`);
  reportResult({ measure: 'next merge: 3 newer entries after a local change', result: `${mergeTail.toFixed(1)} ms (${tail.replayed} replayed; ×${(mergeTail / applyOnce).toFixed(1)} of one apply)`, goal: `≤ ${OP_GOAL_MS} ms`, met: mergeTail <= OP_GOAL_MS });
  reportResult({ measure: 'merge 1 entry sorting 1,000 entries back', result: `${ms(mergeMiddle)} (${middle.replayed} replayed)`, goal: '—', met: null });
} finally {
  await fs.rm(dir, { recursive: true, force: true });
}
