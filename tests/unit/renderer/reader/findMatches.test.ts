import { describe, expect, it } from 'vitest';
import { findMatches, matchAtOrAfter, matchCountLabel, matchesWithin } from '../../../../renderer/src/reader/findMatches';

const TEXT = 'The Ministry said 40 boats.\n\nA ministry spokesman, the MINISTRY’s own: ministry.';

describe('Find in article', () => {
  it('finds every occurrence ignoring case, as offsets into the text', () => {
    const found = findMatches(TEXT, 'ministry');
    expect(found.starts.map((s, i) => TEXT.slice(s, found.ends[i]))).toEqual(['Ministry', 'ministry', 'MINISTRY', 'ministry']);
    expect(found.capped).toBe(false);
  });

  it('treats the query literally and lets its spaces match any run of whitespace (across blocks too)', () => {
    expect(findMatches('a.b axb', 'a.b').starts).toEqual([0]);
    const across = findMatches(TEXT, 'boats. a');
    expect(TEXT.slice(across.starts[0], across.ends[0])).toBe('boats.\n\nA');
  });

  it('finds nothing for an empty query, and stops counting at the limit', () => {
    expect(findMatches(TEXT, '   ').starts).toEqual([]);
    const capped = findMatches('ab'.repeat(50), 'ab', 10);
    expect(capped.starts).toHaveLength(10);
    expect(capped.capped).toBe(true);
    expect(matchCountLabel(capped, 0)).toBe('1 of 10+');
  });

  it('keeps offsets exact after characters outside the basic plane', () => {
    const text = '😀 Ministry 😀 ministry';
    const found = findMatches(text, 'MINISTRY');
    expect(found.starts.map((s, i) => text.slice(s, found.ends[i]))).toEqual(['Ministry', 'ministry']);
  });

  it('locates matches in a text interval and after an offset', () => {
    const found = findMatches(TEXT, 'ministry');
    const [first, last] = matchesWithin(found, 20, 60);
    expect(found.starts.slice(first, last).map((s) => TEXT.slice(s, s + 8))).toEqual(['ministry', 'MINISTRY']);
    expect(matchAtOrAfter(found, 5)).toBe(1);
    expect(matchAtOrAfter(found, TEXT.length)).toBe(0);
    expect(matchCountLabel(found, 1)).toBe('2 of 4');
    expect(matchCountLabel(findMatches(TEXT, 'absent'), -1)).toBe('No matches');
  });
});
