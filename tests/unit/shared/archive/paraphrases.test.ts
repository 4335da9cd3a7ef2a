/**
 * The paraphrase test set's figures, with synthetic fact-checks as distractors: recall@5 and the
 * sameClaim precision and recall on the half the re-ranker was not fitted on, and on the held-out
 * set written after the weights were fixed. The full figures: npm run bench:archive.
 */
import { describe, expect, it } from 'vitest';
import { buildEvalArchive, evaluate, HELDOUT_FILE, loadParaphrases } from '../../../bench/archive/paraphraseEval';

describe('Checked before on the paraphrase set', () => {
  it('finds the same claim among the first five and judges sameness well on the test half', () => {
    const set = loadParaphrases();
    const result = evaluate(set, buildEvalArchive(set, 500), 'test');
    expect(result.positives).toBeGreaterThan(30);
    expect(result.recallAt5).toBeGreaterThanOrEqual(0.95);
    expect(result.precision).toBeGreaterThanOrEqual(0.85);
    expect(result.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps most of that on held-out topics', () => {
    const set = loadParaphrases(HELDOUT_FILE);
    const result = evaluate(set, buildEvalArchive(set, 500), 'all');
    expect(result.recallAt5).toBeGreaterThanOrEqual(0.85);
    expect(result.precision).toBeGreaterThanOrEqual(0.65);
    expect(result.recall).toBeGreaterThanOrEqual(0.6);
  });
});
