/**
 * One cold model load in a fresh process, as the renderer's lazy chunk does it: the build inlines the
 * weights as JSON.parse of a string (Vite's JSON modules), then the model's maps are built.
 * Prints JSON timings.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadModel, type WeightsFile } from '../../../shared/suggestions/model';

const text = readFileSync(path.resolve(import.meta.dirname, '../../../shared/suggestions/weights.json'), 'utf8');
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const weights = JSON.parse(text) as WeightsFile;
const t1 = performance.now();
const model = loadModel(weights);
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ importWeights: t1 - t0, init: t2 - t1, cpu: (cpu.user + cpu.system) / 1000, features: model.weights.size }));
