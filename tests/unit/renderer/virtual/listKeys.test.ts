import { describe, expect, it } from 'vitest';
import { indexAfterKey } from '../../../../renderer/src/virtual/listKeys';

describe('indexAfterKey', () => {
  it('moves one row with the arrows and stops at either end', () => {
    expect(indexAfterKey('ArrowDown', 3, 10, 5)).toBe(4);
    expect(indexAfterKey('ArrowUp', 3, 10, 5)).toBe(2);
    expect(indexAfterKey('ArrowDown', 9, 10, 5)).toBe(9);
    expect(indexAfterKey('ArrowUp', 0, 10, 5)).toBe(0);
  });

  it('moves a page with PageDown / PageUp, clamped, and at least one row', () => {
    expect(indexAfterKey('PageDown', 3, 10, 5)).toBe(8);
    expect(indexAfterKey('PageDown', 8, 10, 5)).toBe(9);
    expect(indexAfterKey('PageUp', 3, 10, 5)).toBe(0);
    expect(indexAfterKey('PageDown', 3, 10, 0)).toBe(4);
  });

  it('Home and End reach the first and the last of 5,000 rows', () => {
    expect(indexAfterKey('Home', 2500, 5000, 10)).toBe(0);
    expect(indexAfterKey('End', 0, 5000, 10)).toBe(4999);
  });

  it('starts at the first row when none is current, and ignores other keys and empty lists', () => {
    expect(indexAfterKey('ArrowDown', -1, 10, 5)).toBe(0);
    expect(indexAfterKey('ArrowUp', -1, 10, 5)).toBe(0);
    expect(indexAfterKey('ArrowDown', 12, 10, 5)).toBe(0);
    expect(indexAfterKey('Enter', 3, 10, 5)).toBeNull();
    expect(indexAfterKey('End', -1, 0, 5)).toBeNull();
  });
});
