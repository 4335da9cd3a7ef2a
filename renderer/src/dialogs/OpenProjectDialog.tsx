/** Open project: project files in the projects folder, recent projects, or any path typed in. */
import { useEffect, useState } from 'react';
import type { ProjectFileInfo, RecentProject } from '../../../shared/api';
import { useApi } from '../app/context';
import { errorMessage } from '../platform/errorMessage';
import { Dialog } from './Dialog';
import { PathForm, usePathAction } from './PathForm';
import { ProjectChoice } from './ProjectChoice';

interface OpenProjectDialogProps {
  onOpen: (path: string) => Promise<boolean>;
  onClose: () => void;
}

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function OpenProjectDialog({ onOpen, onClose }: OpenProjectDialogProps) {
  const api = useApi();
  const [files, setFiles] = useState<ProjectFileInfo[] | null>(null);
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, run: open } = usePathAction(onOpen, onClose);

  useEffect(() => {
    api.listProjectFiles({}).then(setFiles, (error: unknown) => {
      setFiles([]);
      setProblem(errorMessage(error));
    });
    api.listRecent({}).then(setRecent, () => setRecent([]));
  }, [api]);

  return (
    <Dialog label="Open project" onClose={onClose} wide>
      <div className="dialog-columns">
        <section aria-label="Projects folder">
          <h3 className="dialog-section-title">In the projects folder</h3>
          {files === null ? (
            <p className="dialog-muted">Loading…</p>
          ) : files.length === 0 ? (
            <p className="dialog-muted">No project files yet.</p>
          ) : (
            <ul className="project-choices" aria-label="Project files">
              {files.map((file) => (
                <ProjectChoice key={file.path} title={file.title} path={file.path} detail={`Modified ${when(file.modifiedAt)}`} disabled={busy} onChoose={(path) => void open(path)} />
              ))}
            </ul>
          )}
        </section>
        <section aria-label="Recent">
          <h3 className="dialog-section-title">Recent projects</h3>
          {recent === null ? (
            <p className="dialog-muted">Loading…</p>
          ) : recent.length === 0 ? (
            <p className="dialog-muted">Nothing opened yet.</p>
          ) : (
            <ul className="project-choices" aria-label="Recent projects">
              {recent.map((item) => (
                <ProjectChoice key={item.path} title={item.title} path={item.path} detail={`Opened ${when(item.openedAt)}`} disabled={busy} onChoose={(path) => void open(path)} />
              ))}
            </ul>
          )}
        </section>
      </div>
      {problem && <p className="field-warning">{problem}</p>}
      <PathForm
        id="open-project-path"
        label="Project file path"
        submitLabel="Open"
        placeholder="/path/to/project.factcheck.json"
        belowChoices
        busy={busy}
        onSubmit={(path) => void open(path)}
        onCancel={onClose}
      />
    </Dialog>
  );
}
