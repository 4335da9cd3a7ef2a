/**
 * L2-regularised logistic regression fitted by L-BFGS on sparse rows. Deterministic: the optimum is
 * unique (the objective is strictly convex), so the same data gives the same weights.
 */
export interface SparseRow {
  index: Int32Array;
  value: Float64Array;
}

export interface FitOptions {
  /** L2 strength per example (the objective is mean loss + l2/2 · |w|², bias excluded). */
  l2: number;
  /** Weight of positive examples relative to negative ones. */
  positiveWeight: number;
  maxIterations: number;
  /** Feature index of the bias (not regularised), or -1. */
  biasIndex: number;
  /** Weight of each example (multiplied with positiveWeight); absent = all 1. */
  sampleWeights?: Float64Array;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function rowScore(w: Float64Array, row: SparseRow): number {
  let z = 0;
  for (let k = 0; k < row.index.length; k++) z += w[row.index[k]] * row.value[k];
  return z;
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function objective(w: Float64Array, rows: SparseRow[], labels: boolean[], options: FitOptions, grad: Float64Array): number {
  grad.fill(0);
  let loss = 0;
  let totalWeight = 0;
  const exampleWeight = (i: number) => (labels[i] ? options.positiveWeight : 1) * (options.sampleWeights ? options.sampleWeights[i] : 1);
  for (let i = 0; i < rows.length; i++) totalWeight += exampleWeight(i);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const y = labels[i] ? 1 : -1;
    const weight = exampleWeight(i) / totalWeight;
    const z = rowScore(w, row);
    loss += weight * softplus(-y * z);
    const g = (-y * weight) / (1 + Math.exp(y * z));
    for (let k = 0; k < row.index.length; k++) grad[row.index[k]] += g * row.value[k];
  }
  for (let j = 0; j < w.length; j++) {
    if (j === options.biasIndex) continue;
    loss += 0.5 * options.l2 * w[j] * w[j];
    grad[j] += options.l2 * w[j];
  }
  return loss;
}

export function fitLogistic(rows: SparseRow[], labels: boolean[], dimension: number, options: FitOptions): Float64Array {
  const memory = 10;
  const w = new Float64Array(dimension);
  const g = new Float64Array(dimension);
  let f = objective(w, rows, labels, options, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const direction = new Float64Array(dimension);
  const wNext = new Float64Array(dimension);
  const gNext = new Float64Array(dimension);
  const alpha = new Array<number>(memory);
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    // Two-loop recursion: direction = -H·g.
    for (let j = 0; j < dimension; j++) direction[j] = -g[j];
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(s[k], direction);
      for (let j = 0; j < dimension; j++) direction[j] -= alpha[k] * y[k][j];
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
      for (let j = 0; j < dimension; j++) direction[j] *= gamma;
    } else {
      const norm = Math.sqrt(dot(g, g));
      for (let j = 0; j < dimension; j++) direction[j] /= Math.max(norm, 1);
    }
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k] * dot(y[k], direction);
      for (let j = 0; j < dimension; j++) direction[j] += s[k][j] * (alpha[k] - beta);
    }
    let slope = dot(g, direction);
    if (slope >= 0) {
      // Not a descent direction: restart from steepest descent.
      s.length = 0;
      y.length = 0;
      rho.length = 0;
      for (let j = 0; j < dimension; j++) direction[j] = -g[j];
      slope = -dot(g, g);
    }
    // Backtracking line search (Armijo).
    let step = 1;
    let fNext = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let j = 0; j < dimension; j++) wNext[j] = w[j] + step * direction[j];
      fNext = objective(wNext, rows, labels, options, gNext);
      if (fNext <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    const sk = new Float64Array(dimension);
    const yk = new Float64Array(dimension);
    for (let j = 0; j < dimension; j++) {
      sk[j] = wNext[j] - w[j];
      yk[j] = gNext[j] - g[j];
    }
    const sy = dot(sk, yk);
    w.set(wNext);
    g.set(gNext);
    const improvement = f - fNext;
    f = fNext;
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
      if (s.length > memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
    }
    if (Math.sqrt(dot(g, g)) < 1e-6 || improvement < 1e-10 * Math.max(1, Math.abs(f))) break;
  }
  return w;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function scoreRows(w: Float64Array, rows: SparseRow[]): number[] {
  return rows.map((row) => sigmoid(rowScore(w, row)));
}

/** Example weights favouring later sentences (given in id order): e^(r·(position/n − 1)), 1 for the latest. */
export function recencyWeights(n: number, r: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => Math.exp(r * ((i + 1) / n - 1)));
}
