import { describe, expect, it } from 'vitest';
import { sharedStart } from '../../../shared/sharedStart';

describe('sharedStart', () => {
  const [a, b, c] = [{ n: 1 }, { n: 2 }, { n: 3 }];
  it('counts the items two lists share at their start, by identity', () => {
    expect(sharedStart([a, b, c], [a, b])).toBe(2);
    expect(sharedStart([a, b], [a, b, c])).toBe(2);
    expect(sharedStart([a, c], [a, b])).toBe(1);
    expect(sharedStart([{ n: 1 }], [a])).toBe(0);
    expect(sharedStart([], [a])).toBe(0);
  });
});
