/**
 * The crash harness: starts the services in a child process (crashChild.ts) on one project again
 * and again and kill -9's it at one of five moments — during start-up, right on an acknowledged
 * save, while a save's temp file is being written (often a large one), after the child has been
 * idle with every edit saved, or after a random moment of editing. After every kill it checks the
 * project file parses as a valid project holding every acknowledged edit, and that the backup,
 * settings and recent list are valid; at the end it reopens the project and counts our temp files
 * still beside it. The child is bundled once per run (esbuild) so a kill costs a process start of
 * the services alone, not a TypeScript compile of them; every wait is on what the child reports or
 * on the file system, bounded by a watchdog.
 */
import { spawn } from 'node:child_process';
import { watch, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { parseProjectFile } from '../../../shared/projectFile';
import { openProjectStore } from '../../../electron/services/projectStore';
import { sha256Hex } from '../../../electron/services/intake/sha256';
import { REPO } from '../../unit/testPaths';
import { onLines } from '../../support/onLines';
import { isTempOf } from '../../../electron/services/durableWrite';

export interface CrashReport {
  kills: number;
  /** Kills per moment (start-up, on-ack, mid-write, after-idle, random). */
  moments: Record<Moment, number>;
  corrupt: number;
  lostAcknowledged: number;
  /** Our temp files beside the project at any moment after a kill (before the next open cleans up). */
  maxTempFilesAfterKill: number;
  /** Our temp files left after the final reopen (but for a lock's, below). */
  tempFilesLeft: number;
  /** Lock temp files younger than a minute left after the final reopen: by design removed only at an open a minute later (another process may be taking the lock). */
  lockTempsPending: number;
  largestProjectBytes: number;
  /** Kills after which the project's backup, the settings or the recent list did not parse as valid. */
  invalidBackupsOrSettings: number;
  problems: string[];
}

const CHILD = path.join(import.meta.dirname, 'crashChild.ts');
const INTAKE_WORKER = path.join(REPO, 'electron', 'services', 'intake', 'intakeWorker.ts');
const TEMP = /\.[0-9a-f]{12}\.tmp$/;
/** A child that has not reached its moment after this long is killed and reported (bounded loop). */
const WATCHDOG_MS = 60_000;

export type Moment = 'start-up' | 'on-ack' | 'mid-write' | 'after-idle' | 'random';
const MOMENTS: Moment[] = ['start-up', 'on-ack', 'mid-write', 'after-idle', 'random'];

/**
 * The child and the intake worker it starts, bundled into a folder inside the repository (so the
 * bundle finds node_modules); heavy readers stay in a chunk loaded only on first import, as in the app.
 */
async function bundleChild(): Promise<{ entry: string; dir: string }> {
  const parent = path.join(REPO, 'tests', '.tmp');
  await fs.mkdir(parent, { recursive: true });
  const dir = await fs.mkdtemp(path.join(parent, 'crash-child-'));
  const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning', outdir: dir } as const;
  await build({ ...common, entryPoints: [CHILD], splitting: true });
  await build({ ...common, entryPoints: [INTAKE_WORKER] });
  return { entry: path.join(dir, 'crashChild.js'), dir };
}

interface Plan {
  moment: Moment;
  /** start-up: ms after spawn; random: ms after ready; after-idle: ms after idle; mid-write: ms after the temp file appears. */
  delayMs: number;
  /** after-idle: edits made before going idle. */
  idleAfter?: number;
}

/** Runs one child until the chosen moment, kills it with SIGKILL; returns the highest acknowledged seq and how long start-up took. */
function runAndKill(entry: string, dataDir: string, project: string, pool: string, seed: number, plan: Plan): Promise<{ acked: number; stderr: string; readyMs?: number; reached: boolean }> {
  return new Promise((resolve, reject) => {
    const args = [entry, dataDir, project, String(seed), pool, ...(plan.idleAfter === undefined ? [] : [String(plan.idleAfter)])];
    const started = Date.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = -1;
    let stderr = '';
    let killed = false;
    let reached = false;
    let readyMs: number | undefined;
    let watcher: ReturnType<typeof watch> | undefined;
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    const killLater = (ms: number) => {
      reached = true;
      if (ms <= 0) kill();
      else setTimeout(kill, ms);
    };
    const watchdog = setTimeout(kill, WATCHDOG_MS);
    if (plan.moment === 'start-up') killLater(plan.delayMs);
    if (plan.moment === 'mid-write') {
      // The moment a save's temp file appears beside the project, the write is under way.
      const base = path.basename(project);
      watcher = watch(path.dirname(project), (_event, name) => {
        if (!reached && name && isTempOf(name, base)) killLater(plan.delayMs);
      });
    }
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    onLines(child.stdout, (line) => {
      if (line.startsWith('ack ')) {
        // Printed only once the save was on disk, so an ack read after the kill counts as well.
        acked = Math.max(acked, Number(line.slice(4)));
        if (plan.moment === 'on-ack' && !reached) killLater(0);
      } else if (line.startsWith('ready ')) {
        readyMs = Date.now() - started;
        if (plan.moment === 'random') killLater(plan.delayMs);
      } else if (line.startsWith('idle ')) {
        if (plan.moment === 'after-idle') killLater(plan.delayMs);
      }
    });
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(watchdog);
      watcher?.close();
      resolve({ acked, readyMs, reached, stderr: killed ? '' : stderr || 'the child exited by itself' });
    });
  });
}

async function tempFilesBeside(project: string): Promise<number> {
  const names = await fs.readdir(path.dirname(project));
  return names.filter((name) => name.startsWith(path.basename(project)) && TEMP.test(name)).length;
}

