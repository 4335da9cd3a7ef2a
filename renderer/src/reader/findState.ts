/** What "Find in article" found, shared by the find box (in the toolbar) and the reader that draws and reveals it. */
import { createStore, useStore } from '../store/createStore';
import type { FindMatches } from './findMatches';

export interface FindState {
  articleId: string;
  matches: FindMatches;
  /** The current match's index (-1: none). */
  current: number;
  /** Bumped on each Next / Previous, so the reader reveals the current match even when it did not change. */
  reveal: number;
}

const find = createStore<FindState | null>(null);

export function setFindState(next: FindState | null): void {
  find.set(next);
}

export function useFindState(): FindState | null {
  return useStore(find);
}
