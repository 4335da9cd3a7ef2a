/**
 * Share project: a sync folder (any folder a file sync carries) or a CouchDB server, the server's
 * user and password, and the passphrase every member uses to encrypt and read the project. The main
 * side checks the passphrase against the target, keeps the secrets protected on this machine (never
 * in the project file) and syncs in the background from then on.
 */
import { useState } from 'react';
import type { SyncStatus } from '../../../shared/api';
import { useApi, useSession } from '../app/context';
import { Dialog } from '../dialogs/Dialog';
import { TextField } from '../dialogs/TextField';
import { errorMessage } from '../platform/errorMessage';

export function ShareDialog({ status, onClose }: { status: SyncStatus | null; onClose: () => void }) {
  const api = useApi();
  const session = useSession();
  const [target, setTarget] = useState(status?.target ?? '');
  const [user, setUser] = useState(status?.user ?? '');
  const [password, setPassword] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isServer = /^https?:\/\//i.test(target.trim());

  const share = async () => {
    setProblem(null);
    setBusy(true);
    try {
      // Changes still on their way are part of what is shared.
      await session.flush();
      const result = await api.shareProject({ target: target.trim(), passphrase, ...(user.trim() ? { user: user.trim() } : {}), ...(password ? { password } : {}) });
      session.syncStatus.set(result);
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const stop = async () => {
    setProblem(null);
    try {
      await api.stopSharing({});
      session.syncStatus.set(null);
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <Dialog label="Share project" onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void share();
        }}
      >
        <p className="field-hint share-intro">
          Everything leaves this computer encrypted with the passphrase; give it to your team by another way than the server. The password and
          passphrase are kept protected on this computer, never in the project file.
        </p>
        <TextField
          id="share-target"
          label="Folder or server URL"
          autoFocus
          mono
          placeholder="/path/to/sync-folder or https://couch.example.org/newsroom"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
        <TextField id="share-user" label="User" autoComplete="username" value={user} hint={isServer ? undefined : 'Only a server needs a user and password.'} onChange={(e) => setUser(e.target.value)} />
        <TextField id="share-password" label="Password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        <TextField
          id="share-passphrase"
          label="Passphrase"
          type="password"
          autoComplete="new-password"
          value={passphrase}
          hint="At least 8 characters; the same for every member."
          onChange={(e) => setPassphrase(e.target.value)}
        />
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          {status && (
            <button type="button" className="button button-quiet" onClick={() => void stop()}>
              Stop sharing
            </button>
          )}
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !target.trim() || !passphrase}>
            {busy ? 'Sharing…' : 'Start sharing'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
