/**
 * Where a windowed list starts inside its scroll container (the content above it — filters, a table
 * head — scrolls with it): the virtualizer's scrollMargin. Read after every render and when the
 * container changes size, since what is above may wrap onto more lines.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useScrollMargin(list: RefObject<HTMLElement | null>, scroller: () => HTMLElement | null): number {
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      const element = list.current;
      const container = scroller();
      if (!element || !container) return;
      const offset = Math.round(element.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop);
      setMargin((current) => (current === offset ? current : offset));
    };
    measure();
    const container = scroller();
    if (!container || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(container);
    return () => observer.disconnect();
  });
  return margin;
}
