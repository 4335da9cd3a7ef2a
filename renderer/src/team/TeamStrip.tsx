/**
 * The team strip under the top bar: Share… and the sync status, the Members dialog and, when a merge
 * left any, the Conflicts region.
 */
import { useState, useSyncExternalStore } from 'react';
import type { Project } from '../../../shared/operations';
import { useSession } from '../app/context';
import { ConflictsRegion } from './ConflictsRegion';
import { MembersDialog } from './MembersDialog';
import { ShareDialog } from './ShareDialog';
import './team.css';

export function TeamStrip({ project }: { project: Project }) {
  const session = useSession();
  const sync = useSyncExternalStore(session.syncStatus.subscribe, session.syncStatus.getSnapshot);
  const [showMembers, setShowMembers] = useState(false);
  const [showShare, setShowShare] = useState(false);
  const count = project.members?.length ?? 0;
  return (
    <div className="team-strip">
      <button type="button" className="button button-quiet" onClick={() => setShowShare(true)}>
        Share…
      </button>
      <button type="button" className="button button-quiet" onClick={() => setShowMembers(true)}>
        Members…
      </button>
      {count > 0 && <span className="field-hint">Shared with {count} {count === 1 ? 'member' : 'members'}</span>}
      {sync && (
        <span role="status" aria-label="Sync status" className={`sync-status is-${sync.state}`} title={sync.error ? `${sync.target}: ${sync.error}` : sync.target}>
          {sync.text}
        </span>
      )}
      <ConflictsRegion project={project} />
      {showMembers && <MembersDialog project={project} onClose={() => setShowMembers(false)} />}
      {showShare && <ShareDialog status={sync} onClose={() => setShowShare(false)} />}
    </div>
  );
}
