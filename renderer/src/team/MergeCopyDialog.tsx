/**
 * Merge a copy: where the binding has no native file dialog (browser mode), the copy to merge is
 * picked among the copies of the open project in the projects folder, or typed as a path. The open
 * file itself is not offered.
 */
import { useEffect, useState } from 'react';
import type { ProjectFileInfo } from '../../../shared/api';
import { useApi } from '../app/context';
import { Dialog } from '../dialogs/Dialog';
import { errorMessage } from '../platform/errorMessage';

interface MergeCopyDialogProps {
  openPath: string | null;
  projectId: string;
  onMerge: (path: string) => Promise<boolean>;
  onClose: () => void;
}

export function MergeCopyDialog({ openPath, projectId, onMerge, onClose }: MergeCopyDialogProps) {
  const api = useApi();
  const [files, setFiles] = useState<ProjectFileInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.listProjectFiles({}).then(
      (all) => setFiles(all.filter((file) => file.path !== openPath && file.projectId === projectId)),
      (error: unknown) => {
        setFiles([]);
        setProblem(errorMessage(error));
      },
    );
  }, [api, openPath, projectId]);

  const merge = async (target: string) => {
    if (!target.trim() || busy) return;
    setBusy(true);
    const merged = await onMerge(target.trim());
    setBusy(false);
    if (merged) onClose();
  };

  return (
    <Dialog label="Merge a copy" onClose={onClose} wide>
      <p className="dialog-muted">
        Brings in every change of another copy of this project (one received by mail or on a USB stick) and its attachments. Nothing of yours is lost; changes made to the same field on both copies are kept as conflicts.
      </p>
      <section aria-label="Copies in the projects folder">
        <h3 className="dialog-section-title">Copies of this project in the projects folder</h3>
        {files === null ? (
          <p className="dialog-muted">Loading…</p>
        ) : files.length === 0 ? (
          <p className="dialog-muted">No other copy of this project there: type the path of the copy you received.</p>
        ) : (
          <ul className="project-choices" aria-label="Project files to merge">
            {files.map((file) => (
              <li key={file.path}>
                <button type="button" className="project-choice" disabled={busy} onClick={() => void merge(file.path)}>
                  <span className="project-choice-title">{file.title || 'Untitled project'}</span>
                  <span className="project-choice-path">{file.path}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {problem && <p className="field-warning">{problem}</p>}
      <form
        className="dialog-form dialog-path-form"
        onSubmit={(event) => {
          event.preventDefault();
          void merge(path);
        }}
      >
        <div className="field grow">
          <label className="field-label" htmlFor="merge-copy-path">
            Path of the copy
          </label>
          <input
            id="merge-copy-path"
            data-autofocus
            className="field-input field-mono"
            value={path}
            placeholder="/path/to/copy.factcheck.json"
            onChange={(event) => setPath(event.target.value)}
          />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!path.trim() || busy}>
            Merge
          </button>
        </div>
      </form>
    </Dialog>
  );
}
