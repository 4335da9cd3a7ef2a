/**
 * Derived data that walks every claim or history entry, computed once per version of the lists it
 * reads (lists are immutable: a change makes new arrays), so the renders that follow a selection,
 * a keystroke or the main side's reply do not walk 5,000 entries again.
 */
import { redoTarget, undoTarget } from '../../../shared/history';
import type { HistoryEntry, Project } from '../../../shared/operations';
import { indexPeople, withNames, type PeopleIndex } from '../../../shared/workflow/peopleIndex';
import { reviewRecords, type ClaimReviewRecord } from '../../../shared/workflow/reviewRecord';

/** A function of some lists, remembered for the last lists it was given per first list (by identity). */
function memoByLists<L extends readonly object[], R>(compute: (...lists: L) => R): (...lists: L) => R {
  const cache = new WeakMap<object, { lists: L; result: R }>();
  return (...lists: L) => {
    const hit = cache.get(lists[0]);
    if (hit && hit.lists.every((list, i) => list === lists[i])) return hit.result;
    const result = compute(...lists);
    cache.set(lists[0], { lists, result });
    return result;
  };
}

const NO_TARGETS = { undo: null, redo: null } as const;

/**
 * The entries the next undo and the next redo would take back / re-apply, or null (undoRedoStacks
 * keeps the stacks per history list, so a render walks nothing again); none while a long history's
 * earlier entries are still being paged in (`historyLoading`: undo and redo wait for them).
 */
export function undoRedoTargets(history: readonly HistoryEntry[], historyLoading = false): { undo: HistoryEntry | null; redo: HistoryEntry | null } {
  return historyLoading ? NO_TARGETS : { undo: undoTarget(history), redo: redoTarget(history) };
}

const EMPTY: never[] = [];

// The last reading of the project's people: the next one reads only what a change appended.
let people: PeopleIndex | undefined;

/** peopleSeen of the project, with `also` (the user's own name) merged in as peopleSeen does. */
export function projectPeople(project: Pick<Project, 'claims' | 'comments' | 'history'>, also: readonly string[] = []): readonly string[] {
  people = indexPeople(project, people);
  return also.length === 0 ? people.names : withNames(people.names, also);
}

const recordsOf = memoByLists(
  (history: Project['history'], claims: Project['claims'], links: Project['links'], comments: NonNullable<Project['comments']>) =>
    reviewRecords({ history, claims, links, comments }),
);

/** reviewRecords of the project, once per version of its history, claims, links and comments. */
export function projectReviewRecords(project: Pick<Project, 'history' | 'claims' | 'links' | 'comments'>): ReadonlyMap<string, ClaimReviewRecord> {
  return recordsOf(project.history, project.claims, project.links, project.comments ?? EMPTY);
}
