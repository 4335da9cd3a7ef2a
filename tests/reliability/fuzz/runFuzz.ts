/**
 * Runs the fuzz cases with one seed (fast-check drives every random choice, so a seed and a path
 * replay a case exactly) and returns the counts; on the first failure it throws with the seed.
 */
import { readFileSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { sha256Hex } from '../../../electron/services/intake/sha256';
import { parseProjectFile } from '../../../shared/projectFile';
import type { Project } from '../../../shared/operations';
import { REPO } from '../../unit/testPaths';
import { emptyCounts, runCase, type FuzzCounts } from './fuzzCase';
import type { MutationOptions } from './fileMutations';

export interface FuzzRun {
  seed: number;
  cases: number;
  options: MutationOptions;
  /** Share of cases also opened through the project store on disk. */
  storeShare: number;
  /** Replays one failing case (fast-check's path, printed with a failure). */
  path?: string;
  onProgress?: (counts: FuzzCounts) => void;
  /** Ends the run (not as a failure) after this long; the counts say how many cases ran. */
  timeLimitMs?: number;
}

function sampleProject(): Project {
  const parsed = parseProjectFile(readFileSync(path.join(REPO, 'resources', 'sample', 'sample.factcheck.json'), 'utf8'), sha256Hex);
  if (!parsed.ok) throw new Error(`the bundled sample does not open: ${parsed.problem}`);
  return parsed.project;
}

export async function runFuzz(run: FuzzRun): Promise<FuzzCounts> {
  const counts = emptyCounts();
  const stopAt = run.timeLimitMs ? Date.now() + run.timeLimitMs : Infinity;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-fuzz-'));
  const context = { seeds: [sampleProject()], dir: path.join(dir, 'case'), options: run.options, storeShare: run.storeShare };
  try {
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        // Past the time limit the remaining runs pass untouched (a case is never cut off mid-way).
        if (Date.now() > stopAt) return;
        await runCase(g, context, counts);
        if (counts.cases % 500 === 0) run.onProgress?.(counts);
      }),
      {
        seed: run.seed,
        numRuns: run.cases,
        endOnFailure: true,
        ...(run.path ? { path: run.path } : {}),
      },
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const cause = err instanceof Error && err.cause instanceof Error ? `\nCause: ${err.cause.stack ?? err.cause.message}` : '';
    throw new Error(`Fuzz case failed (seed ${run.seed}; replay it with FUZZ_SEED=${run.seed} FUZZ_PATH=<path below>):\n${message}${cause}`.slice(0, 20_000));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  return counts;
}

/** The counts of several runs (the long run's worker processes) as one. */
export function addCounts(into: FuzzCounts, more: FuzzCounts): FuzzCounts {
  for (const key of Object.keys(into) as (keyof FuzzCounts)[]) {
    if (key === 'mutations') for (const [name, n] of Object.entries(more.mutations)) into.mutations[name] = (into.mutations[name] ?? 0) + n;
    else if (key === 'slowestMs') into.slowestMs = Math.max(into.slowestMs, more.slowestMs);
    else into[key] += more[key];
  }
  return into;
}

/** The counts as printed by the test and the long run. */
export function describeCounts(run: { seed: number | string }, counts: FuzzCounts): string {
  const mutations = Object.entries(counts.mutations)
    .sort(([, a], [, b]) => b - a)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  return [
    `fuzz seed ${run.seed}: ${counts.cases} damaged project files`,
    `  accepted as written ${counts.accepted}, accepted with repairs ${counts.repaired}, rejected ${counts.rejected}`,
    `  crashes 0, hangs over 5 s 0 (slowest step ${Math.round(counts.slowestMs)} ms of CPU), accepted files breaking a rule 0, prototype pollution 0`,
    `  through the project store: ${counts.storeOpens} opened or refused, rejected files written 0, opened files changed before a change 0, repaired then saved clean ${counts.repairedThenSaved}`,
    `  exports of accepted files: ${counts.exports} (html, md, csv, claimreview, w3c)`,
    `  hostile operation arguments: ${counts.operationsApplied} applied and reopened as saved, ${counts.operationsRefused} refused`,
    `  mutations: ${mutations}`,
  ].join('\n');
}
