/**
 * The crash harness: starts the services in a child process (crashChild.ts) on one project again
 * and again and kill -9's it at random points — during start-up, right on an acknowledged save,
 * or after a random moment of editing (often mid-write). After every kill it checks the project
 * file parses as a valid project holding every acknowledged edit; at the end it reopens the project
 * and counts our temp files still beside it.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseProjectFile } from '../../../shared/projectFile';
import { openProjectStore } from '../../../electron/services/projectStore';
import { sha256Hex } from '../../../electron/services/intake/sha256';

export interface CrashReport {
  kills: number;
  corrupt: number;
  lostAcknowledged: number;
  /** Our temp files beside the project at any moment after a kill (before the next open cleans up). */
  maxTempFilesAfterKill: number;
  /** Our temp files left after the final reopen. */
  tempFilesLeft: number;
  largestProjectBytes: number;
  /** Kills after which the project's backup, the settings or the recent list did not parse as valid. */
  invalidBackupsOrSettings: number;
  problems: string[];
}

const CHILD = path.join(import.meta.dirname, 'crashChild.ts');
const TEMP = /\.[0-9a-f]{12}\.tmp$/;

type Moment = 'start-up' | 'on-ack' | 'random';

/** Runs one child until the chosen moment, kills it with SIGKILL; returns the highest acknowledged seq. */
function runAndKill(dataDir: string, project: string, seed: number, moment: Moment, delayMs: number): Promise<{ acked: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, project, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = -1;
    let out = '';
    let stderr = '';
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill('SIGKILL');
    };
    // Bounded: a child that never gets ready is killed after 60 s and reported.
    const watchdog = setTimeout(kill, 60_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      let newline;
      while ((newline = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, newline);
        out = out.slice(newline + 1);
        if (line.startsWith('ack ')) {
          // Printed only once the save was on disk, so an ack read after the kill counts as well.
          acked = Math.max(acked, Number(line.slice(4)));
          if (moment === 'on-ack') kill();
        } else if (line.startsWith('ready ')) {
          if (moment === 'start-up') setTimeout(kill, Math.floor(delayMs / 10));
          else if (moment === 'random') setTimeout(kill, delayMs);
        }
      }
    });
    child.on('error', reject);
    child.on('exit', () => {
      clearTimeout(watchdog);
      resolve({ acked, stderr: killed ? '' : stderr || 'the child exited by itself' });
    });
  });
}

async function tempFilesBeside(project: string): Promise<number> {
  const names = await fs.readdir(path.dirname(project));
  return names.filter((name) => name.startsWith(path.basename(project)) && TEMP.test(name)).length;
}

/** `progress` is told the running figures after every kill (a long run stopped early still has them). */
/** What is wrong with the project's `.bak`, `settings.json` or `recent.json` after a kill (a missing file is fine), or null. */
async function backupOrSettingsProblem(dataDir: string, project: string): Promise<string | null> {
  const backup = await fs.readFile(`${project}.bak`, 'utf8').catch(() => null);
  if (backup !== null) {
    const parsed = parseProjectFile(backup, sha256Hex);
    if (!parsed.ok) return `the backup is not a valid project: ${parsed.problem}`;
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

export async function runCrashHarness(kills: number, seed = 20261128, progress?: (report: Readonly<CrashReport>) => void): Promise<CrashReport> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-crash-'));
  const dataDir = path.join(dir, 'data');
  const project = path.join(dir, 'projects', 'crash.factcheck.json');
  await fs.mkdir(path.dirname(project), { recursive: true });
  let state = seed >>> 0;
  const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const report: CrashReport = { kills: 0, corrupt: 0, lostAcknowledged: 0, maxTempFilesAfterKill: 0, tempFilesLeft: 0, largestProjectBytes: 0, invalidBackupsOrSettings: 0, problems: [] };
  let acknowledged = -1;
  try {
    for (let i = 0; i < kills; i++) {
      const roll = random();
      const moment: Moment = roll < 0.15 ? 'start-up' : roll < 0.45 ? 'on-ack' : 'random';
      const run = await runAndKill(dataDir, project, Math.floor(random() * 2 ** 31), moment, Math.floor(random() * 3000));
      report.kills++;
      if (run.stderr) report.problems.push(`kill ${i}: ${run.stderr.slice(0, 500)}`);
      acknowledged = Math.max(acknowledged, run.acked);
      report.maxTempFilesAfterKill = Math.max(report.maxTempFilesAfterKill, await tempFilesBeside(project));
      const sideProblem = await backupOrSettingsProblem(dataDir, project);
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
    report.tempFilesLeft = await tempFilesBeside(project);
    await store.close();
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  return report;
}
