/**
 * The "type a path" part of the file dialogs (Open project, Save project as, Merge a copy): a
 * labelled path field with Cancel and the dialog's action, and the busy state while it runs.
 */
import { useState } from 'react';
import { DialogFooter } from './DialogFooter';
import { TextField } from './TextField';

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
      <TextField id={id} label={label} mono grow={belowChoices} autoFocus={autoFocus} value={path} placeholder={placeholder} hint={hint} onChange={(event) => setPath(event.target.value)} />
      <DialogFooter problem={null} onCancel={onCancel} submitLabel={submitLabel} disabled={!path.trim() || busy} />
    </form>
  );
}
