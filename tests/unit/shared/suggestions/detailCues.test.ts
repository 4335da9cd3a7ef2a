import { describe, expect, it } from 'vitest';
import { detailDensity } from '../../../../shared/suggestions/detailCues';
import { extractFeatures, firedCues, sentenceView, type FeatureOptions } from '../../../../shared/suggestions/features';

const lexicon = new Set(['jobs', 'tons', 'coal', 'taxes', 'governor', 'great', 'idea', 'thank', 'unemployment']);
const fired = (text: string) => firedCues(sentenceView(text, lexicon), true);
const detailOnly = (text: string) => fired(text).filter((id) => ['numbers-2', 'quantity', 'ago', 'own-record'].includes(id));

describe('detail cues', () => {
  it('find the factual detail of a sentence whatever its topic', () => {
    expect(detailOnly('We produced 800 million tons of coal in 1985.')).toEqual(['numbers-2', 'quantity']);
    expect(detailOnly('They created 10,000 jobs.')).toEqual(['quantity']);
    expect(detailOnly('The plant closed a decade ago.')).toEqual(['ago']);
    expect(detailOnly('Taxes went up last year.')).toEqual(['ago']);
    expect(detailOnly('When I was governor, I signed it into law.')).toEqual(['own-record']);
  });

  it('stay quiet on opinions, promises and pleasantries', () => {
    for (const text of ['I think that is a great idea.', 'We will fight for you.', 'Thank you so much.']) expect(detailOnly(text)).toEqual([]);
  });

  it('fire only when asked, so models trained without them score as before', () => {
    expect(firedCues(sentenceView('We produced 800 million tons of coal in 1985.', lexicon))).not.toContain('numbers-2');
  });
});

describe('detail density', () => {
  const options: FeatureOptions = { wordNgrams: 0, tagNgrams: 0, names: 'keep', rareWords: false, normalize: false, charNgrams: [], cues: true, cueValue: 1, cuePairs: false };

  it('counts the cues with a checker\'s reason, capped at 4', () => {
    expect(detailDensity(0)).toBe('density:0');
    expect(detailDensity(9)).toBe('density:4');
    const plain = extractFeatures('Thank you so much.', { ...options, detail: true }, lexicon);
    expect(plain.get('density:0')).toBe(1);
    const rich = extractFeatures('Unemployment fell from 7.8 percent in 2009 to 4.9 percent, according to the Labor Department.', { ...options, detail: true }, lexicon);
    expect(rich.get('density:4')).toBe(1);
    expect([...extractFeatures('Thank you so much.', options, lexicon).keys()].some((k) => k.startsWith('density:'))).toBe(false);
  });
});
