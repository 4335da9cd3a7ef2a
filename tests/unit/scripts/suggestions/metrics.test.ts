import { describe, expect, it } from 'vitest';
import { bestMeanThreshold, bestThreshold, scoresAt } from '../../../../scripts/suggestions/metrics';

describe('threshold choice', () => {
  it('scores F1, precision and recall of the positive class at a threshold', () => {
    expect(scoresAt([0.9, 0.8, 0.2, 0.1], [true, false, true, false], 0.5)).toEqual({ f1: 0.5, precision: 0.5, recall: 0.5 });
  });

  it('the mean-of-blocks rule weighs every block alike where pooling lets the block with most positives decide', () => {
    // Block 1: 30 positives scored 0.60, 30 negatives 0.45 (best cut between them).
    // Block 2: 2 positives scored 0.40, 58 negatives 0.30 (best cut below 0.40).
    const p: number[] = [], y: boolean[] = [];
    for (let i = 0; i < 30; i++) { p.push(0.6); y.push(true); p.push(0.45); y.push(false); }
    for (let i = 0; i < 58; i++) { p.push(0.3); y.push(false); }
    p.push(0.4, 0.4); y.push(true, true);
    const mean = bestMeanThreshold(p, y, 2);
    const pooled = bestThreshold(p, y);
    expect(mean.threshold).toBeGreaterThan(0.3);
    expect(mean.threshold).toBeLessThanOrEqual(0.4);
    expect(pooled.threshold).toBeGreaterThan(0.45);
    expect(mean.f1).toBeCloseTo((scoresAt(p.slice(0, 60), y.slice(0, 60), mean.threshold).f1 + scoresAt(p.slice(60), y.slice(60), mean.threshold).f1) / 2, 10);
  });
});
