/**
 * Chooses among base models (and the average of two) by forward chaining only, then reports each
 * choice on the temporal test. Reads files written by `FORWARD=1 baseScores.ts` (the logits of each
 * fitting block scored by a model fitted on the blocks before it, and of the test by the model fitted
 * on all the fitting part).
 * Run: npx tsx scripts/suggestions/select.ts a.json b.json …
 *
 * Two rules, both computed from forward-chained blocks only:
 *   pooled — F1 of blocks 1–4 pooled, at the best (smoothed) threshold;
 *   mean   — the mean over the four blocks of each block's F1 at one shared threshold, i.e. the F1 to
 *            expect on one new set of debates later than the training ones (blocks differ in their
 *            share of check-worthy sentences, so pooling lets the largest share dominate).
 * Mixtures average two models' logits with weight a ∈ {0.1 … 0.9}; a is chosen by the same rule.
 */
import { readFileSync } from 'node:fs';
import { bestMeanThreshold, bestThreshold, scoresAt } from './metrics';

interface Base { name: string; oof: number[]; fitLabels: boolean[]; test: number[]; testLabels: boolean[] }

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function main(): void {
  const bases: Base[] = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')));
  const candidates: { name: string; oof: number[]; test: number[] }[] = bases.map((b) => ({ name: b.name, oof: b.oof, test: b.test }));
  for (let i = 0; i < bases.length; i++) {
    for (let j = i + 1; j < bases.length; j++) {
      for (let a = 1; a <= 9; a++) {
        const w = a / 10;
        const mix = (x: number[], y: number[]) => x.map((v, k) => (1 - w) * v + w * y[k]);
        candidates.push({ name: `${bases[i].name} + ${w} ${bases[j].name}`, oof: mix(bases[i].oof, bases[j].oof), test: mix(bases[i].test, bases[j].test) });
      }
    }
  }
  if (bases.length > 2) {
    const avg = (key: 'oof' | 'test') => bases[0][key].map((_, k) => bases.reduce((sum, b) => sum + b[key][k], 0) / bases.length);
    candidates.push({ name: `average of all ${bases.length}`, oof: avg('oof'), test: avg('test') });
  }
  const fitLabels = bases[0].fitLabels;
  const testLabels = bases[0].testLabels;
  const f = (x: number) => x.toFixed(process.env.DIGITS ? Number(process.env.DIGITS) : 3);
  const rows = candidates.map((c) => {
    const oof = c.oof.map(sigmoid);
    const test = c.test.map(sigmoid);
    const pooled = bestThreshold(oof, fitLabels);
    const mean = bestMeanThreshold(oof, fitLabels, 4);
    return { name: c.name, pooled, mean, testPooled: scoresAt(test, testLabels, pooled.threshold), testMean: scoresAt(test, testLabels, mean.threshold) };
  });
  for (const r of process.env.ALL ? rows : rows.filter((r) => !/ \+ 0\.[1-35-9] /.test(r.name))) {
    const t = (s: { f1: number; precision: number; recall: number }) => `${f(s.f1)} (P ${f(s.precision)} R ${f(s.recall)})`;
    console.log(`${r.name.padEnd(34)} pooled ${f(r.pooled.scores.f1)} @${r.pooled.threshold} → test ${t(r.testPooled)} | mean ${f(r.mean.f1)} @${r.mean.threshold} → test ${t(r.testMean)}`);
  }
  const byPooled = rows.reduce((a, b) => (b.pooled.scores.f1 > a.pooled.scores.f1 ? b : a));
  const byMean = rows.reduce((a, b) => (b.mean.f1 > a.mean.f1 ? b : a));
  console.log(`\nchosen by pooled forward F1: ${byPooled.name} @${byPooled.pooled.threshold} → test F1 ${f(byPooled.testPooled.f1)}`);
  console.log(`chosen by mean forward F1:   ${byMean.name} @${byMean.mean.threshold} → test F1 ${f(byMean.testMean.f1)}`);
}

if (process.argv[1]?.endsWith('select.ts')) main();
