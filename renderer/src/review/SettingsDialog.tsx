/** Settings: the local user's name and role, stamped on every change and used by the review workflow. */
import { useState } from 'react';
import type { Settings } from '../../../shared/api';
import { ROLE_LABELS } from '../../../shared/labels';
import { RoleSchema } from '../../../shared/workflow/roles';
import { Dialog } from '../dialogs/Dialog';
import { useSession } from '../app/context';
import { errorMessage } from '../platform/errorMessage';

interface SettingsDialogProps {
  settings: Settings | null;
  onClose: () => void;
}

export function SettingsDialog({ settings, onClose }: SettingsDialogProps) {
  const session = useSession();
  const [name, setName] = useState(settings?.userName ?? '');
  const [role, setRole] = useState<Settings['role']>(settings?.role ?? 'checker');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog label="Settings" onClose={onClose}>
      <form
        className="dialog-form"
        aria-label="Settings"
        onSubmit={async (event) => {
          event.preventDefault();
          if (busy) return;
          setBusy(true);
          try {
            await session.settings.save({ userName: name.trim() || undefined, role });
            onClose();
          } catch (error) {
            setProblem(errorMessage(error));
          } finally {
            setBusy(false);
          }
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="settings-name">
            Your name
          </label>
          <input id="settings-name" data-autofocus className="field-input" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} />
          <p className="field-hint">Recorded as the author of every change you make.</p>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="settings-role">
            Role
          </label>
          <select id="settings-role" className="field-select" value={role} onChange={(event) => setRole(event.target.value as Settings['role'])}>
            {RoleSchema.options.map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </select>
          <p className="field-hint">Editors can approve claims and request changes.</p>
        </div>
        {problem && (
          <p className="field-warning" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
