/** Progress of a running import, shown once it has taken more than a second, with Cancel. */
import { useEffect, useState } from 'react';
import { cancelImport, useImportProgress } from './importProgress';

const SHOW_AFTER_MS = 1000;

export function ImportProgressPanel() {
  const progress = useImportProgress();
  const [, tick] = useState(0);
  useEffect(() => {
    if (!progress) return;
    const timer = window.setInterval(() => tick((n) => n + 1), 250);
    return () => window.clearInterval(timer);
  }, [progress]);
  if (!progress || Date.now() - progress.startedAt < SHOW_AFTER_MS) return null;
  const seconds = Math.floor((Date.now() - progress.startedAt) / 1000);
  const label = `Importing ${progress.name}${progress.total > 1 ? ` (${progress.index} of ${progress.total})` : ''}`;
  return (
    <div className="import-progress" role="group" aria-label="Import progress">
      <p className="import-progress-label">
        {progress.cancelled ? `Cancelling ${progress.name}…` : `${label}… ${seconds} s`}
      </p>
      <progress aria-label={label} />
      <button type="button" className="button button-small" onClick={cancelImport} disabled={progress.cancelled}>
        Cancel import
      </button>
    </div>
  );
}
