/**
 * `npm run bench:fuzz`: the long fuzz run, 10,000 damaged project files and hostile operation
 * arguments (huge strings up to 40 MB), printing the counts. A new seed each run unless FUZZ_SEED is
 * set; a failure prints the seed and fast-check's path to replay it (FUZZ_SEED=… FUZZ_PATH=…).
 *   FUZZ_CASES=10000 FUZZ_SEED=123 npm run bench:fuzz
 */
import { describeCounts, runFuzz } from './runFuzz';

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const cases = Number(process.env.FUZZ_CASES ?? 10_000);
const run = { seed, cases, path: process.env.FUZZ_PATH, options: { hugeChars: 40_000_000 }, storeShare: 0.3 };

console.log(`fuzz: ${cases} cases, seed ${seed} (replay: FUZZ_SEED=${seed})`);
const started = Date.now();
try {
  const counts = await runFuzz({
    ...run,
    onProgress: (c) => console.log(`  … ${c.cases} cases (${c.accepted} accepted, ${c.repaired} repaired, ${c.rejected} rejected), ${Math.round((Date.now() - started) / 1000)} s`),
  });
  console.log(describeCounts(run, counts));
  console.log(`goal: 0 crashes, 0 hangs, 0 accepted files breaking a rule, 0 rejected files written, 0 pollution — met (${Math.round((Date.now() - started) / 1000)} s)`);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  console.log('goal: 0 crashes, 0 hangs, 0 accepted files breaking a rule, 0 rejected files written, 0 pollution — NOT met');
  process.exitCode = 1;
}
