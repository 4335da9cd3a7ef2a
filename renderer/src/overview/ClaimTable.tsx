/**
 * The claims as a table — statement, state, verdict, assignee, due date, last change — sorted by
 * any column (click its heading; again to reverse). A statement opens its claim.
 */
import { useMemo, useState } from 'react';
import type { Claim } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { levelById } from '../../../shared/claims';
import { CLAIM_STATE_LABELS } from '../../../shared/labels';
import { isOverdue, lastChanges, localDay, sortClaimTable, type ClaimColumn, type SortDirection } from '../../../shared/workflow/tasking';
import { truncate } from '../claims/claimLabels';
import { VerdictChip } from '../claims/VerdictChip';

const COLUMNS: { id: ClaimColumn; label: string }[] = [
  { id: 'statement', label: 'Statement' },
  { id: 'state', label: 'State' },
  { id: 'verdict', label: 'Verdict' },
  { id: 'assignee', label: 'Assignee' },
  { id: 'due', label: 'Due' },
  { id: 'changed', label: 'Last change' },
];

const dayFormat = (day: string) => {
  const date = new Date(`${day}T12:00:00`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
};

const timeFormat = (at: string) => {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

export function ClaimTable({ project, claims, onOpen }: { project: Project; claims: readonly Claim[]; onOpen: (claimId: string) => void }) {
  const [sort, setSort] = useState<{ column: ClaimColumn; direction: SortDirection }>({ column: 'changed', direction: 'descending' });
  const changed = useMemo(() => lastChanges(project), [project]);
  const levelOrder = useMemo(() => new Map(project.ratingScale.levels.map((level, index) => [level.id, index])), [project.ratingScale]);
  const rows = useMemo(() => sortClaimTable(claims, sort.column, sort.direction, { levelOrder, changed }), [claims, sort, levelOrder, changed]);
  const today = localDay();

  const sortBy = (column: ClaimColumn) =>
    setSort((current) =>
      current.column === column
        ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: column === 'changed' ? 'descending' : 'ascending' },
    );

  return (
    <div className="claim-table-wrap">
      <table className="claim-table" aria-label="Claims table">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column.id} scope="col" aria-sort={sort.column === column.id ? sort.direction : 'none'} className={`claim-table-${column.id}`}>
                <button type="button" className="claim-table-sort" onClick={() => sortBy(column.id)} title={`Sort by ${column.label.toLowerCase()}`}>
                  {column.label}
                  <span className="claim-table-arrow" aria-hidden="true">
                    {sort.column === column.id ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((claim) => {
            const last = changed.get(claim.id);
            const overdue = isOverdue(claim, today);
            return (
              <tr key={claim.id}>
                <td className="claim-table-statement">
                  <button type="button" className="claim-table-open" dir="auto" onClick={() => onOpen(claim.id)}>
                    {truncate(claim.statement || claim.target.quote.exact, 120)}
                  </button>
                </td>
                <td>
                  <span className={`claim-state-badge state-${claim.state}`}>{CLAIM_STATE_LABELS[claim.state]}</span>
                </td>
                <td>
                  <VerdictChip level={levelById(project.ratingScale, claim.verdict.levelId)} />
                </td>
                <td dir="auto">{claim.assignee || <span className="claim-table-empty">—</span>}</td>
                <td className={overdue ? 'is-overdue' : undefined}>
                  {claim.dueDate ? (
                    <time dateTime={claim.dueDate}>
                      {dayFormat(claim.dueDate)}
                      {overdue ? ' · overdue' : ''}
                    </time>
                  ) : (
                    <span className="claim-table-empty">—</span>
                  )}
                </td>
                <td>{last ? <time dateTime={last}>{timeFormat(last)}</time> : <span className="claim-table-empty">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
