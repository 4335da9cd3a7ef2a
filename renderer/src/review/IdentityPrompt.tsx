/**
 * On first start, and whenever no name is set, the workbench asks who is working before the first
 * change: every change is recorded with its author, and the role decides the review steps offered.
 * Closing it without a name is possible; the next change asks again (and is not made).
 */
import { useState } from 'react';
import type { Settings } from '../../../shared/api';
import { Dialog } from '../dialogs/Dialog';
import { useSession, useSettings } from '../app/context';
import { useStore } from '../store/createStore';
import { errorMessage } from '../platform/errorMessage';
import { RoleField } from './RoleField';
import { DialogFooter } from '../dialogs/DialogFooter';

export function IdentityPrompt() {
  const session = useSession();
  const settings = useSettings();
  const requests = useStore(session.identityRequests);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const named = Boolean(settings?.userName.trim());
  // Shown once the settings say there is no name (unless put aside), and again whenever a change found none.
  const open = !named && ((settings !== null && dismissedAt === null) || (dismissedAt !== null && requests > dismissedAt));
  if (!open) return null;
  return <IdentityDialog settings={settings} onClose={() => setDismissedAt(requests)} onSave={(next) => session.settings.save(next)} />;
}

function IdentityDialog({
  settings,
  onClose,
  onSave,
}: {
  settings: Settings | null;
  onClose: () => void;
  onSave: (next: Partial<Settings>) => Promise<Settings>;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Settings['role']>(settings?.role ?? 'checker');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog label="Who is working?" onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={async (event) => {
          event.preventDefault();
          if (busy) return;
          if (!name.trim()) {
            setProblem('Give your name: it is recorded as the author of every change you make.');
            return;
          }
          setBusy(true);
          try {
            await onSave({ userName: name.trim(), role });
          } catch (error) {
            setProblem(errorMessage(error));
            setBusy(false);
          }
        }}
      >
        <p className="dialog-text">Every change is recorded with its author, so tell the workbench who you are before you start.</p>
        <div className="field">
          <label className="field-label" htmlFor="identity-name">
            Your name
          </label>
          <input
            id="identity-name"
            data-autofocus
            className="field-input"
            value={name}
            maxLength={200}
            autoComplete="name"
            onChange={(event) => {
              setName(event.target.value);
              if (problem) setProblem(null);
            }}
          />
          <p className="field-hint">As colleagues and readers of your reports should see it, e.g. “Bo Lindqvist”.</p>
        </div>
        <RoleField id="identity-role" value={role} onChange={setRole} hint="Checkers research claims and propose verdicts; editors also approve, request changes and reopen. Change it later in Settings." />
        <DialogFooter problem={problem} onCancel={onClose} submitLabel="Continue" cancelLabel="Later" disabled={busy} />
      </form>
    </Dialog>
  );
}
