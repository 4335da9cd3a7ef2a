/** The passage currently selected in the reader (canonical offsets), for Mark claim. */
import { createStore, useStore } from '../store/createStore';
import type { TextSpan } from './selectionToOffsets';

export interface ReaderSelection extends TextSpan {
  articleId: string;
}

const selection = createStore<ReaderSelection | null>(null);

export function setReaderSelection(next: ReaderSelection | null): void {
  const current = selection.getSnapshot();
  if (current && next && current.articleId === next.articleId && current.start === next.start && current.end === next.end) return;
  selection.set(next);
}

export function getReaderSelection(): ReaderSelection | null {
  return selection.getSnapshot();
}

export function useReaderSelection(): ReaderSelection | null {
  return useStore(selection);
}
