/**
 * Where a windowed list starts inside its scroll container (the content above it — filters, a table
 * head — scrolls with it): the virtualizer's scrollMargin. Read after every render and when the
 * container changes size, since what is above may wrap onto more lines. One ResizeObserver for the
 * list's lifetime: a new one per render (every scroll renders the list) cost an observation each time.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { useLatest } from './useLatest';

export function useScrollMargin(list: RefObject<HTMLElement | null>, scroller: () => HTMLElement | null): number {
  const [margin, setMargin] = useState(0);
  const measure = useLatest(() => {
    const element = list.current;
    const container = scroller();
    if (!element || !container) return;
    const offset = Math.round(element.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop);
    setMargin((current) => (current === offset ? current : offset));
  });
  useLayoutEffect(() => measure());
  useLayoutEffect(() => {
    const container = scroller();
    if (!container || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => measure());
    observer.observe(container);
    return () => observer.disconnect();
    // The container is the list's panel body, the same for as long as the list is mounted.
  }, []);
  return margin;
}
