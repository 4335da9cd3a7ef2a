/**
 * The Overview's results as a list, windowed (thousands of claims): only the rows in view of the
 * panel are rendered, each telling assistive technology its place in the whole list. One row is the
 * tab stop; the arrow keys, PageUp / PageDown and Home / End move through every row; the claim
 * selected in the window is marked and scrolled into view when the Overview opens.
 */
import { memo, useEffect, useMemo } from 'react';
import { levelById } from '../../../shared/claims';
import { CLAIM_STATE_LABELS } from '../../../shared/labels';
import type { Claim } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { truncate } from '../claims/claimLabels';
import { VerdictChip } from '../claims/VerdictChip';
import { listStyle, rowStyle } from '../virtual/useVirtualList';
import { usePanelRows } from '../virtual/usePanelRows';
import { rowFocusProps } from '../virtual/useRowFocus';
import { useLatest } from '../virtual/useLatest';
import type { ClaimRowBaseProps } from '../virtual/claimRowProps';

// A row with a one-line statement (measured in Chromium): the estimate is then exact, and a jump needs no correction.
const ROW_HEIGHT = 56;

interface OverviewListProps {
  project: Project;
  claims: readonly Claim[];
  selectedClaimId: string | null;
  onOpen: (claimId: string) => void;
}

export function OverviewList({ project, claims, selectedClaimId, onOpen }: OverviewListProps) {
  const { ref: listRef, focus, scrollMargin, virtualizer } = usePanelRows<HTMLUListElement>({
    count: claims.length,
    rowHeight: ROW_HEIGHT,
    getItemKey: (index) => claims[index]?.id ?? index,
  });
  const titles = useMemo(() => new Map(project.articles.map((article) => [article.id, article.metadata.title])), [project.articles]);
  const selectedIndex = useMemo(() => (selectedClaimId ? claims.findIndex((claim) => claim.id === selectedClaimId) : -1), [claims, selectedClaimId]);
  const openRow = useLatest(onOpen);

  // The claim selected in the window is where the list starts from (tab stop, in view).
  const { moveTo } = focus;
  useEffect(() => {
    if (selectedIndex >= 0) moveTo(selectedIndex, false);
  }, [selectedIndex, moveTo, scrollMargin]);

  return (
    <ul
      ref={listRef}
      className="overview-list"
      aria-label="Overview results"
      onKeyDown={focus.onKeyDown}
      style={listStyle(virtualizer.getTotalSize())}
    >
      {virtualizer.getVirtualItems().map((row) => {
        const claim = claims[row.index]!;
        return (
          <OverviewRow
            key={row.key}
            claim={claim}
            index={row.index}
            setSize={claims.length}
            top={row.start - scrollMargin}
            selected={row.index === selectedIndex}
            tabStop={row.index === focus.active}
            articleTitle={titles.get(claim.articleId) ?? ''}
            level={levelById(project.ratingScale, claim.verdict.levelId)}
            measure={virtualizer.measureElement}
            onOpen={openRow}
            onRowFocus={focus.onRowFocus}
          />
        );
      })}
    </ul>
  );
}

interface OverviewRowProps extends ClaimRowBaseProps {
  articleTitle: string;
  onOpen: (claimId: string) => void;
  onRowFocus: (index: number) => void;
}

// Memoized: a scroll or a key renders only the rows that come into view or change.
const OverviewRow = memo(function OverviewRow({ claim, index, setSize, top, selected, tabStop, articleTitle, level, measure, onOpen, onRowFocus }: OverviewRowProps) {
  return (
    <li ref={measure} data-index={index} aria-setsize={setSize} aria-posinset={index + 1} className={selected ? 'is-selected' : undefined} style={rowStyle(top)}>
      <button type="button" className="overview-row" aria-current={selected ? 'true' : undefined} onClick={() => onOpen(claim.id)} {...rowFocusProps(index, tabStop, onRowFocus)}>
        <span className="overview-row-main">
          <span className="overview-statement">{truncate(claim.statement || claim.target.quote.exact, 140)}</span>
          <span className="overview-meta">
            {truncate(articleTitle, 50)}
            {claim.claimant ? ` · ${truncate(claim.claimant, 40)}` : ''}
            {claim.assignee ? ` · ${truncate(claim.assignee, 30)}` : ''}
            {(claim.tags ?? []).length ? ` · ${(claim.tags ?? []).map((t) => `#${truncate(t, 20)}`).join(' ')}` : ''}
          </span>
        </span>
        <span className={`claim-state-badge state-${claim.state}`}>{CLAIM_STATE_LABELS[claim.state]}</span>
        <VerdictChip level={level} />
      </button>
    </li>
  );
});
