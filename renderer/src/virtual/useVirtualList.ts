/**
 * A windowed list over a scroll container (@tanstack/react-virtual): only the rows in view (plus a
 * few either side) are in the DOM, each measured after it renders. `keepIndex` stays rendered even
 * when scrolled away, so the focused / selected row never loses focus and Tab can always reach it.
 */
import { defaultRangeExtractor, measureElement as measuredSize, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, type CSSProperties } from 'react';

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
}

export function useVirtualList({ count, getScrollElement, estimateSize, keepIndex = -1, gap = 0, getItemKey, scrollMargin = 0, wholeUpTo = 0, overscan = 8 }: VirtualListOptions) {
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
  return useVirtualizer({
    count,
    getScrollElement,
    estimateSize: () => lastMeasured.current,
    measureElement: measure,
    overscan: count <= wholeUpTo ? count : overscan,
    gap,
    rangeExtractor,
    getItemKey,
    scrollMargin,
  });
}

/** The list element's style: as tall as every row together, rows placed inside it. */
export function listStyle(totalSize: number): CSSProperties {
  return { position: 'relative', height: totalSize, display: 'block' };
}

/** A row's style: absolutely placed at its measured start. */
export function rowStyle(start: number): CSSProperties {
  return { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${start}px)` };
}
