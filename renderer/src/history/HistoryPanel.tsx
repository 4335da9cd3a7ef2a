/**
 * The History panel (region "History"): every change, newest first, with who made it and when, the
 * claim it concerns by name, and for edits of a statement, verdict or review state the value before
 * and after. Clicking an entry selects its claim. Filterable by claim, with undo / redo as in the
 * top bar. Windowed: only the entries in view are rendered (and their details worked out), each
 * telling assistive technology its place in the whole list; the arrow keys, PageUp / PageDown and
 * Home / End move through every entry.
 */
import { memo, useMemo, useState, type KeyboardEvent } from 'react';
import { claimsWithHistory, describeOperation, entriesForClaim } from '../../../shared/history';
import { undoRedoTargets } from '../store/derived';
import { detailsContext, entryDetails, type EntryDetails } from '../../../shared/historyDetails';
import type { HistoryEntry, Project } from '../../../shared/operations';
import { useSession, useSessionState } from '../app/context';
import { SidePanel } from '../dialogs/SidePanel';
import { ClaimPicker } from './ClaimPicker';
import { listStyle, rowStyle } from '../virtual/useVirtualList';
import { usePanelRows } from '../virtual/usePanelRows';
import { formatDateTime } from './timeFormat';
import { rowFocusProps } from '../virtual/useRowFocus';
import { useLatest } from '../virtual/useLatest';

// An entry with one line of claim and one change (measured in Chromium): the estimate is then exact for most.
const ENTRY_HEIGHT = 96;

export function HistoryPanel({ project, onClose }: { project: Project; onClose: () => void }) {
  const session = useSession();
  const { claimId: selectedClaimId } = useSessionState();
  // '' every change, 'selected' the selected claim's, 'claim' one claim chosen in the picker (`picked`).
  const [filter, setFilter] = useState<'' | 'selected' | 'claim'>('');
  const [picked, setPicked] = useState<string | null>(null);
  const claimFilter = filter === 'selected' ? selectedClaimId : filter === 'claim' ? picked : null;
  // Only while the picker is open: the claims with changes (not a drop-down of every claim).
  const pickable = useMemo(() => {
    if (filter !== 'claim') return [];
    const byId = new Map(project.claims.map((claim) => [claim.id, claim]));
    return claimsWithHistory(project).flatMap((id) => byId.get(id) ?? []);
  }, [project, filter]);
  const entries = useMemo(() => entriesForClaim(project, claimFilter).reverse(), [project, claimFilter]);
  // Details are worked out for the entries rendered only, once each for this project.
  const detailsOf = useMemo(() => {
    const context = detailsContext(project);
    const cache = new Map<HistoryEntry, EntryDetails>();
    return (entry: HistoryEntry) => {
      let details = cache.get(entry);
      if (!details) cache.set(entry, (details = entryDetails(entry, project, context)));
      return details;
    };
  }, [project]);
  // A long history's earlier entries are still being paged in: undo and redo wait for them.
  const loading = session.outbox.historyLoading;
  const { undo, redo } = undoRedoTargets(project.history, loading);
  const live = useMemo(() => new Set(project.claims.map((claim) => claim.id)), [project.claims]);

  const openClaim = useLatest((claimId: string) => {
    session.selectClaim(claimId);
    onClose();
  });

  return (
    <SidePanel label="History" onClose={onClose}>
      <div className="side-panel-tools">
        <label className="field-label" htmlFor="history-filter">
          Show changes of
        </label>
        <select id="history-filter" className="field-select field-select-small" value={filter} onChange={(event) => setFilter(event.target.value as typeof filter)}>
          <option value="">All claims and the project</option>
          <option value="selected" disabled={!selectedClaimId}>
            The selected claim
          </option>
          <option value="claim">One claim…</option>
        </select>
        <div className="history-undo">
          <button type="button" className="button button-small" disabled={!undo} onClick={() => session.undo()} title={undo ? `Undo ${describeOperation(undo.op)}` : 'Nothing to undo'}>
            Undo
          </button>
          <button type="button" className="button button-small" disabled={!redo} onClick={() => session.redo()} title={redo ? `Redo ${describeOperation(redo.op)}` : 'Nothing to redo'}>
            Redo
          </button>
        </div>
      </div>
      {loading && (
        <p className="panel-empty" role="status">
          Loading earlier changes…
        </p>
      )}
      {filter === 'claim' && <ClaimPicker claims={pickable} chosen={picked} onChoose={setPicked} />}
      {filter === 'claim' && !picked ? null : entries.length === 0 ? (
        <p className="panel-empty">No changes recorded{claimFilter ? ' for this claim' : ''} yet.</p>
      ) : (
        <HistoryList entries={entries} detailsOf={detailsOf} live={live} onOpen={openClaim} />
      )}
    </SidePanel>
  );
}

