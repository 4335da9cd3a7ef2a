/**
 * The claims of the current article in reading order: quote, verdict chip and state. Keyboard:
 * j / k or ArrowDown / ArrowUp move (and select), Enter opens the claim in the panel. Windowed:
 * only the rows in view of the surrounding scroll container are rendered (thousands of claims),
 * each row telling assistive technology its position in the whole list.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { levelById } from '../../../shared/claims';
import type { Claim, RatingScale } from '../../../shared/model';
import { afterNextFrame } from '../platform/afterPaint';
import { useLatest } from '../virtual/useLatest';
import { listStyle, useVirtualList } from '../virtual/useVirtualList';
import { useEditedElsewhere } from '../team/useEditedElsewhere';
import { ClaimRow } from './ClaimRow';

interface ClaimListProps {
  claims: readonly Claim[];
  scale: RatingScale;
  selectedClaimId: string | null;
  onSelect: (claimId: string) => void;
  onOpen: (claimId: string) => void;
}

/** Memoized: it renders again only when its claims, scale, selection or handlers change. */
export const ClaimList = memo(function ClaimList({ claims, scale, selectedClaimId, onSelect, onOpen }: ClaimListProps) {
  const elsewhere = useEditedElsewhere();
  const listRef = useRef<HTMLUListElement>(null);
  const select = useLatest(onSelect);
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
    // The list's area grows with its claims, up to a share of the column.
    sizedByRows: true,
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

  // A claim selected anywhere (reader, Mark claim, overview) scrolls into the list's view, in the
  // frame after the one that shows the selection: the reader and the claim panel answer the user
  // first, and the rows the list jumps to are laid out and painted in a frame of their own.
  // (Keyboard moves in the list scroll at once, below.)
  useEffect(() => {
    if (selectedIndex < 0) return;
    // A task after the frame: the scroll event of the next frame renders the rows there.
    return afterNextFrame(() => virtualizer.scrollToIndex(selectedIndex, { align: 'auto' }));
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
        return (
          <ClaimRow
            key={row.key}
            claim={claim}
            index={row.index}
            setSize={claims.length}
            top={row.start}
            selected={row.index === selectedIndex}
            tabStop={row.index === focusable}
            level={levelById(scale, claim.verdict.levelId)}
            editedElsewhereBy={elsewhere.get(claim.id)?.author}
            measure={virtualizer.measureElement}
            onSelect={select}
          />
        );
      })}
    </ul>
  );
});
