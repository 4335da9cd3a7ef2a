/**
 * The Overview's results as a list, windowed (thousands of claims): only the rows in view of the
 * panel are rendered, each telling assistive technology its place in the whole list. One row is the
 * tab stop; the arrow keys, PageUp / PageDown and Home / End move through every row; the claim
 * selected in the window is marked and scrolled into view when the Overview opens.
 */
import { useEffect } from 'react';
import { levelById } from '../../../shared/claims';
import { CLAIM_STATE_LABELS } from '../../../shared/labels';
import type { Claim } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { truncate } from '../claims/claimLabels';
import { VerdictChip } from '../claims/VerdictChip';
import { listStyle, rowStyle } from '../virtual/useVirtualList';
import { usePanelRows } from '../virtual/usePanelRows';

const ROW_HEIGHT = 58;

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
  const titles = new Map(project.articles.map((article) => [article.id, article.metadata.title]));
  const selectedIndex = selectedClaimId ? claims.findIndex((claim) => claim.id === selectedClaimId) : -1;

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
        const selected = row.index === selectedIndex;
        return (
          <li
            key={row.key}
            ref={virtualizer.measureElement}
            data-index={row.index}
            aria-setsize={claims.length}
            aria-posinset={row.index + 1}
            className={selected ? 'is-selected' : undefined}
            style={rowStyle(row.start - scrollMargin)}
          >
            <button type="button" className="overview-row" aria-current={selected ? 'true' : undefined} onClick={() => onOpen(claim.id)} {...focus.focusProps(row.index)}>
              <span className="overview-row-main">
                <span className="overview-statement">{truncate(claim.statement || claim.target.quote.exact, 140)}</span>
                <span className="overview-meta">
                  {truncate(titles.get(claim.articleId) ?? '', 50)}
                  {claim.claimant ? ` · ${truncate(claim.claimant, 40)}` : ''}
                  {claim.assignee ? ` · ${truncate(claim.assignee, 30)}` : ''}
                  {(claim.tags ?? []).length ? ` · ${(claim.tags ?? []).map((t) => `#${truncate(t, 20)}`).join(' ')}` : ''}
                </span>
              </span>
              <span className={`claim-state-badge state-${claim.state}`}>{CLAIM_STATE_LABELS[claim.state]}</span>
              <VerdictChip level={levelById(project.ratingScale, claim.verdict.levelId)} />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
