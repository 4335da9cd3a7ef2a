/**
 * `npm run bench:fuzz`: the long fuzz run, 10,000 damaged project files and hostile operation
 * arguments (huge strings up to 40 MB), printing the counts. The cases are shared among worker
 * processes (FUZZ_WORKERS, 2 by default: one per core), worker k running seed + k; a new seed each
 * run unless FUZZ_SEED is set. A failure prints the worker's seed and fast-check's path to replay it
 * (FUZZ_WORKERS=1 FUZZ_SEED=… FUZZ_PATH=…). FUZZ_BUDGET_MIN=<minutes> ends a run early on a slow
 * machine, with the counts of the cases that ran.
 *   FUZZ_CASES=10000 FUZZ_SEED=123 npm run bench:fuzz
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { addCounts, describeCounts } from './runFuzz';
import { emptyCounts, type FuzzCounts } from './fuzzCase';
import { onLines } from '../../support/onLines';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const cases = Number(process.env.FUZZ_CASES ?? 10_000);
const workers = Math.max(1, Number(process.env.FUZZ_WORKERS ?? 2));
const budgetMin = Number(process.env.FUZZ_BUDGET_MIN ?? 0);
const SHARD = path.join(import.meta.dirname, 'runShard.ts');

console.log(`fuzz: ${cases} cases in ${workers} worker processes, seeds ${seed}…${seed + workers - 1} (replay: FUZZ_SEED=${seed})`);
const started = Date.now();
const seconds = () => Math.round((Date.now() - started) / 1000);
const latest: FuzzCounts[] = Array.from({ length: workers }, emptyCounts);

function shard(k: number): Promise<{ counts?: FuzzCounts; failure?: string }> {
  const share = Math.floor(cases / workers) + (k < cases % workers ? 1 : 0);
  const env = { ...process.env, FUZZ_SEED: String(seed + k), FUZZ_CASES: String(share), FUZZ_TIME_LIMIT_MS: budgetMin ? String(budgetMin * 60_000) : '' };
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SHARD], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let result: FuzzCounts | undefined;
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    onLines(child.stdout, (line) => {
      if (line.startsWith('result ')) result = latest[k] = JSON.parse(line.slice(7)) as FuzzCounts;
      else if (line.startsWith('progress ')) {
        latest[k] = JSON.parse(line.slice(9)) as FuzzCounts;
        const so = latest.reduce((sum, c) => addCounts(sum, c), emptyCounts());
        console.log(`  … ${so.cases} cases (${so.accepted} accepted, ${so.repaired} repaired, ${so.rejected} rejected), ${seconds()} s`);
      }
    });
    child.on('exit', (code) => resolve(result && code === 0 ? { counts: result } : { failure: `worker ${k} (seed ${seed + k}) exited ${code}: ${err.slice(0, 20_000)}` }));
  });
}

const results = await Promise.all(Array.from({ length: workers }, (_, k) => shard(k)));
const failures = results.flatMap((r) => (r.failure ? [r.failure] : []));
const counts = results.reduce((sum, r) => (r.counts ? addCounts(sum, r.counts) : sum), emptyCounts());
console.log(describeCounts({ seed: `${seed}…${seed + workers - 1}` }, counts));
if (counts.cases < cases && !failures.length) console.log(`stopped by the time budget (${budgetMin} min): ${counts.cases} of ${cases} cases ran`);
for (const failure of failures) console.error(failure);
const met = failures.length === 0;
console.log(`goal: 0 crashes, 0 hangs, 0 accepted files breaking a rule, 0 rejected files written, 0 pollution — ${met ? 'met' : 'NOT met'} (${seconds()} s)`);
process.exitCode = met ? 0 : 1;
