/**
 * One worker process of the long fuzz run (runLong.ts starts them): runs its share of the cases with
 * its own seed and prints `progress <json>` every 500 cases and `result <json>` at the end, or the
 * failure (with the seed and path to replay it) on stderr and exit code 1.
 */
import { runFuzz } from './runFuzz';

const run = {
  seed: Number(process.env.FUZZ_SEED),
  cases: Number(process.env.FUZZ_CASES),
  path: process.env.FUZZ_PATH || undefined,
  options: { hugeChars: 40_000_000 },
  storeShare: 0.3,
  timeLimitMs: Number(process.env.FUZZ_TIME_LIMIT_MS) || undefined,
};
try {
  const counts = await runFuzz({ ...run, onProgress: (c) => console.log(`progress ${JSON.stringify(c)}`) });
  console.log(`result ${JSON.stringify(counts)}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
