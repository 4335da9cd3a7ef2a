/** Precision, recall and F1 of the positive class, and the threshold that maximises F1. */
export interface Scores {
  f1: number;
  precision: number;
  recall: number;
}

export function scoresAt(probabilities: number[], labels: boolean[], threshold: number): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const predicted = probabilities[i] >= threshold;
    if (predicted && labels[i]) tp++;
    else if (predicted) fp++;
    else if (labels[i]) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall };
}

/** The threshold (a grid of 0.01 steps) with the best F1; ties go to the middle of the best run. */
export function bestThreshold(probabilities: number[], labels: boolean[]): { threshold: number; scores: Scores } {
  const grid: { threshold: number; f1: number }[] = [];
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    const threshold = Math.round(t * 100) / 100;
    grid.push({ threshold, f1: scoresAt(probabilities, labels, threshold).f1 });
  }
  // Smooth over neighbours so one lucky step on a small dev set does not decide.
  const smooth = grid.map((g, i) => {
    const window = grid.slice(Math.max(0, i - 2), i + 3);
    return window.reduce((sum, x) => sum + x.f1, 0) / window.length;
  });
  let best = 0;
  for (let i = 1; i < grid.length; i++) if (smooth[i] > smooth[best]) best = i;
  const threshold = grid[best].threshold;
  return { threshold, scores: scoresAt(probabilities, labels, threshold) };
}

/**
 * The threshold maximising the mean over `blocks` equal consecutive blocks of each block's F1 (smoothed
 * over ±2 steps, as bestThreshold does): the F1 to expect on one new block, when blocks are debates
 * scored by models that never saw them.
 */
export function bestMeanThreshold(p: number[], labels: boolean[], blocks: number): { threshold: number; f1: number } {
  const size = Math.ceil(p.length / blocks);
  const grid: { threshold: number; f1: number }[] = [];
  for (let t = 5; t <= 95; t++) {
    const threshold = t / 100;
    let sum = 0;
    for (let k = 0; k < blocks; k++) sum += scoresAt(p.slice(k * size, (k + 1) * size), labels.slice(k * size, (k + 1) * size), threshold).f1;
    grid.push({ threshold, f1: sum / blocks });
  }
  const smooth = grid.map((_, i) => {
    const w = grid.slice(Math.max(0, i - 2), i + 3);
    return w.reduce((s, x) => s + x.f1, 0) / w.length;
  });
  let best = 0;
  for (let i = 1; i < grid.length; i++) if (smooth[i] > smooth[best]) best = i;
  return grid[best];
}
