/**
 * Claim-suggestion benchmark (run on demand: npm run bench:suggestions).
 * - suggestClaims on a 10,000-character article (the sample article, repeated): goal < 50 ms;
 *   baseline in the same run: a regex splitter with the model's word n-gram weights alone.
 * - model load in fresh processes (parsing the weights as the built chunk does + building the model):
 *   goal < 100 ms; baseline: JSON.parse of the same file in this warm process.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { weightOf } from '../../../shared/suggestions/featureTable';
import { suggestClaims } from '../../../shared/suggestions/index';
import { loadModel, type WeightsFile } from '../../../shared/suggestions/model';
import { wordTokens } from '../../../shared/suggestions/tokens';
import weightsJson from '../../../shared/suggestions/weights.json';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const WEIGHTS = path.join(ROOT, 'shared', 'suggestions', 'weights.json');
const LENGTH = 10_000;

const sample = readFileSync(path.join(ROOT, 'resources', 'sample', 'article.md'), 'utf8').replace(/^#+\s*/gm, '');
let article = '';
while (article.length < LENGTH) article += sample + '\n\n';
article = article.slice(0, LENGTH);

const weights = weightsJson as WeightsFile;
// Baseline: split on end punctuation and sum the word 1-2-gram weights.
const table = loadModel(weights).weights;
function baseline(text: string): number {
  let found = 0;
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const words = ['<s>', ...wordTokens(sentence).map((t) => t.norm), '</s>'];
    let z = weightOf(table, 'bias');
    for (let i = 1; i < words.length - 1; i++) z += weightOf(table, `w1:${words[i]}`);
    for (let i = 0; i + 1 < words.length; i++) z += weightOf(table, `w2:${words[i]} ${words[i + 1]}`);
    if (1 / (1 + Math.exp(-z)) >= weights.threshold) found++;
  }
  return found;
}

function median(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const coldStart = performance.now();
const suggestions = suggestClaims(article);
const cold = performance.now() - coldStart;
for (let i = 0; i < 5; i++) {
  suggestClaims(article);
  baseline(article);
}
const ours = median(() => suggestClaims(article), 30);
// CPU time of the same work: on a busy machine wall-clock time also counts other programs.
const cpuStart = process.cpuUsage();
for (let i = 0; i < 30; i++) suggestClaims(article);
const cpuMs = process.cpuUsage(cpuStart).user / 1000 / 30;
const base = median(() => baseline(article), 30);

const loads: { importWeights: number; init: number; cpu: number }[] = [];
const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
for (let i = 0; i < 5; i++) {
  loads.push(JSON.parse(execFileSync(process.execPath, [tsx, path.join(import.meta.dirname, 'loadOnce.ts')], { encoding: 'utf8' }).trim().split('\n').pop()!));
}
const loadMs = [...loads.map((l) => l.importWeights + l.init)].sort((a, b) => a - b)[2];
const loadCpuMs = [...loads.map((l) => l.cpu)].sort((a, b) => a - b)[2];
const raw = readFileSync(WEIGHTS, 'utf8');
const parseMs = median(() => JSON.parse(raw), 5);

console.log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
console.log(`Suggestions bench: ${article.length.toLocaleString('en')}-character article, ${suggestions.length} suggestions; weights ${(raw.length / 1024).toFixed(0)} KiB, ${weights.hashes.length.toLocaleString('en')} features`);
console.log(`suggestClaims: ${ours.toFixed(1)} ms median of 30, ${cpuMs.toFixed(1)} ms CPU (first call ${cold.toFixed(1)} ms); baseline regex split + n-grams ${base.toFixed(1)} ms → ×${(ours / base).toFixed(1)} the baseline`);
console.log(`model load (fresh process, import weights + init, median of 5): ${loadMs.toFixed(1)} ms, ${loadCpuMs.toFixed(1)} ms CPU; baseline JSON.parse alone ${parseMs.toFixed(1)} ms → ×${(loadMs / parseMs).toFixed(1)}`);
console.log(`goals: suggestClaims < 50 ms → ${ours < 50 ? 'met' : 'MISSED'} (median; the first call also compiles the patterns); model load < 100 ms → ${loadMs < 100 ? 'met' : 'MISSED'}`);
