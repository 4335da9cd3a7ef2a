/**
 * The claims as a table — statement, state, verdict, assignee, due date, last change — sorted by
 * any column (click its heading; again to reverse). A statement opens its claim. Windowed: only the
 * rows in view of the panel are rendered (spacer rows keep the table's height), each with its
 * aria-rowindex in the whole table; the arrow keys, PageUp / PageDown and Home / End move through
 * every row's statement, and the claim selected in the window is marked and scrolled into view.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import type { Claim, RatingLevel } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { levelById } from '../../../shared/claims';
import { CLAIM_STATE_LABELS } from '../../../shared/labels';
import { isOverdue, lastChanges, localDay, sortClaimTable, type ClaimColumn, type SortDirection } from '../../../shared/workflow/tasking';
import { truncate } from '../claims/claimLabels';
import { VerdictChip } from '../claims/VerdictChip';
import { rowsWithGaps } from '../virtual/rowGaps';
import { usePanelRows } from '../virtual/usePanelRows';
import { formatDateTime, formatDay } from '../history/timeFormat';
import { rowFocusProps } from '../virtual/useRowFocus';
import { useLatest } from '../virtual/useLatest';

// A one-line row (measured in Chromium): the estimate is then exact, and a jump needs no correction.
const ROW_HEIGHT = 33;

const COLUMNS: { id: ClaimColumn; label: string }[] = [
  { id: 'statement', label: 'Statement' },
  { id: 'state', label: 'State' },
  { id: 'verdict', label: 'Verdict' },
  { id: 'assignee', label: 'Assignee' },
  { id: 'due', label: 'Due' },
  { id: 'changed', label: 'Last change' },
];

interface ClaimTableProps {
  project: Project;
  claims: readonly Claim[];
  selectedClaimId: string | null;
  onOpen: (claimId: string) => void;
}

export function ClaimTable({ project, claims, selectedClaimId, onOpen }: ClaimTableProps) {
  const [sort, setSort] = useState<{ column: ClaimColumn; direction: SortDirection }>({ column: 'changed', direction: 'descending' });
  const changed = useMemo(() => lastChanges(project), [project]);
  const levelOrder = useMemo(() => new Map(project.ratingScale.levels.map((level, index) => [level.id, index])), [project.ratingScale]);
  const rows = useMemo(() => sortClaimTable(claims, sort.column, sort.direction, { levelOrder, changed }), [claims, sort, levelOrder, changed]);
  const today = localDay();
  const { ref: bodyRef, focus, scrollMargin, virtualizer } = usePanelRows<HTMLTableSectionElement>({
    count: rows.length,
    rowHeight: ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const selectedIndex = useMemo(() => (selectedClaimId ? rows.findIndex((claim) => claim.id === selectedClaimId) : -1), [rows, selectedClaimId]);
  const openRow = useLatest(onOpen);
  const { moveTo } = focus;
  useEffect(() => {
    if (selectedIndex >= 0) moveTo(selectedIndex, false);
  }, [selectedIndex, moveTo, scrollMargin]);
  const placed = rowsWithGaps(virtualizer.getVirtualItems(), scrollMargin, scrollMargin + virtualizer.getTotalSize());

  const sortBy = (column: ClaimColumn) =>
    setSort((current) =>
      current.column === column
        ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: column === 'changed' ? 'descending' : 'ascending' },
    );

  return (
    <div className="claim-table-wrap">
      <table className="claim-table" aria-label="Claims table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
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
        <tbody ref={bodyRef} onKeyDown={focus.onKeyDown}>
          {placed.map((item) => {
            if (item.kind === 'gap') {
              return (
                <tr key={item.key} className="virtual-gap" aria-hidden="true">
                  <td colSpan={COLUMNS.length} style={{ height: item.size }} />
                </tr>
              );
            }
            const { index, key } = item.row;
            const claim = rows[index]!;
            return (
              <ClaimTableRow
                key={key}
                claim={claim}
                index={index}
                last={changed.get(claim.id)}
                overdue={isOverdue(claim, today)}
                selected={index === selectedIndex}
                tabStop={index === focus.active}
                level={levelById(project.ratingScale, claim.verdict.levelId)}
                measure={virtualizer.measureElement}
                onOpen={openRow}
                onRowFocus={focus.onRowFocus}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface ClaimTableRowProps {
  claim: Claim;
  index: number;
  /** When the claim last changed (ISO time), if known. */
  last: string | undefined;
  overdue: boolean;
  selected: boolean;
  tabStop: boolean;
  level: RatingLevel | undefined;
  measure: (element: HTMLElement | null) => void;
  onOpen: (claimId: string) => void;
  onRowFocus: (index: number) => void;
}

// Memoized: a scroll or a key renders only the rows that come into view or change.
const ClaimTableRow = memo(function ClaimTableRow({ claim, index, last, overdue, selected, tabStop, level, measure, onOpen, onRowFocus }: ClaimTableRowProps) {
  return (
    <tr ref={measure} data-index={index} aria-rowindex={index + 2} className={selected ? 'is-selected' : undefined}>
      <td className="claim-table-statement">
        <button type="button" className="claim-table-open" dir="auto" aria-current={selected ? 'true' : undefined} onClick={() => onOpen(claim.id)} {...rowFocusProps(index, tabStop, onRowFocus)}>
          {truncate(claim.statement || claim.target.quote.exact, 120)}
        </button>
      </td>
      <td>
        <span className={`claim-state-badge state-${claim.state}`}>{CLAIM_STATE_LABELS[claim.state]}</span>
      </td>
      <td>
        <VerdictChip level={level} />
      </td>
      <td dir="auto">{claim.assignee || <span className="claim-table-empty">—</span>}</td>
      <td className={overdue ? 'is-overdue' : undefined}>
        {claim.dueDate ? (
          <time dateTime={claim.dueDate}>
            {formatDay(claim.dueDate)}
            {overdue ? ' · overdue' : ''}
          </time>
        ) : (
          <span className="claim-table-empty">—</span>
        )}
      </td>
      <td>{last ? <time dateTime={last}>{formatDateTime(last)}</time> : <span className="claim-table-empty">—</span>}</td>
    </tr>
  );
});
