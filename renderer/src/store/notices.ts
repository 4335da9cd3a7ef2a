/** Messages for the user (a refused change, a file that could not be read), shown until dismissed. */
import { newId } from '../../../shared/ids';
import { createStore } from './createStore';

export interface Notice {
  id: string;
  message: string;
}

export class Notices {
  private readonly store = createStore<readonly Notice[]>([]);
  readonly subscribe = this.store.subscribe;
  readonly getSnapshot = this.store.getSnapshot;

  notify(message: string): void {
    this.store.set((notices) => [...notices, { id: newId('n'), message }]);
  }

  dismiss(id: string): void {
    this.store.set((notices) => notices.filter((notice) => notice.id !== id));
  }
}
