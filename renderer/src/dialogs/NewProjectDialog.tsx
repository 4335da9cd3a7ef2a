/** New project: a title; the file goes in the projects folder, named after it. */
import { useState } from 'react';
import { Dialog } from './Dialog';

interface NewProjectDialogProps {
  projectsDir: string | null;
  onCreate: (title: string) => Promise<boolean>;
  onClose: () => void;
}

export function NewProjectDialog({ projectsDir, onCreate, onClose }: NewProjectDialogProps) {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const trimmed = title.trim();
  return (
    <Dialog label="New project" onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!trimmed || busy) return;
          setBusy(true);
          const created = await onCreate(trimmed);
          setBusy(false);
          if (created) onClose();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="new-project-title">
            Project title
          </label>
          <input
            id="new-project-title"
            data-autofocus
            className="field-input"
            value={title}
            placeholder="e.g. Election debate, 12 November"
            onChange={(event) => setTitle(event.target.value)}
          />
          {projectsDir && <p className="field-hint">Saved in {projectsDir}</p>}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!trimmed || busy}>
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
}
