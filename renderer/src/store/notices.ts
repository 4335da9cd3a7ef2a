/** Messages for the user (a refused change, a file that could not be read), shown until dismissed. */
import { newId } from '../../../shared/ids';
import { createStore } from './createStore';

/** 'refusal': a change that was not made — stale once a later change succeeds, so it goes then. */
export type NoticeKind = 'error' | 'refusal';

export interface Notice {
  id: string;
  message: string;
  kind: NoticeKind;
}

export class Notices {
  private readonly store = createStore<readonly Notice[]>([]);
  readonly subscribe = this.store.subscribe;
  readonly getSnapshot = this.store.getSnapshot;

  notify(message: string, kind: NoticeKind = 'error'): void {
    this.store.set((notices) => [...notices, { id: newId('n'), message, kind }]);
  }

  dismiss(id: string): void {
    this.store.set((notices) => notices.filter((notice) => notice.id !== id));
  }

  /** After a change succeeds: earlier refusals no longer describe what the user is doing. */
  clearRefusals(): void {
    if (this.store.getSnapshot().some((notice) => notice.kind === 'refusal')) {
      this.store.set((notices) => notices.filter((notice) => notice.kind !== 'refusal'));
    }
  }
}
