/** Save project as: a new path (prefilled beside the projects folder); work continues in the copy. */
import { useState } from 'react';
import { Dialog } from './Dialog';

interface SaveAsDialogProps {
  defaultPath: string;
  onSave: (path: string) => Promise<boolean>;
  onClose: () => void;
}

export function SaveAsDialog({ defaultPath, onSave, onClose }: SaveAsDialogProps) {
  const [path, setPath] = useState(defaultPath);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog label="Save project as" onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!path.trim() || busy) return;
          setBusy(true);
          const saved = await onSave(path.trim());
          setBusy(false);
          if (saved) onClose();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="save-as-path">
            Save to path
          </label>
          <input id="save-as-path" data-autofocus className="field-input field-mono" value={path} onChange={(event) => setPath(event.target.value)} />
          <p className="field-hint">The copy becomes the open project; the original file stays as it is.</p>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!path.trim() || busy}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
