/**
 * Small immutable array helpers shared by the operation families: look-ups that throw
 * OperationError, and copy-on-write insert/remove/replace.
 */
import { OperationError } from './errors';

/** The index of the item with `id`; throws OperationError when there is none. */
export function requireIndex(items: readonly { id: string }[], id: string, what: string): number {
  let index = -1;
  for (let i = 0; i < items.length; i++) {
    if (items[i]!.id === id) {
      index = i;
      break;
    }
  }
  if (index < 0) throw new OperationError(`No ${what} with id "${id}"`);
  return index;
}

/** The item with `id`; throws OperationError when there is none. */
export function requireItem<T extends { id: string }>(items: readonly T[], id: string, what: string): T {
  return items[requireIndex(items, id, what)];
}

/** Throws OperationError when an item with `id` already exists. */
export function requireNew(items: readonly { id: string }[], id: string, what: string): void {
  if (items.some((item) => item.id === id)) throw new OperationError(`There is already a ${what} with id "${id}"`);
}

/** Inserts at `index` (clamped to the list), or appends when no index is given. */
export function insertAt<T>(items: readonly T[], item: T, index: number | undefined): T[] {
  const at = index === undefined ? items.length : Math.max(0, Math.min(items.length, Math.trunc(index)));
  return [...items.slice(0, at), item, ...items.slice(at)];
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return [...items.slice(0, index), ...items.slice(index + 1)];
}

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}
