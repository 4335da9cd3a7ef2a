/** Open project: project files in the projects folder, recent projects, or any path typed in. */
import { useEffect, useState } from 'react';
import type { ProjectFileInfo, RecentProject } from '../../../shared/api';
import { useApi } from '../app/context';
import { errorMessage } from '../platform/errorMessage';
import { Dialog } from './Dialog';

interface OpenProjectDialogProps {
  onOpen: (path: string) => Promise<boolean>;
  onClose: () => void;
}

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function ProjectButton({ title, path, detail, onOpen }: { title: string; path: string; detail: string; onOpen: (path: string) => void }) {
  return (
    <li>
      <button type="button" className="project-choice" onClick={() => onOpen(path)}>
        <span className="project-choice-title">{title || 'Untitled project'}</span>
        <span className="project-choice-path">{path}</span>
        {detail && <span className="project-choice-detail">{detail}</span>}
      </button>
    </li>
  );
}

export function OpenProjectDialog({ onOpen, onClose }: OpenProjectDialogProps) {
  const api = useApi();
  const [files, setFiles] = useState<ProjectFileInfo[] | null>(null);
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.listProjectFiles({}).then(setFiles, (error: unknown) => {
      setFiles([]);
      setProblem(errorMessage(error));
    });
    api.listRecent({}).then(setRecent, () => setRecent([]));
  }, [api]);

  const open = async (target: string) => {
    if (!target.trim() || busy) return;
    setBusy(true);
    const opened = await onOpen(target.trim());
    setBusy(false);
    if (opened) onClose();
  };

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
                <ProjectButton key={file.path} title={file.title} path={file.path} detail={`Modified ${when(file.modifiedAt)}`} onOpen={open} />
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
                <ProjectButton key={item.path} title={item.title} path={item.path} detail={`Opened ${when(item.openedAt)}`} onOpen={open} />
              ))}
            </ul>
          )}
        </section>
      </div>
      {problem && <p className="field-warning">{problem}</p>}
      <form
        className="dialog-form dialog-path-form"
        onSubmit={(event) => {
          event.preventDefault();
          void open(path);
        }}
      >
        <div className="field grow">
          <label className="field-label" htmlFor="open-project-path">
            Project file path
          </label>
          <input
            id="open-project-path"
            className="field-input field-mono"
            value={path}
            placeholder="/path/to/project.factcheck.json"
            onChange={(event) => setPath(event.target.value)}
          />
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!path.trim() || busy}>
            Open
          </button>
        </div>
      </form>
    </Dialog>
  );
}
