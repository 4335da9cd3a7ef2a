import { describe, expect, it } from 'vitest';
import { extractFeatures, sentenceView, type FeatureOptions } from '../../../../shared/suggestions/features';
import { sentenceShape } from '../../../../shared/suggestions/shape';

const lexicon = new Set(['cut', 'taxes', 'budget', 'think', 'great', 'idea', 'drugs']);
const shape = (text: string) => {
  const view = sentenceView(text, lexicon);
  return sentenceShape(view.tokens, view.tags);
};

describe('sentenceShape', () => {
  it('keeps function words and folds content words and numbers into their classes', () => {
    expect(shape('We cut taxes by 20 percent in 1998.')).toEqual(['we', 'VBD', 'NNS', 'by', 'NUM', 'percent', 'in', 'YEAR']);
    expect(shape('Senator Smith voted against the budget.')).toEqual(['NAME', 'NAME', 'VBD', 'against', 'the', 'W']);
  });

  it('gives the same shape to the same statement about different topics and people', () => {
    expect(shape('Smith doubled the deficit in 2009.')).toEqual(shape('Garcia tripled the payroll in 1987.'));
    expect(shape('I think that is a great idea.')).not.toEqual(shape('He said that was a record year.'));
  });

  it('is one shape word per token, so offsets of n-grams line up with the words', () => {
    const text = 'Unemployment rose from 3.1% to 5.8%, according to the “Labor Department”.';
    expect(shape(text)).toHaveLength(sentenceView(text, lexicon).tokens.length);
  });
});

describe('shape n-gram features', () => {
  const options: FeatureOptions = { wordNgrams: 0, tagNgrams: 0, names: 'keep', rareWords: false, normalize: false, charNgrams: [], cues: false, cueValue: 1, cuePairs: false };

  it('adds shape n-grams up to the asked length, and none when absent', () => {
    const withShape = extractFeatures('We cut taxes by 20 percent.', { ...options, shapeNgrams: 3 }, lexicon);
    expect(withShape.get('s3:by NUM percent')).toBe(1);
    expect(withShape.get('s2:<s> we')).toBe(1);
    expect([...withShape.keys()].some((k) => k.startsWith('s4:'))).toBe(false);
    expect([...extractFeatures('We cut taxes by 20 percent.', options, lexicon).keys()]).toEqual(['bias']);
  });
});
