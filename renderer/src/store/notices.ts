/**
 * Messages for the user (a refused change, a file that could not be read), shown until dismissed.
 * The same message twice is shown once, and at most a few are kept (the newest):
 * a burst of failures must not pile up over the window.
 */
import { newId } from '../../../shared/ids';
import { createStore } from './createStore';

/** 'refusal': a change that was not made — stale once a later change succeeds, so it goes then. */
export type NoticeKind = 'error' | 'refusal';

export interface Notice {
  id: string;
  message: string;
  kind: NoticeKind;
}

export const MAX_NOTICES = 3;

export class Notices {
  private readonly store = createStore<readonly Notice[]>([]);
  readonly subscribe = this.store.subscribe;
  readonly getSnapshot = this.store.getSnapshot;

  notify(message: string, kind: NoticeKind = 'error'): void {
    this.store.set((notices) => {
      // A repeat keeps its place on screen (and its element): moving or remaking it would flicker.
      if (notices.some((notice) => notice.message === message)) return notices;
      return [...notices, { id: newId('n'), message, kind }].slice(-MAX_NOTICES);
    });
  }

  dismiss(id: string): void {
    this.store.set((notices) => notices.filter((notice) => notice.id !== id));
  }

  clear(): void {
    this.store.set([]);
  }

  /** After a change succeeds: earlier refusals no longer describe what the user is doing. */
  clearRefusals(): void {
    if (this.store.getSnapshot().some((notice) => notice.kind === 'refusal')) {
      this.store.set((notices) => notices.filter((notice) => notice.kind !== 'refusal'));
    }
  }
}
