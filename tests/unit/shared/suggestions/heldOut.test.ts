/**
 * The shipped weights reproduce the figures the training script measured (and the README reports)
 * on sentences they never saw: the temporal test (latest 20% of train by Sentence_id + dev-test).
 * Trains nothing; reads the fixtures through the same loader as the training script.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../../scripts/fixturesDir';
import { temporalSplits } from '../../../../scripts/suggestions/checkworthyData';
import { evaluateShipped } from '../../../../scripts/suggestions/evaluate';
import type { WeightsFile } from '../../../../shared/suggestions/model';
import weights from '../../../../shared/suggestions/weights.json';

const file = weights as WeightsFile;
const splits = temporalSplits();

describe('shipped suggestion weights', () => {
  it('score the held-out temporal split as recorded', () => {
    const measured = evaluateShipped(file, splits.test);
    expect(measured).toEqual(file.evaluation.test);
    expect(measured.sentences).toBe(splits.test.length);
  });

  it('score dev-test alone and dev as recorded', () => {
    expect(evaluateShipped(file, splits.devTest)).toEqual(file.evaluation.devTest);
    expect(evaluateShipped(file, splits.dev)).toEqual(file.evaluation.dev);
  });

  it('are the figures the README reports', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const { f1, precision, recall } = file.evaluation.test;
    expect(readme).toContain(`F1 ${f1.toFixed(3)}, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
  });

  it('hold numbers and short n-grams, never whole training sentences', () => {
    expect(JSON.stringify(file).length).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(file.features.filter((name) => name.split(' ').length > 3)).toEqual([]);
    expect(file.lexicon.filter((word) => word.includes(' '))).toEqual([]);
  });
});