interface HistoryListProps {
  entries: readonly HistoryEntry[];
  detailsOf: (entry: HistoryEntry) => EntryDetails;
  /** The claims that still exist (an entry of a deleted claim is not a link). */
  live: ReadonlySet<string>;
  onOpen: (claimId: string) => void;
}

// Its own component: a scroll or a key renders the list, not the panel's tools above it.
const HistoryList = memo(function HistoryList({ entries, detailsOf, live, onOpen }: HistoryListProps) {
  const { ref: listRef, focus, scrollMargin, virtualizer } = usePanelRows<HTMLOListElement>({
    count: entries.length,
    rowHeight: ENTRY_HEIGHT,
    getItemKey: (index) => entries[index]?.seq ?? index,
  });
  return (
    <ol ref={listRef} className="history-list" aria-label="Changes" onKeyDown={focus.onKeyDown} style={listStyle(virtualizer.getTotalSize())}>
      {virtualizer.getVirtualItems().map((row) => {
        const entry = entries[row.index]!;
        const details = detailsOf(entry);
        return (
          <HistoryRow
            key={row.key}
            entry={entry}
            details={details}
            target={details.claimId && live.has(details.claimId) ? details.claimId : null}
            index={row.index}
            setSize={entries.length}
            top={row.start - scrollMargin}
            tabStop={row.index === focus.active}
            measure={virtualizer.measureElement}
            onOpen={onOpen}
            onRowFocus={focus.onRowFocus}
          />
        );
      })}
    </ol>
  );
});

interface HistoryRowProps {
  entry: HistoryEntry;
  details: EntryDetails;
  /** The claim a click shows (null when the entry concerns none, or it was deleted). */
  target: string | null;
  index: number;
  setSize: number;
  top: number;
  tabStop: boolean;
  measure: (element: HTMLElement | null) => void;
  onOpen: (claimId: string) => void;
  onRowFocus: (index: number) => void;
}

// Memoized: a scroll or a key renders only the entries that come into view or change.
const HistoryRow = memo(function HistoryRow({ entry, details, target, index, setSize, top, tabStop, measure, onOpen, onRowFocus }: HistoryRowProps) {
  // The label, author and time come first in the text (a reader hears what and who before the details).
  const content = (
    <>
      <span className="history-what">{details.label}</span>
      <span className="history-who">{entry.author || 'Unknown'}</span>
      <time className="history-when" dateTime={entry.at}>
        {formatDateTime(entry.at)}
      </time>
      {details.claimName && (
        <span className="history-claim" dir="auto">
          {details.claimName}
          {details.moreClaims > 0 ? ` and ${details.moreClaims} more` : ''}
        </span>
      )}
      {details.changes.length > 0 && (
        <span className="history-changes">
          {details.changes.map((change, i) => (
            <span key={i} className="history-change">
              <span className="history-field">{change.field}:</span> <span className="history-before">{change.before}</span> →{' '}
              <span className="history-after">{change.after}</span>
            </span>
          ))}
        </span>
      )}
    </>
  );
  const focusProps = rowFocusProps(index, tabStop, onRowFocus);
  return (
    <li ref={measure} data-index={index} aria-setsize={setSize} aria-posinset={index + 1} className={`history-entry history-${entry.kind}`} style={rowStyle(top)}>
      {target ? (
        <div
          role="link"
          {...focusProps}
          className="history-entry-body is-link"
          title="Show this claim"
          onClick={() => onOpen(target)}
          onKeyDown={(event: KeyboardEvent) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              onOpen(target);
            }
          }}
        >
          {content}
        </div>
      ) : (
        <div className="history-entry-body" {...focusProps}>
          {content}
        </div>
      )}
    </li>
  );
});
