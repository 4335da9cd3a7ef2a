/**
 * A keyed set of fact-checks with its BM25 index, changed one item at a time: putting an item
 * whose key is known replaces it (re-indexing only when its text changed), so an archive of
 * thousands is kept up to date without rebuilding. Saved and restored as a plain snapshot.
 */
import { TermIndex, type TermIndexSnapshot } from './termIndex';

export interface CollectionSnapshot<T> {
  nextId: number;
  /** [id, item] pairs. */
  items: [number, T][];
  index: TermIndexSnapshot;
}

export interface ItemDescription<T> {
  /** Identity: two items with one key are the same item. */
  key(item: T): string;
  /** The text indexed and compared. */
  text(item: T): string;
}

export type PutOutcome = 'added' | 'updated' | 'unchanged';

export class FactCheckCollection<T> {
  readonly index: TermIndex;
  private readonly items = new Map<number, T>();
  private readonly ids = new Map<string, number>();
  private nextId = 1;

  constructor(
    private readonly describe: ItemDescription<T>,
    snapshot?: CollectionSnapshot<T>,
  ) {
    if (snapshot) {
      this.index = TermIndex.fromSnapshot(snapshot.index);
      this.nextId = snapshot.nextId;
      for (const [id, item] of snapshot.items) {
        this.items.set(id, item);
        this.ids.set(describe.key(item), id);
      }
    } else {
      this.index = TermIndex.empty();
    }
  }

  get size(): number {
    return this.items.size;
  }

  get(id: number): T | undefined {
    return this.items.get(id);
  }

  getByKey(key: string): T | undefined {
    const id = this.ids.get(key);
    return id === undefined ? undefined : this.items.get(id);
  }

  hasKey(key: string): boolean {
    return this.ids.has(key);
  }

  keys(): IterableIterator<string> {
    return this.ids.keys();
  }

  values(): IterableIterator<T> {
    return this.items.values();
  }

  put(item: T): PutOutcome {
    const key = this.describe.key(item);
    const id = this.ids.get(key);
    if (id === undefined) {
      const fresh = this.nextId++;
      this.items.set(fresh, item);
      this.ids.set(key, fresh);
      this.index.add(fresh, this.describe.text(item));
      return 'added';
    }
    const previous = this.items.get(id)!;
    if (JSON.stringify(previous) === JSON.stringify(item)) return 'unchanged';
    const before = this.describe.text(previous);
    const after = this.describe.text(item);
    this.items.set(id, item);
    if (before !== after) {
      this.index.remove(id, before);
      this.index.add(id, after);
    }
    return 'updated';
  }

  delete(key: string): boolean {
    const id = this.ids.get(key);
    if (id === undefined) return false;
    this.index.remove(id, this.describe.text(this.items.get(id)!));
    this.items.delete(id);
    this.ids.delete(key);
    return true;
  }

  toSnapshot(): CollectionSnapshot<T> {
    return { nextId: this.nextId, items: [...this.items], index: this.index.toSnapshot() };
  }
}
