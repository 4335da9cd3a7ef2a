/**
 * Members of a shared project: who has which role. Adding a member pastes their public key (what
 * `factcheck identity` prints). The first member added to a project that was never shared makes
 * you its owner in the same step. The main side checks that you may change the members.
 */
import { useEffect, useState } from 'react';
import type { MemberRole } from '../../../shared/model';
import type { LeafOperation, Project } from '../../../shared/operations';
import { useApi, useSession } from '../app/context';
import { Dialog } from '../dialogs/Dialog';

const ROLE_LABELS: Record<MemberRole, string> = { owner: 'Owner', editor: 'Editor', checker: 'Checker' };

export function MembersDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const api = useApi();
  const session = useSession();
  const [publicKey, setPublicKey] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<MemberRole>('checker');
  const [problem, setProblem] = useState<string | null>(null);
  const [me, setMe] = useState<{ name: string; publicKey: string; keyId: string } | null>(null);
  const members = project.members ?? [];

  useEffect(() => {
    void api.getIdentity({}).then(setMe, () => setMe(null));
  }, [api]);

  const add = async () => {
    setProblem(null);
    const key = await api.describePublicKey({ publicKey });
    if (!key.ok) return setProblem(key.reason);
    if (!name.trim()) return setProblem('Give the member’s name.');
    const ops: LeafOperation[] = [];
    if (members.length === 0 && me && me.keyId !== key.keyId) {
      ops.push({ type: 'setMember', member: { name: me.name, publicKey: me.publicKey, keyId: me.keyId, role: 'owner' } });
    }
    ops.push({ type: 'setMember', member: { name: name.trim(), publicKey: key.publicKey, keyId: key.keyId, role } });
    const sent = session.dispatch(ops.length === 1 ? ops[0] : { type: 'batch', label: 'Add member', ops });
    if (sent) {
      setPublicKey('');
      setName('');
    }
  };

  return (
    <Dialog label="Members" onClose={onClose}>
      <section aria-label="Member list">
        {members.length === 0 ? (
          <p className="field-hint">This project is not shared yet. Adding a member makes you its owner.</p>
        ) : (
          <ul className="member-list">
            {members.map((m) => (
              <li key={m.keyId}>
                <strong>{m.name}</strong> — {ROLE_LABELS[m.role]} <span className="field-mono">{m.keyId}</span>
              </li>
            ))}
          </ul>
        )}
        {me && (
          <p className="field-hint">
            Your public key: <span className="field-mono">{me.publicKey}</span>
          </p>
        )}
      </section>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="member-key">
            Public key
          </label>
          <input id="member-key" data-autofocus className="field-input field-mono" value={publicKey} onChange={(e) => setPublicKey(e.target.value)} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="member-name">
            Name
          </label>
          <input id="member-name" className="field-input" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="member-role">
            Role
          </label>
          <select id="member-role" className="field-input" value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
            <option value="checker">Checker</option>
            <option value="editor">Editor</option>
            <option value="owner">Owner</option>
          </select>
        </div>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button button-primary" disabled={!publicKey.trim()}>
            Add member
          </button>
        </div>
      </form>
    </Dialog>
  );
}
