import { describe, expect, it } from 'vitest';
import { rowFocusProps } from '../../../../renderer/src/virtual/useRowFocus';

describe('rowFocusProps', () => {
  it('makes only the tab stop reachable with Tab, and marks every row with its index', () => {
    const focused: number[] = [];
    const stop = rowFocusProps(4, true, (index) => focused.push(index));
    const other = rowFocusProps(7, false, (index) => focused.push(index));
    expect(stop.tabIndex).toBe(0);
    expect(other.tabIndex).toBe(-1);
    expect(stop['data-row-focus']).toBe(4);
    expect(other['data-row-focus']).toBe(7);
  });

  it('reports the row that gets focus (a click or Tab), so it becomes the tab stop', () => {
    const focused: number[] = [];
    rowFocusProps(7, false, (index) => focused.push(index)).onFocus();
    rowFocusProps(2, true, (index) => focused.push(index)).onFocus();
    expect(focused).toEqual([7, 2]);
  });
});
