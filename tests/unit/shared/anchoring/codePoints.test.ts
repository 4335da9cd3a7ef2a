import { describe, expect, it } from 'vitest';
import { codePointLength, describeRange, fromCodePointOffset, toCodePointOffset, toCodePointTarget } from '../../../../shared/anchoring';

describe('code point conversion', () => {
  const text = 'a😀b cafe\u0301 👍🏽 שלום x';
  it('round-trips every boundary that does not split a pair', () => {
    for (let i = 0; i <= text.length; i++) {
      const cp = toCodePointOffset(text, i);
      const back = fromCodePointOffset(text, cp);
      const code = text.charCodeAt(i - 1);
      if (code >= 0xd800 && code <= 0xdbff) continue; // inside a pair
      expect(back).toBe(i);
    }
    expect(codePointLength(text)).toBe([...text].length);
  });
  it('converts a target to code points', () => {
    const start = text.indexOf('b');
    const target = toCodePointTarget(text, describeRange(text, start, start + 1));
    expect(target.position).toEqual({ start: 2, end: 3 });
    expect([...text].slice(2, 3).join('')).toBe('b');
  });
});
