/**
 * The import in progress, for the progress panel: which file, since when, and whether the user
 * cancelled. Imports run on the main side (or the browser-mode host), so the window stays
 * responsive; Cancel discards the result of the running import and skips the files after it.
 */
import { useSyncExternalStore } from 'react';

export interface ImportProgress {
  id: number;
  name: string;
  /** 1-based position of this file among the files being imported. */
  index: number;
  total: number;
  startedAt: number;
  cancelled: boolean;
}

let current: ImportProgress | null = null;
const cancellers = new Map<number, () => void>();
const cancellations = new Map<number, Promise<'cancelled'>>();
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: ImportProgress | null): void {
  current = next;
  for (const listener of listeners) listener();
}

export function beginImport(name: string, index: number, total: number): ImportProgress {
  const progress = { id: nextId++, name, index, total, startedAt: Date.now(), cancelled: false };
  cancellations.set(progress.id, new Promise((resolve) => cancellers.set(progress.id, () => resolve('cancelled'))));
  set(progress);
  return progress;
}

export function endImport(progress: ImportProgress): void {
  cancellers.delete(progress.id);
  cancellations.delete(progress.id);
  if (current?.id === progress.id) set(null);
}

export function cancelImport(): void {
  if (!current) return;
  cancellers.get(current.id)?.();
  set({ ...current, cancelled: true });
}

/** Settles with 'cancelled' when the user cancels this import (never settles otherwise). */
export function whenCancelled(progress: ImportProgress): Promise<'cancelled'> {
  return cancellations.get(progress.id) ?? new Promise(() => undefined);
}

export function isCancelled(progress: ImportProgress): boolean {
  return current?.id === progress.id ? current.cancelled : progress.cancelled;
}

export function useImportProgress(): ImportProgress | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
