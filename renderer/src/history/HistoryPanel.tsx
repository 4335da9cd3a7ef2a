/**
 * The History panel (region "History"): every change with who made it and when, newest first,
 * filterable by claim, with undo / redo as in the top bar.
 */
import { useMemo, useState } from 'react';
import { describeOperation, entriesForClaim, redoTarget, undoTarget } from '../../../shared/history';
import type { HistoryEntry, Project } from '../../../shared/operations';
import { truncate } from '../claims/claimLabels';
import { useSession, useSessionState } from '../app/context';
import { SidePanel } from '../review/SidePanel';

const when = (at: string) => {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

function entryLabel(entry: HistoryEntry, project: Project): string {
  if (entry.kind === 'do') return describeOperation(entry.op);
  const target = project.history[entry.of ?? -1];
  const what = target ? describeOperation(target.op) : describeOperation(entry.op);
  return `${entry.kind === 'undo' ? 'Undo' : 'Redo'}: ${what}`;
}

export function HistoryPanel({ project, onClose }: { project: Project; onClose: () => void }) {
  const session = useSession();
  const { claimId: selectedClaimId } = useSessionState();
  const [filter, setFilter] = useState<string>('');
  const claimFilter = filter === 'selected' ? selectedClaimId : filter || null;
  const entries = useMemo(() => entriesForClaim(project, claimFilter).reverse(), [project, claimFilter]);
  const undo = undoTarget(project.history);
  const redo = redoTarget(project.history);
  const claimLabel = (id: string) => truncate(project.claims.find((c) => c.id === id)?.statement || project.claims.find((c) => c.id === id)?.target.quote.exact || 'Claim', 60);

  return (
    <SidePanel label="History" onClose={onClose}>
      <div className="side-panel-tools">
        <label className="field-label" htmlFor="history-filter">
          Show changes of
        </label>
        <select id="history-filter" className="field-select field-select-small" value={filter} onChange={(event) => setFilter(event.target.value)}>
          <option value="">All claims and the project</option>
          <option value="selected" disabled={!selectedClaimId}>
            The selected claim
          </option>
          {project.claims.map((claim) => (
            <option key={claim.id} value={claim.id}>
              {claimLabel(claim.id)}
            </option>
          ))}
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
      {entries.length === 0 ? (
        <p className="panel-empty">No changes recorded{claimFilter ? ' for this claim' : ''} yet.</p>
      ) : (
        <ol className="history-list" aria-label="Changes">
          {entries.map((entry) => (
            <li key={entry.seq} className={`history-entry history-${entry.kind}`}>
              <span className="history-what">{entryLabel(entry, project)}</span>
              <span className="history-who">{entry.author || 'Unknown'}</span>
              <time className="history-when" dateTime={entry.at}>
                {when(entry.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </SidePanel>
  );
}
