import { describe, expect, it } from 'vitest';
import { NORMAL_TEXT_SIZE, stepTextSize, TEXT_SIZES } from '../../../shared/appearance';

describe('text size steps', () => {
  it('goes up and down one step at a time, stops at the ends, and 0 is normal', () => {
    expect(stepTextSize(100, 1)).toBe(110);
    expect(stepTextSize(110, -1)).toBe(100);
    expect(stepTextSize(TEXT_SIZES[TEXT_SIZES.length - 1], 1)).toBe(TEXT_SIZES[TEXT_SIZES.length - 1]);
    expect(stepTextSize(TEXT_SIZES[0], -1)).toBe(TEXT_SIZES[0]);
    expect(stepTextSize(175, 0)).toBe(NORMAL_TEXT_SIZE);
  });

  it('snaps a size between steps to the next step in that direction', () => {
    expect(stepTextSize(105, 1)).toBe(110);
    expect(stepTextSize(105, -1)).toBe(100);
  });
});
