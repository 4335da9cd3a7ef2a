/**
 * The imports running now: which file, since when, and whether the user cancelled — the one place
 * this is kept, read by the toasts and the progress panel. Imports run on the main side (or the
 * browser-mode host), so the window stays responsive; Cancel discards the result of the latest
 * import and skips the files after it.
 */
import { createStore, useStore } from '../store/createStore';

export interface ImportProgress {
  id: number;
  name: string;
  /** 1-based position of this file among the files being imported. */
  index: number;
  total: number;
  startedAt: number;
  cancelled: boolean;
}

/** Running imports, oldest first. */
const running = createStore<readonly ImportProgress[]>([]);
const cancellers = new Map<number, () => void>();
const cancellations = new Map<number, Promise<'cancelled'>>();
let nextId = 1;

export function beginImport(name: string, index = 1, total = 1): ImportProgress {
  const progress = { id: nextId++, name, index, total, startedAt: Date.now(), cancelled: false };
  cancellations.set(progress.id, new Promise((resolve) => cancellers.set(progress.id, () => resolve('cancelled'))));
  running.set((list) => [...list, progress]);
  return progress;
}

export function endImport(progress: ImportProgress): void {
  cancellers.delete(progress.id);
  cancellations.delete(progress.id);
  running.set((list) => (list.some((p) => p.id === progress.id) ? list.filter((p) => p.id !== progress.id) : list));
}

/** Cancels the latest import (the one the progress panel shows). */
export function cancelImport(): void {
  const latest = running.getSnapshot().at(-1);
  if (!latest) return;
  cancellers.get(latest.id)?.();
  running.set((list) => list.map((p) => (p.id === latest.id ? { ...p, cancelled: true } : p)));
}

/** Settles with 'cancelled' when the user cancels this import (never settles otherwise). */
export function whenCancelled(progress: ImportProgress): Promise<'cancelled'> {
  return cancellations.get(progress.id) ?? new Promise(() => undefined);
}

export function isCancelled(progress: ImportProgress): boolean {
  return running.getSnapshot().find((p) => p.id === progress.id)?.cancelled ?? progress.cancelled;
}

export function useRunningImports(): readonly ImportProgress[] {
  return useStore(running);
}

/** The latest running import, for the progress panel. */
export function useImportProgress(): ImportProgress | null {
  return useStore(running, (list) => list.at(-1) ?? null);
}