/** What is wrong with the project's `.bak`, `settings.json` or `recent.json` after a kill (a missing file is fine), or null. */
async function backupOrSettingsProblem(dataDir: string, project: string, checked: { backup: string }): Promise<string | null> {
  // The backup last found valid is known by inode, size and times: it is replaced only by a rename, so the same identity is the same bytes.
  const stat = await fs.stat(`${project}.bak`, { bigint: true }).catch(() => null);
  const identity = stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}` : '';
  const backup = stat && identity !== checked.backup ? await fs.readFile(`${project}.bak`, 'utf8').catch(() => null) : null;
  if (backup !== null) {
    const parsed = parseProjectFile(backup, sha256Hex);
    if (!parsed.ok) return `the backup is not a valid project: ${parsed.problem}`;
    checked.backup = identity;
  }
  const settings = await readJson(path.join(dataDir, 'settings.json'));
  if (settings.problem) return `settings.json: ${settings.problem}`;
  if (settings.value !== undefined && (settings.value as { userName?: unknown }).userName !== 'Crash Tester') return 'settings.json lost the user name';
  const recent = await readJson(path.join(dataDir, 'recent.json'));
  if (recent.problem) return `recent.json: ${recent.problem}`;
  if (recent.value !== undefined && !Array.isArray(recent.value)) return 'recent.json is not a list';
  return null;
}

async function readJson(file: string): Promise<{ value?: unknown; problem?: string }> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  if (text === null) return {};
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { problem: (err as Error).message };
  }
}

/**
 * `progress` is told the running figures after every kill (a long run stopped early still has them);
 * with `stopAt` (a Date.now() time) the run ends early there, still with its final reopen and count.
 */
export async function runCrashHarness(kills: number, seed = 20261128, progress?: (report: Readonly<CrashReport>) => void, stopAt = Infinity): Promise<CrashReport> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-crash-'));
  const dataDir = path.join(dir, 'data');
  const project = path.join(dir, 'projects', 'crash.factcheck.json');
  const pool = path.join(dir, 'article-pool.json');
  await fs.mkdir(path.dirname(project), { recursive: true });
  let state = seed >>> 0;
  const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const moments = Object.fromEntries(MOMENTS.map((m) => [m, 0])) as Record<Moment, number>;
  const report: CrashReport = { kills: 0, moments, corrupt: 0, lostAcknowledged: 0, maxTempFilesAfterKill: 0, tempFilesLeft: 0, lockTempsPending: 0, largestProjectBytes: 0, invalidBackupsOrSettings: 0, problems: [] };
  const checked = { backup: '' };
  let acknowledged = -1;
  let readyMs = 1000;
  const child = await bundleChild();
  try {
    for (let i = 0; i < kills && Date.now() < stopAt; i++) {
      const roll = random();
      const moment: Moment = roll < 0.15 ? 'start-up' : roll < 0.4 ? 'on-ack' : roll < 0.6 ? 'mid-write' : roll < 0.7 ? 'after-idle' : 'random';
      const r = random();
      const plan: Plan =
        moment === 'start-up' ? { moment, delayMs: Math.floor(r * readyMs * 1.2) }
        : moment === 'mid-write' ? { moment, delayMs: r < 0.5 ? 0 : Math.floor(r * 60) }
        : moment === 'after-idle' ? { moment, delayMs: 200 + Math.floor(r * 1300), idleAfter: Math.floor(random() * 6) }
        : { moment, delayMs: Math.floor(r * 1000) };
      const run = await runAndKill(child.entry, dataDir, project, pool, Math.floor(random() * 2 ** 31), plan);
      if (run.readyMs !== undefined) readyMs = run.readyMs;
      moments[moment]++;
      if (!run.reached) report.problems.push(`kill ${i} (${moment}): the moment was not reached within ${WATCHDOG_MS / 1000} s`);
      report.kills++;
      if (run.stderr) report.problems.push(`kill ${i}: ${run.stderr.slice(0, 500)}`);
      acknowledged = Math.max(acknowledged, run.acked);
      report.maxTempFilesAfterKill = Math.max(report.maxTempFilesAfterKill, await tempFilesBeside(project));
      const sideProblem = await backupOrSettingsProblem(dataDir, project, checked);
      if (sideProblem) {
        report.invalidBackupsOrSettings++;
        report.problems.push(`kill ${i} (${moment}): ${sideProblem}`);
      }
      const text = await fs.readFile(project, 'utf8').catch(() => null);
      if (text === null) {
        if (acknowledged >= 0) {
          report.corrupt++;
          report.problems.push(`kill ${i}: the project file is gone`);
        }
        progress?.(report);
        continue;
      }
      report.largestProjectBytes = Math.max(report.largestProjectBytes, Buffer.byteLength(text));
      const parsed = parseProjectFile(text, sha256Hex);
      if (!parsed.ok) {
        report.corrupt++;
        report.problems.push(`kill ${i} (${moment}): ${parsed.problem}`);
        progress?.(report);
        continue;
      }
      if (parsed.project.history.length < acknowledged) {
        report.lostAcknowledged++;
        report.problems.push(`kill ${i} (${moment}): ${acknowledged} edits acknowledged, ${parsed.project.history.length} on disk`);
      }
      progress?.(report);
    }
    const store = await openProjectStore(project);
    const lockTemps = (await fs.readdir(path.dirname(project))).filter((name) => isTempOf(name, `${path.basename(project)}.lock`)).length;
    report.lockTempsPending = lockTemps;
    report.tempFilesLeft = (await tempFilesBeside(project)) - lockTemps;
    await store.close();
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(child.dir, { recursive: true, force: true });
  }
  return report;
}
