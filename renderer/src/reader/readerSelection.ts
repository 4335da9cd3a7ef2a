/**
 * The passage currently selected in the reader (canonical offsets), for Mark claim. The reader follows
 * the browser's selectionchange events, which come a task after the selection changed: a key pressed
 * meanwhile (m right after Shift+Ctrl+→) would mark the passage selected before. So Mark claim asks
 * for the selection read from the page right then (currentReaderSelection).
 */
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

/** Reads the page's selection into the store (the open reader's); none while no reader is open. */
let readFromPage: (() => void) | null = null;

/** The reader that reads the page's selection; returns the function that stops it. */
export function readSelectionWith(read: () => void): () => void {
  readFromPage = read;
  return () => {
    if (readFromPage === read) readFromPage = null;
  };
}

/** The passage selected in the reader now, read from the page (not as of the last selectionchange). */
export function currentReaderSelection(): ReaderSelection | null {
  readFromPage?.();
  return selection.getSnapshot();
}

export function useReaderSelection(): ReaderSelection | null {
  return useStore(selection);
}
