/**
 * The claims of the current article in reading order: quote, verdict chip and state. Keyboard:
 * j / k or ArrowDown / ArrowUp move (and select), Enter opens the claim in the panel. Windowed:
 * only the rows in view of the surrounding scroll container are rendered (thousands of claims),
 * each row telling assistive technology its position in the whole list.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { levelById } from '../../../shared/claims';
import type { Claim, RatingScale } from '../../../shared/model';
import { CLAIM_STATE_LABELS } from '../../../shared/labels';
import { listStyle, rowStyle, useVirtualList } from '../virtual/useVirtualList';
import { truncate } from './claimLabels';
import { VerdictChip } from './VerdictChip';
import { useEditedElsewhere } from '../team/useEditedElsewhere';

interface ClaimListProps {
  claims: readonly Claim[];
  scale: RatingScale;
  selectedClaimId: string | null;
  onSelect: (claimId: string) => void;
  onOpen: (claimId: string) => void;
}

export function ClaimList({ claims, scale, selectedClaimId, onSelect, onOpen }: ClaimListProps) {
  const elsewhere = useEditedElsewhere();
  const listRef = useRef<HTMLUListElement>(null);
  // The empty state's element: the list's scroll container stays the same while the list is empty, so the window
  // keeps its size and does not measure it again (a forced layout) when claims come back (a redo, a merge).
  const emptyRef = useRef<HTMLDivElement>(null);
  // The row to focus once it is rendered (after a keyboard move scrolled it into the window).
  const pendingFocus = useRef(-1);
  const selectedIndex = selectedClaimId === null ? -1 : claims.findIndex((claim) => claim.id === selectedClaimId);
  // Stable while the claims are: a new key function makes the window re-measure every row's place (5,000).
  const getItemKey = useCallback((index: number) => claims[index]?.id ?? index, [claims]);
  const getScrollElement = useCallback(() => (listRef.current ?? emptyRef.current)?.parentElement ?? null, []);
  const virtualizer = useVirtualList({
    count: claims.length,
    // The list scrolls inside its parent (the claims column's list area).
    getScrollElement,
    estimateSize: 64,
    gap: 2,
    keepIndex: selectedIndex,
    getItemKey,
  });

  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index < 0) return;
    const button = listRef.current?.querySelector<HTMLButtonElement>(`.claim-item-button[data-index="${index}"]`);
    if (button) {
      pendingFocus.current = -1;
      button.focus();
    }
  });

  // A claim selected anywhere (reader, keyboard, overview) scrolls into the list's view.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const current = selectedIndex;
    let next = -1;
    if (event.key === 'ArrowDown' || event.key === 'j') next = Math.min(claims.length - 1, current + 1);
    else if (event.key === 'ArrowUp' || event.key === 'k') next = Math.max(0, current < 0 ? 0 : current - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = claims.length - 1;
    else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      onOpen(claims[current].id);
      return;
    } else return;
    event.preventDefault();
    if (next < 0 || next >= claims.length) return;
    pendingFocus.current = next;
    onSelect(claims[next].id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  if (claims.length === 0) {
    return (
      <div className="claim-list-empty" ref={emptyRef}>
        <ul className="claim-list" aria-label="Claims" />
        <p>No claims in this article yet.</p>
      </div>
    );
  }

  const rows = virtualizer.getVirtualItems();
  // Roving tab stop: the selected claim (always rendered), else the first row in view.
  const focusable = selectedIndex >= 0 ? selectedIndex : (rows[0]?.index ?? 0);
  return (
    <ul className="claim-list" aria-label="Claims" ref={listRef} onKeyDown={onKeyDown} style={listStyle(virtualizer.getTotalSize())}>
      {rows.map((row) => {
        const claim = claims[row.index];
        const selected = row.index === selectedIndex;
        return (
          <li
            key={row.key}
            ref={virtualizer.measureElement}
            data-index={row.index}
            aria-setsize={claims.length}
            aria-posinset={row.index + 1}
            className={`claim-item${selected ? ' is-selected' : ''}`}
            style={rowStyle(row.start)}
          >
            <button
              type="button"
              className="claim-item-button"
              aria-current={selected ? 'true' : undefined}
              tabIndex={row.index === focusable ? 0 : -1}
              onClick={() => onSelect(claim.id)}
              onFocus={() => {
                if (!selected) onSelect(claim.id);
              }}
              data-index={row.index}
            >
              <span className="claim-item-quote" dir="auto">“{truncate(claim.target.quote.exact, 140)}”</span>
              <span className="claim-item-meta">
                <VerdictChip level={levelById(scale, claim.verdict.levelId)} />
                <span className="claim-item-state">{CLAIM_STATE_LABELS[claim.state]}</span>
                {claim.anchor?.status === 'orphaned' && <span className="claim-item-flag is-orphaned">Orphaned</span>}
                {claim.anchor?.status === 'changed' && claim.anchor.proposed && !claim.anchor.decision && <span className="claim-item-flag is-changed">Wording changed</span>}
                {claim.needsRecheck && <span className="claim-item-flag is-recheck">Needs re-check</span>}
                {elsewhere.has(claim.id) && <span className="claim-item-flag is-elsewhere">Edited elsewhere by {elsewhere.get(claim.id)!.author}</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
