/**
 * Small immutable array helpers shared by the operation families: look-ups that throw
 * OperationError, and copy-on-write insert/remove/replace.
 */
import { OperationError } from './errors';

/**
 * The index of the item with `id`; throws OperationError when there is none. Searched from the end (ids
 * are unique): the latest items come first, such as the claim just marked, or a batch of added claims
 * being undone (the last added first), which a search from the start found after scanning all the rest.
 */
export function requireIndex(items: readonly { id: string }[], id: string, what: string): number {
  const index = indexOfId(items, id);
  if (index < 0) throw new OperationError(`No ${what} with id "${id}"`);
  return index;
}

/** The index of the item with `id`, searched from the end (see requireIndex), or -1. */
export function indexOfId(items: readonly { id: string }[], id: string): number {
  for (let i = items.length - 1; i >= 0; i--) if (items[i]!.id === id) return i;
  return -1;
}

/** The item with `id`; throws OperationError when there is none. */
export function requireItem<T extends { id: string }>(items: readonly T[], id: string, what: string): T {
  return items[requireIndex(items, id, what)];
}

/**
 * The ids of lists asked about by requireNew. Lists are never changed in place, so a list's ids
 * never change; insertAt hands the set on to the list it makes, so a batch adding thousands of
 * claims asks each question in constant time instead of scanning a growing list.
 */
const idSets = new WeakMap<readonly unknown[], Set<string>>();

function idsOf(items: readonly { id: string }[]): Set<string> {
  let ids = idSets.get(items);
  if (!ids) {
    ids = new Set();
    for (const item of items) ids.add(item.id);
    idSets.set(items, ids);
  }
  return ids;
}

/**
 * Whether the list holds an item with `id`: from the list's id set when requireNew made one (as it has
 * during a run of added claims: a batch of claims with their source links asked about each claim's
 * list, n² comparisons), else by a search from the end (building a set for one question costs more).
 */
export function hasId(items: readonly { id: string }[], id: string): boolean {
  const ids = idSets.get(items);
  return ids ? ids.has(id) : indexOfId(items, id) >= 0;
}

/** Throws OperationError when an item with `id` already exists. */
export function requireNew(items: readonly { id: string }[], id: string, what: string): void {
  if (idsOf(items).has(id)) throw new OperationError(`There is already a ${what} with id "${id}"`);
}

/**
 * Lists insertAt and removeAt made during a run of one batch's added or deleted claims (see
 * fillingInPlace): no one holds them but the run, so the next insert into one or removal from it
 * changes it in place instead of copying it (a batch of n claims, or its undo, copied the claim list
 * n times: n² item copies).
 */
let madeInRun: WeakSet<readonly unknown[]> | null = null;

/**
 * Runs `apply` with insertAt and removeAt free to change in place the lists they made since the run
 * began (the lists given to the run, and every list made outside it, are never changed). For a run
 * of operations whose inverses and checks keep no list of the states between them (added claims,
 * deleted claims).
 */
export function fillingInPlace<T>(apply: () => T): T {
  const outer = madeInRun;
  madeInRun ??= new WeakSet();
  try {
    return apply();
  } finally {
    madeInRun = outer;
  }
}

/** Inserts at `index` (clamped to the list), or appends when no index is given. */
export function insertAt<T>(items: readonly T[], item: T, index: number | undefined): T[] {
  const at = index === undefined ? items.length : Math.max(0, Math.min(items.length, Math.trunc(index)));
  if (madeInRun?.has(items)) {
    const same = items as T[];
    same.splice(at, 0, item);
    addId(same, item);
    claimCounts.delete(same);
    return same;
  }
  const next = items.slice();
  next.splice(at, 0, item);
  handOnIds(items, next, item);
  madeInRun?.add(next);
  return next;
}

/** An item's id, when it is an object with a string id (the helpers also serve lists of plain values). */
function idOf(item: unknown): string | undefined {
  const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** Adds an item's id to the id set of the list it was put into in place. */
function addId(items: readonly unknown[], item: unknown): void {
  const id = idOf(item);
  if (id !== undefined) idSets.get(items)?.add(id);
}

/** Takes a removed item's id out of the id set of the list it was taken from in place. */
function removeId(items: readonly unknown[], item: unknown): void {
  const id = idOf(item);
  if (id !== undefined) idSets.get(items)?.delete(id);
}

/** Moves the id set of `before` to `after` (= before + item): the older list asks again from scratch if it is ever asked. */
function handOnIds(before: readonly unknown[], after: readonly unknown[], item: unknown): void {
  const ids = idSets.get(before);
  const id = idOf(item);
  if (!ids || id === undefined || ids.has(id)) return;
  ids.add(id);
  idSets.delete(before);
  idSets.set(after, ids);
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  if (madeInRun?.has(items)) {
    const same = items as T[];
    const [removed] = same.splice(index, 1);
    removeId(same, removed);
    claimCounts.delete(same);
    return same;
  }
  const next = [...items.slice(0, index), ...items.slice(index + 1)];
  madeInRun?.add(next);
  return next;
}

export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

/**
 * How many items of a list (source links, comments) are on each claim: counted once for a list that a
 * run of deleted claims takes items from, and kept while the run takes them out in place.
 */
const claimCounts = new WeakMap<readonly unknown[], Map<string, number>>();

function countsByClaim(items: readonly { claimId: string }[]): Map<string, number> {
  let counts = claimCounts.get(items);
  if (!counts) {
    counts = new Map();
    for (const item of items) counts.set(item.claimId, (counts.get(item.claimId) ?? 0) + 1);
    claimCounts.set(items, counts);
  }
  return counts;
}

/**
 * The list without its items on one claim (the same list when it has none). In a run of deleted claims
 * (the undo of a batch of claims with their links) the list the run made is changed in place, and the
 * claim's items are looked for from the end only until all of them are found: the last added come
 * first, and a scan of every link (and a copy of the list) for each claim made the undo of n claims
 * cost n². Outside a run, one scan and one copy.
 */
export function withoutItemsOnClaim<T extends { claimId: string }>(items: readonly T[], claimId: string): T[] {
  const same = items as T[];
  if (!madeInRun) return items.some((item) => item.claimId === claimId) ? items.filter((item) => item.claimId !== claimId) : same;
  const counts = countsByClaim(items);
  let left = counts.get(claimId) ?? 0;
  if (left === 0) return same;
  let next = same;
  if (!madeInRun.has(items)) {
    next = items.slice();
    madeInRun.add(next);
    claimCounts.delete(items);
    claimCounts.set(next, counts);
  }
  for (let i = next.length - 1; i >= 0 && left > 0; i--) {
    if (next[i]!.claimId !== claimId) continue;
    removeId(next, next.splice(i, 1)[0]);
    left--;
  }
  counts.delete(claimId);
  return next;
}
