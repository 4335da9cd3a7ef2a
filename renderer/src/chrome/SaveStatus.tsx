/** The save indicator: exactly "Saved", "Saving…" or "Not saved: <reason>" (role status, polite). */
import type { SaveIndicator } from '../store/changeOutbox';

export function SaveStatus({ save }: { save: SaveIndicator }) {
  return (
    <div className={`save-status save-status-${save.kind}`}>
      <span className="save-status-dot" aria-hidden="true" />
      <span role="status" aria-live="polite" className="save-status-text">
        {save.text}
      </span>
    </div>
  );
}
