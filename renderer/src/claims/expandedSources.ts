/**
 * Which sources are shown expanded in the claim panel (by link id). Sources start as one line each;
 * one the user added or opened stays open — across claims and a reload of the window — until they
 * close it. Kept in sessionStorage: it lasts as long as the window.
 */
import { createStore, useStore } from '../store/createStore';

const KEY = 'factcheck-expanded-sources';
/** Enough for any day's work; the oldest are forgotten first. */
const MAX_REMEMBERED = 500;

function read(): ReadonlySet<string> {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

const expanded = createStore<ReadonlySet<string>>(typeof window === 'undefined' ? new Set() : read());

function set(next: Set<string>): void {
  const kept = [...next].slice(-MAX_REMEMBERED);
  expanded.set(new Set(kept));
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // Storage full or unavailable: the panel still works, it just forgets on reload.
  }
}

export function expandSource(linkId: string): void {
  if (expanded.getSnapshot().has(linkId)) return;
  set(new Set(expanded.getSnapshot()).add(linkId));
}

export function toggleSource(linkId: string): void {
  const next = new Set(expanded.getSnapshot());
  if (!next.delete(linkId)) next.add(linkId);
  set(next);
}

export function useExpandedSources(): ReadonlySet<string> {
  return useStore(expanded);
}
