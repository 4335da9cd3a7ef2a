/**
 * Merge a copy: where the binding has no native file dialog (browser mode), the copy to merge is
 * picked among the copies of the open project in the projects folder, or typed as a path. The open
 * file itself is not offered.
 */
import { useEffect, useState } from 'react';
import type { ProjectFileInfo } from '../../../shared/api';
import { useApi } from '../app/context';
import { Dialog } from '../dialogs/Dialog';
import { PathForm, usePathAction } from '../dialogs/PathForm';
import { ProjectChoice } from '../dialogs/ProjectChoice';
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
  const { busy, run: merge } = usePathAction(onMerge, onClose);

  useEffect(() => {
    api.listProjectFiles({}).then(
      (all) => setFiles(all.filter((file) => file.path !== openPath && file.projectId === projectId)),
      (error: unknown) => {
        setFiles([]);
        setProblem(errorMessage(error));
      },
    );
  }, [api, openPath, projectId]);

  return (
    <Dialog label="Merge a copy" onClose={onClose} wide>
      <p className="dialog-muted">
        Brings in every change of another copy of this project (one received by mail or on a USB stick) and its attachments. Nothing of yours is lost; changes made to the same field on both copies are kept as conflicts.
      </p>
      <section className="dialog-choices" aria-label="Copies in the projects folder">
        <h3 className="dialog-section-title">Copies of this project in the projects folder</h3>
        {files === null ? (
          <p className="dialog-muted">Loading…</p>
        ) : files.length === 0 ? (
          <p className="dialog-muted">No other copy of this project there: type the path of the copy you received.</p>
        ) : (
          <ul className="project-choices" aria-label="Project files to merge">
            {files.map((file) => (
              <ProjectChoice key={file.path} title={file.title} path={file.path} disabled={busy} onChoose={(path) => void merge(path)} />
            ))}
          </ul>
        )}
      </section>
      {problem && <p className="field-warning">{problem}</p>}
      <PathForm
        id="merge-copy-path"
        label="Path of the copy"
        submitLabel="Merge"
        placeholder="/path/to/copy.factcheck.json"
        belowChoices
        autoFocus
        busy={busy}
        onSubmit={(path) => void merge(path)}
        onCancel={onClose}
      />
    </Dialog>
  );
}
