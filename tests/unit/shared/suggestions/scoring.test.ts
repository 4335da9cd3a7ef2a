import { describe, expect, it } from 'vitest';
import { SUGGESTION_THRESHOLD, scoreSentences, suggestClaims } from '../../../../shared/suggestions/index';
import weights from '../../../../shared/suggestions/weights.json';

// Written for these tests (not from the training data).
const ARTICLE = [
  'Budget row over school funding',
  'The city council voted 7 to 2 on Tuesday to cut the school budget by $4.2 million, the largest cut since 2009. Unemployment in the county rose from 3.1 percent to 5.8 percent last year, according to the state labor department.',
  'What a wonderful evening! Thank you all for coming. I think we should talk about this later.',
  'Dr. Ana Ruiz, who leads the U.S. office of No. 10 Partners, said crime fell 12% in 2023. “We will fix this,” she added.',
].join('\n\n');

describe('scoreSentences', () => {
  it('gives one result per sentence, in order, with checkWorthy exactly when the score reaches the threshold', () => {
    const sentences = ['Unemployment rose from 3.1 percent to 5.8 percent in 2023, the highest rate in a decade.', 'Thank you so much.', 'I think that is a great idea.', ''];
    const results = scoreSentences(sentences);
    expect(results).toHaveLength(sentences.length);
    for (const r of results) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.checkWorthy).toBe(r.score >= SUGGESTION_THRESHOLD);
    }
    expect(results[0].checkWorthy).toBe(true);
    expect(results[1].checkWorthy).toBe(false);
    expect(results[0].score).toBeGreaterThan(results[2].score);
    expect(scoreSentences([])).toEqual([]);
  });

  it('uses the threshold shipped with the weights', () => {
    expect(SUGGESTION_THRESHOLD).toBe(weights.threshold);
  });
});

describe('suggestClaims', () => {
  it('returns the check-worthy sentences with offsets that map back to the exact text', () => {
    const suggestions = suggestClaims(ARTICLE);
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) {
      expect(ARTICLE.slice(s.start, s.end)).toBe(s.text);
      expect(s.score).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
      expect(s.reasons.length).toBeGreaterThan(0);
    }
    const texts = suggestions.map((s) => s.text);
    expect(texts).toContain('The city council voted 7 to 2 on Tuesday to cut the school budget by $4.2 million, the largest cut since 2009.');
    expect(texts.some((t) => t.startsWith('Unemployment in the county rose'))).toBe(true);
    expect(texts.some((t) => t.startsWith('Dr. Ana Ruiz'))).toBe(true);
    expect(texts).not.toContain('Thank you all for coming.');
    expect(texts).not.toContain('What a wonderful evening!');
  });

  it('says why in a checker\'s words', () => {
    const [cut] = suggestClaims('The council voted on Tuesday to cut the school budget by $4.2 million, the largest cut since 2009.');
    expect(cut.reasons).toEqual(expect.arrayContaining(['number', 'money']));
    const [source] = suggestClaims('Unemployment rose from 3.1 percent to 5.8 percent last year, according to the state labor department.');
    expect(source.reasons).toEqual(expect.arrayContaining(['percentage', 'named source']));
    for (const s of suggestClaims(ARTICLE)) for (const reason of s.reasons) expect(reason).toMatch(/^[a-z ]{3,20}$/);
  });

  it('keeps exact UTF-16 offsets after emoji and right-to-left text', () => {
    const text = '🎉🎉 مرحبا بكم.\n\nThe council cut the budget by $4.2 million in 2023, the largest cut in a decade. 👋🏽 Thanks!';
    const suggestions = suggestClaims(text);
    expect(suggestions.map((s) => s.text)).toContain('The council cut the budget by $4.2 million in 2023, the largest cut in a decade.');
    for (const s of suggestions) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(suggestClaims('')).toEqual([]);
    expect(suggestClaims('\n\n— * —\n\n')).toEqual([]);
  });
});
