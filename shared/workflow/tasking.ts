/**
 * Who works on what, and by when: the people a project has seen (for choosing an assignee), overdue
 * claims, each claim's last change, and the sortable table of claims in the overview.
 */
import { historyLookup } from '../history';
import { ClaimStateSchema, type Claim } from '../model';
import { claimIdsOf, type Project } from '../operations';
import { indexPeople, withNames } from './peopleIndex';

/** Today as YYYY-MM-DD in the local calendar (due dates are calendar days). */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A claim is overdue when its due day has passed and it is not approved yet. */
export function isOverdue(claim: Pick<Claim, 'dueDate' | 'state'>, today: string): boolean {
  return Boolean(claim.dueDate) && claim.dueDate! < today && claim.state !== 'approved';
}

/** Whether a claim is assigned to `name` (names compared without case and surrounding spaces). */
export function isAssignedTo(claim: Pick<Claim, 'assignee'>, name: string): boolean {
  const wanted = name.trim().toLocaleLowerCase();
  return wanted.length > 0 && (claim.assignee ?? '').trim().toLocaleLowerCase() === wanted;
}

/**
 * Everyone the project has seen — assignees, who marked claims, who commented and who made changes —
 * sorted, each name once (the first spelling seen wins when names differ only in case).
 */
export function peopleSeen(project: Pick<Project, 'claims' | 'comments' | 'history'>, also: readonly string[] = []): string[] {
  return withNames(indexPeople(project).names, also);
}

/** When each claim last changed (the time of the newest history entry that concerns it), by claim id. */
export function lastChanges(project: Pick<Project, 'history' | 'claims' | 'links' | 'comments'>): Map<string, string> {
  const lookup = historyLookup(project);
  const out = new Map<string, string>();
  for (const entry of project.history) {
    for (const id of claimIdsOf(entry.op, lookup)) {
      const known = out.get(id);
      if (!known || entry.at > known) out.set(id, entry.at);
    }
  }
  return out;
}

export type ClaimColumn = 'statement' | 'state' | 'verdict' | 'assignee' | 'due' | 'changed';
export type SortDirection = 'ascending' | 'descending';

export interface ClaimTableContext {
  /** Level ids in scale order (lower index = earlier in the scale). */
  levelOrder: ReadonlyMap<string, number>;
  /** From lastChanges. */
  changed: ReadonlyMap<string, string>;
}

const STATE_ORDER = ClaimStateSchema.options;

/**
 * Claims sorted by one column of the table. Empty values (no assignee, no due date, no verdict) go
 * last in both directions, since "nothing" is not smaller or larger than a value; ties keep the given order.
 */
export function sortClaimTable(claims: readonly Claim[], column: ClaimColumn, direction: SortDirection, context: ClaimTableContext): Claim[] {
  const key = (claim: Claim): string | number | null => {
    switch (column) {
      case 'statement':
        return (claim.statement.trim() || claim.target.quote.exact).toLocaleLowerCase();
      case 'state':
        return STATE_ORDER.indexOf(claim.state);
      case 'verdict':
        return claim.verdict.levelId ? (context.levelOrder.get(claim.verdict.levelId) ?? null) : null;
      case 'assignee':
        return claim.assignee?.trim() ? claim.assignee.trim().toLocaleLowerCase() : null;
      case 'due':
        return claim.dueDate ?? null;
      case 'changed':
        return context.changed.get(claim.id) ?? null;
    }
  };
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = claims.map((claim, index) => ({ claim, index, key: key(claim) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? a.index - b.index : a.key === null ? 1 : -1;
    const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : String(a.key).localeCompare(String(b.key));
    return order * sign || a.index - b.index;
  });
  return keyed.map((item) => item.claim);
}
