/**
 * A windowed list over a scroll container (@tanstack/react-virtual): only the rows in view (plus a
 * few either side) are in the DOM, each measured after it renders. `keepIndex` stays rendered even
 * when scrolled away, so the focused / selected row never loses focus and Tab can always reach it.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, type CSSProperties } from 'react';

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
  return useVirtualizer({
    count,
    getScrollElement,
    estimateSize: () => estimateSize,
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
