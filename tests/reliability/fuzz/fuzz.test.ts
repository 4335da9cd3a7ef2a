/**
 * The short fuzz run of `npm test`: a few hundred damaged project files and hostile operation
 * arguments (the long run, 10,000 cases: npm run bench:fuzz). Seeded and reproducible:
 * FUZZ_SEED=<seed> FUZZ_CASES=<n> npx vitest run tests/reliability/fuzz
 */
import { expect, it } from 'vitest';
import { describeCounts, runFuzz } from './runFuzz';

const seed = Number(process.env.FUZZ_SEED ?? 20261125);
const cases = Number(process.env.FUZZ_CASES ?? 300);

it(`survives ${cases} damaged project files and hostile operations (seed ${seed})`, async () => {
  const run = { seed, cases, options: { hugeChars: 200_000 }, storeShare: 0.25 };
  const counts = await runFuzz(run);
  console.log(describeCounts(run, counts));
  expect(counts.cases).toBe(cases);
  // Every kind of outcome is reached, so the run cannot pass by exercising nothing.
  expect(counts.rejected).toBeGreaterThan(0);
  expect(counts.repaired).toBeGreaterThan(0);
  expect(counts.accepted).toBeGreaterThan(0);
  expect(counts.operationsApplied).toBeGreaterThan(0);
  expect(counts.operationsRefused).toBeGreaterThan(0);
}, Math.max(120_000, cases * 300));
