/**
 * The "type a path" part of the file dialogs (Open project, Save project as, Merge a copy): a
 * labelled path field with Cancel and the dialog's action, and the busy state while it runs.
 */
import { useState } from 'react';

/** Runs a dialog's path action once at a time; the dialog closes when the action succeeded. */
export function usePathAction(action: (path: string) => Promise<boolean>, onClose: () => void): { busy: boolean; run: (path: string) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const run = async (path: string) => {
    if (!path.trim() || busy) return;
    setBusy(true);
    const done = await action(path.trim());
    setBusy(false);
    if (done) onClose();
  };
  return { busy, run };
}

interface PathFormProps {
  id: string;
  label: string;
  submitLabel: string;
  busy: boolean;
  initialPath?: string;
  placeholder?: string;
  hint?: string;
  /** Below a list of choices (one row) rather than the dialog's only content. */
  belowChoices?: boolean;
  autoFocus?: boolean;
  onSubmit: (path: string) => void;
  onCancel: () => void;
}

export function PathForm({ id, label, submitLabel, busy, initialPath = '', placeholder, hint, belowChoices, autoFocus, onSubmit, onCancel }: PathFormProps) {
  const [path, setPath] = useState(initialPath);
  return (
    <form
      className={belowChoices ? 'dialog-form dialog-path-form' : 'dialog-form'}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(path);
      }}
    >
      <div className={belowChoices ? 'field grow' : 'field'}>
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <input id={id} data-autofocus={autoFocus || undefined} className="field-input field-mono" value={path} placeholder={placeholder} onChange={(event) => setPath(event.target.value)} />
        {hint && <p className="field-hint">{hint}</p>}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={!path.trim() || busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
