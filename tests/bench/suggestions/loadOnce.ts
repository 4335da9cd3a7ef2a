/** One cold model load in a fresh process: import the weights module, build the model. Prints JSON timings. */
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
const { loadModel } = await import('../../../shared/suggestions/model');
const t1 = performance.now();
const weights = (await import('../../../shared/suggestions/weights.json', { with: { type: 'json' } })).default;
const t2 = performance.now();
const model = loadModel(weights as Parameters<typeof loadModel>[0]);
const t3 = performance.now();
console.log(JSON.stringify({ code: t1 - t0, importWeights: t2 - t1, init: t3 - t2, features: model.weights.size }));
