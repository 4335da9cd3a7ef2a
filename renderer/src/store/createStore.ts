/**
 * The one way the renderer keeps a piece of shared state: a value, a setter that tells subscribers,
 * and the subscribe/getSnapshot pair React's useSyncExternalStore expects.
 */
import { useSyncExternalStore } from 'react';

export interface Store<T> {
  getSnapshot(): T;
  subscribe(listener: () => void): () => void;
  /** Replaces the value (or derives it from the current one); subscribers hear only of real changes. */
  set(next: T | ((current: T) => T)): void;
}

export function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    set(next) {
      const resolved = typeof next === 'function' ? (next as (current: T) => T)(value) : next;
      if (Object.is(resolved, value)) return;
      value = resolved;
      for (const listener of [...listeners]) listener();
    },
  };
}

/** The store's value (or a part of it) in a component; `select` must return a stable value for a given snapshot. */
export function useStore<T>(store: Pick<Store<T>, 'subscribe' | 'getSnapshot'>): T;
export function useStore<T, S>(store: Pick<Store<T>, 'subscribe' | 'getSnapshot'>, select: (value: T) => S): S;
export function useStore<T, S>(store: Pick<Store<T>, 'subscribe' | 'getSnapshot'>, select?: (value: T) => S): T | S {
  const read: () => T | S = select ? () => select(store.getSnapshot()) : store.getSnapshot;
  return useSyncExternalStore<T | S>(store.subscribe, read);
}
