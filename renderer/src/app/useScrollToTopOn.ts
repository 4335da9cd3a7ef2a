/**
 * A scroll container that goes back to its top when `key` changes (another claim opens at its top).
 * Setting scrollTop makes the browser lay the page out at once, inside the click (≈ 6 ms with 5,000
 * claims), so it is set only when the container was scrolled away from its top: the container's own
 * scroll events say where it is, without asking the layout.
 */
import { useCallback, useLayoutEffect, useRef, type UIEvent } from 'react';

export function useScrollToTopOn<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  const awayFromTop = useRef(false);
  useLayoutEffect(() => {
    if (!awayFromTop.current || !ref.current) return;
    ref.current.scrollTop = 0;
    awayFromTop.current = false;
  }, [key]);
  const onScroll = useCallback((event: UIEvent<T>) => {
    awayFromTop.current = event.currentTarget.scrollTop > 0;
  }, []);
  return { ref, onScroll };
}
