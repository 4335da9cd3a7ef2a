/**
 * The windowed rows of a list or table inside a side panel (Overview list and table, History): the
 * panel's body is the scroll container, the rows start below what is above them (scroll margin),
 * one row is the tab stop and stays rendered, and the arrow keys, PageUp / PageDown and Home / End
 * move through every row.
 */
import { useRef } from 'react';
import { useRowFocus } from './useRowFocus';
import { useScrollMargin } from './useScrollMargin';
import { useVirtualList } from './useVirtualList';

/** Lists up to this long are rendered whole. */
const WHOLE_UP_TO = 100;
/** Rows beyond each edge of the view: enough for a wheel step, few to mount on a jump (End, PageDown). */
const OVERSCAN = 3;

interface PanelRowsOptions {
  count: number;
  rowHeight: number;
  getItemKey: (index: number) => string | number;
}

export function usePanelRows<E extends HTMLElement>({ count, rowHeight, getItemKey }: PanelRowsOptions) {
  const ref = useRef<E>(null);
  const scroller = () => ref.current?.closest<HTMLElement>('.side-panel-body') ?? null;
  const focus = useRowFocus(ref, count, rowHeight);
  const scrollMargin = useScrollMargin(ref, scroller);
  const virtualizer = useVirtualList({
    count,
    getScrollElement: scroller,
    estimateSize: rowHeight,
    keepIndex: focus.active,
    getItemKey,
    scrollMargin,
    wholeUpTo: WHOLE_UP_TO,
    overscan: OVERSCAN,
  });
  focus.attach(virtualizer);
  return { ref, focus, scrollMargin, virtualizer };
}
