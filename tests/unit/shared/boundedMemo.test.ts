/** boundedMemo: each argument computed once while remembered; past `max` answers, all are forgotten and computed again. */
import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../../shared/boundedMemo';

describe('boundedMemo', () => {
  it('computes an argument once, and again only after the answers were forgotten at the bound', () => {
    const asked: string[] = [];
    const upper = boundedMemo((word: string) => (asked.push(word), word.toUpperCase()), 2);
    expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(asked).toEqual(['a', 'b']);
    // A third argument at the bound: everything is forgotten, then it is remembered alone.
    expect(upper('c')).toBe('C');
    expect([upper('c'), upper('a')]).toEqual(['C', 'A']);
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});
