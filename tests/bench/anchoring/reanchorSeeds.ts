/**
 * Re-anchoring over 1,000 seeds (run on demand: npm run bench:reanchor-seeds). The same synthetic
 * revisions as the property test in npm test (the readability pages, two revisions per page, 30
 * claims, 8 edits), for seeds 1…1,000 (SEEDS=N for another count, FIRST_SEED=N to start
 * elsewhere). Prints the totals, the worst seed's figures for every goal and whether each goal held
 * on every seed.
 */
import { performance } from 'node:perf_hooks';
import { GOALS, measureSeed, missedGoals, pct, sumTallies, type SeedMeasure } from '../../unit/shared/anchoring/syntheticMeasure';

const COUNT = Number(process.env.SEEDS ?? 1000);
const FIRST = Number(process.env.FIRST_SEED ?? 1);
const OPTIONS = { revisionsPerPage: 2 };

const started = performance.now();
const measures: SeedMeasure[] = [];
const missing: { seed: number; missed: string[]; failures: string[] }[] = [];
for (let seed = FIRST; seed < FIRST + COUNT; seed++) {
  const m = measureSeed(seed, OPTIONS);
  measures.push(m);
  const missed = missedGoals(m);
  if (missed.length > 0) missing.push({ seed, missed, failures: m.failures });
  if ((seed - FIRST + 1) % 100 === 0) console.log(`  … ${seed - FIRST + 1} seeds (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

const totals = sumTallies(measures);
const first = measures[0];
console.log(`Re-anchoring over ${COUNT} seeds (${FIRST}…${FIRST + COUNT - 1}): ${first.pages} pages × ${first.revisions / first.pages} revisions per seed, ${((performance.now() - started) / 1000).toFixed(0)} s`);
for (const g of GOALS) {
  const worst = measures.reduce((a, b) => (pct(b[g.name]) < pct(a[g.name]) ? b : a));
  const everySeed = measures.every((m) => pct(m[g.name]) >= g.min);
  console.log(
    `  ${g.label.padEnd(46)} total ${pct(totals[g.name]).toFixed(2).padStart(6)}% (${totals[g.name].ok}/${totals[g.name].n}); ` +
      `worst seed ${worst.seed}: ${pct(worst[g.name]).toFixed(2)}% (${worst[g.name].ok}/${worst[g.name].n}); ` +
      `goal ${g.min === 100 ? '100' : '≥ ' + g.min}% on every seed → ${everySeed ? 'met' : 'MISSED'}`,
  );
}
console.log(`seeds meeting every goal: ${COUNT - missing.length} of ${COUNT} → ${missing.length === 0 ? 'met' : 'MISSED'}`);
for (const miss of missing.slice(0, 20)) {
  console.log(`  seed ${miss.seed}: ${miss.missed.join('; ')}`);
  for (const f of miss.failures.slice(0, 3)) console.log(`    ${f.slice(0, 400)}`);
}
process.exitCode = missing.length === 0 ? 0 : 1;
