/** The passage currently selected in the reader (canonical offsets), for Mark claim. */
import { useSyncExternalStore } from 'react';
import type { TextSpan } from './selectionToOffsets';

export interface ReaderSelection extends TextSpan {
  articleId: string;
}

let current: ReaderSelection | null = null;
const listeners = new Set<() => void>();

export function setReaderSelection(next: ReaderSelection | null): void {
  if (current === next) return;
  if (current && next && current.articleId === next.articleId && current.start === next.start && current.end === next.end) return;
  current = next;
  for (const listener of listeners) listener();
}

export function getReaderSelection(): ReaderSelection | null {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useReaderSelection(): ReaderSelection | null {
  return useSyncExternalStore(subscribe, getReaderSelection);
}
