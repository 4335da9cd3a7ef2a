/**
 * A windowed list over a scroll container (@tanstack/react-virtual): only the rows in view (plus a
 * few either side) are in the DOM, each measured after it renders. `keepIndex` stays rendered even
 * when scrolled away, so the focused / selected row never loses focus and Tab can always reach it.
 */
import { defaultRangeExtractor, measureElement as measuredSize, observeElementRect, useVirtualizer, type Range, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, type CSSProperties } from 'react';

export interface VirtualListOptions {
  count: number;
  getScrollElement: () => HTMLElement | null;
  estimateSize: number;
  keepIndex?: number;
  gap?: number;
  getItemKey?: (index: number) => string | number;
  /** Distance from the top of the scroll container's content to the list (content above it). */
  scrollMargin?: number;
  /** A list this short is rendered whole (it costs little, and the browser's find sees every row). */
  wholeUpTo?: number;
  /** Rows rendered beyond each edge of the view (default 8). */
  overscan?: number;
  /** The scroll container is as tall as the rows, up to a maximum (the claim list's area). */
  sizedByRows?: boolean;
}

export function useVirtualList({ count, getScrollElement, estimateSize, keepIndex = -1, gap = 0, getItemKey, scrollMargin = 0, wholeUpTo = 0, overscan = 8, sizedByRows = false }: VirtualListOptions) {
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (keepIndex < 0 || keepIndex >= count || indexes.includes(keepIndex)) return indexes;
      return [...indexes, keepIndex].sort((a, b) => a - b);
    },
    [keepIndex, count],
  );
  // A row not measured yet is estimated at the size the last measured row had (the rows of one list are
  // mostly alike): a new row (Mark claim, a selection far away) then measures as estimated, and the list
  // neither moves what is in view to make up the difference nor renders again for it.
  const lastMeasured = useRef(estimateSize);
  const measure = useCallback((element: Element, entry: ResizeObserverEntry | undefined, instance: Virtualizer<HTMLElement, Element>) => {
    const size = measuredSize(element, entry, instance);
    if (size > 0) lastMeasured.current = size;
    return size;
  }, []);
  // The window learns its container's size from a ResizeObserver, after the frame in which the size changed.
  // A container sized by its rows grows when rows come (claims back from nothing after a Redo): the first
  // render covers the container's old size, and the rest of the rows would come in a render and a frame
  // of their own, after the frame the user was waiting for. So when the rows fitted in their container
  // before and the count changed, the container's size is read in the commit (already laid out for the
  // new rows' measures) and the rows it now shows render before the frame.
  const reportRect = useRef<((rect: Rect) => void) | null>(null);
  const observeRect = useCallback((instance: Virtualizer<HTMLElement, Element>, report: (rect: Rect) => void) => {
    reportRect.current = report;
    const stop = observeElementRect(instance, report);
    return () => {
      if (reportRect.current === report) reportRect.current = null;
      stop?.();
    };
  }, []);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement,
    estimateSize: () => lastMeasured.current,
    measureElement: measure,
    observeElementRect: observeRect,
    overscan: count <= wholeUpTo ? count : overscan,
    gap,
    rangeExtractor,
    getItemKey,
    scrollMargin,
  });
  const rowsFitted = useRef(true);
  useLayoutEffect(() => {
    if (!sizedByRows) return;
    const container = virtualizer.scrollElement;
    if (rowsFitted.current && container && reportRect.current) reportRect.current({ width: container.clientWidth, height: container.clientHeight });
    rowsFitted.current = virtualizer.getTotalSize() <= (virtualizer.scrollRect?.height ?? 0);
  }, [count, sizedByRows, virtualizer]);
  return virtualizer;
}

/** The list element's style: as tall as every row together, rows placed inside it. */
export function listStyle(totalSize: number): CSSProperties {
  return { position: 'relative', height: totalSize, display: 'block' };
}

/** A row's style: absolutely placed at its measured start. */
export function rowStyle(start: number): CSSProperties {
  return { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${start}px)` };
}
