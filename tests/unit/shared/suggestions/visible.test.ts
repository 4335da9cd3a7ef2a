/** Which suggestions the reader shows: dismissed ones (in that article) and ones a claim overlaps stay hidden. */
import { describe, expect, it } from 'vitest';
import { suggestClaims } from '../../../../shared/suggestions';
import { suggestionId, visibleSuggestions } from '../../../../shared/suggestions/visible';

const TEXT =
  'Unemployment fell to 4.2 percent in March, the lowest rate since 2001. I think we should all be kinder. ' +
  'The city spent $3.5 million on the new bridge, more than twice the estimate.';

describe('visibleSuggestions', () => {
  const all = suggestClaims(TEXT);
  const [stat, bridge] = all;

  it('the fixture text yields the two factual sentences (not the opinion)', () => {
    expect(all.map((s) => s.text)).toEqual([
      'Unemployment fell to 4.2 percent in March, the lowest rate since 2001.',
      'The city spent $3.5 million on the new bridge, more than twice the estimate.',
    ]);
  });

  it('hides a dismissed suggestion in its article only', () => {
    const dismissed = [{ articleId: 'a1', text: stat.text }];
    expect(visibleSuggestions(all, 'a1', dismissed, [])).toEqual([bridge]);
    expect(visibleSuggestions(all, 'a2', dismissed, [])).toEqual(all);
  });

  it('hides a suggestion a claim overlaps, even by a few words, and keeps one next to a claim', () => {
    const claimInside = { start: stat.start + 21, end: stat.start + 32 };
    expect(visibleSuggestions(all, 'a1', [], [claimInside])).toEqual([bridge]);
    const claimBefore = { start: 0, end: stat.start };
    const touching = { start: stat.end, end: bridge.start };
    expect(visibleSuggestions(all, 'a1', [], [claimBefore, touching])).toEqual(all);
    // An accepted suggestion is a claim on exactly its span.
    expect(visibleSuggestions(all, 'a1', [], [{ start: bridge.start, end: bridge.end }])).toEqual([stat]);
  });

  it('gives each suggestion an id from its place in the text', () => {
    expect(suggestionId(stat)).toBe(`s${stat.start}-${stat.end}`);
    expect(new Set(all.map(suggestionId)).size).toBe(all.length);
  });
});
