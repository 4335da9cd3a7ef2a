/**
 * A callback that always calls the latest `callback` given, yet keeps one identity: memoized rows
 * take it without re-rendering whenever their parent makes a new closure.
 */
import { useCallback, useRef } from 'react';

export function useLatest<A extends unknown[], R>(callback: (...args: A) => R): (...args: A) => R {
  const latest = useRef(callback);
  latest.current = callback;
  return useCallback((...args: A) => latest.current(...args), []);
}
