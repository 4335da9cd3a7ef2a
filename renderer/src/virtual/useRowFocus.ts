/**
 * Keyboard focus through a windowed list: one row is the tab stop (`active`, kept rendered by the
 * list's `keepIndex`); the arrow keys, PageUp / PageDown and Home / End move it, scroll the row into
 * view and focus it once it is rendered. Rows mark their focusable element with data-row-focus="<index>".
 */
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { indexAfterKey } from './listKeys';

interface Scroller {
  scrollToIndex: (index: number, options?: { align?: 'start' | 'center' | 'end' | 'auto' }) => void;
  scrollElement: Element | null;
}

export function useRowFocus(container: RefObject<HTMLElement | null>, count: number, rowHeight: number) {
  const [active, setActive] = useState(0);
  const pending = useRef(-1);
  const scroller = useRef<Scroller | null>(null);
  const clamped = count === 0 ? -1 : Math.min(active, count - 1);

  useLayoutEffect(() => {
    const index = pending.current;
    if (index < 0) return;
    const element = container.current?.querySelector<HTMLElement>(`[data-row-focus="${index}"]`);
    if (element) {
      pending.current = -1;
      // The virtualizer scrolls the row into view; a scroll by focus would read to it as the user's and stop it.
      element.focus({ preventScroll: true });
    }
  });

  /** Makes `index` the tab stop and scrolls it into view; `focus` also moves focus there. */
  const moveTo = useCallback((index: number, focus: boolean) => {
    setActive(index);
    if (focus) pending.current = index;
    scroller.current?.scrollToIndex(index, { align: 'auto' });
  }, []);

  /** A row's focusable element got focus (a click, Tab): it becomes the tab stop. Stable, for memoized rows. */
  const onRowFocus = useCallback((index: number) => setActive(index), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const view = scroller.current?.scrollElement?.clientHeight ?? 0;
    const next = indexAfterKey(event.key, clamped, count, Math.floor(view / rowHeight) - 1);
    if (next === null) return;
    event.preventDefault();
    moveTo(next, true);
  };

  return {
    /** The row that is the tab stop (−1 for an empty list). */
    active: clamped,
    /** The virtualizer, once made with `keepIndex: active`. */
    attach: (virtualizer: Scroller) => {
      scroller.current = virtualizer;
    },
    moveTo,
    onKeyDown,
    onRowFocus,
    /** A row's focusable element: its tab index and marker; focusing it (a click, Tab) makes it the tab stop. */
    focusProps: (index: number) => rowFocusProps(index, index === clamped, onRowFocus),
  };
}

/** The props of a row's focusable element, from what a memoized row is given: its index, whether it is the tab stop, `onRowFocus`. */
export function rowFocusProps(index: number, tabStop: boolean, onRowFocus: (index: number) => void) {
  return {
    tabIndex: tabStop ? 0 : -1,
    'data-row-focus': index,
    onFocus: () => onRowFocus(index),
  };
}
