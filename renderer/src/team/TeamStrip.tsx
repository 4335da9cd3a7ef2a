/**
 * The team strip under the top bar: Share… and the sync status, the Members dialog, Merge a copy… with
 * what the last merge did, and, when a merge left any, the Conflicts region.
 */
import { useState, useSyncExternalStore } from 'react';
import type { Project } from '../../../shared/operations';
import { useSession } from '../app/context';
import { ConflictsRegion } from './ConflictsRegion';
import './team.css';
import { lazyComponent } from '../lazy/lazyComponent';
import { LazyDialog } from '../lazy/LazyPanel';

const MembersDialog = lazyComponent(() => import('./MembersDialog').then((module) => module.MembersDialog));
const ShareDialog = lazyComponent(() => import('./ShareDialog').then((module) => module.ShareDialog));

interface TeamStripProps {
  project: Project;
  onMergeCopy: () => void;
  /** What the last merge did ("merged: N new, M already present, K conflicts"), until dismissed. */
  mergeResult: string | null;
  onDismissMergeResult: () => void;
}

export function TeamStrip({ project, onMergeCopy, mergeResult, onDismissMergeResult }: TeamStripProps) {
  const session = useSession();
  const sync = useSyncExternalStore(session.syncStatus.subscribe, session.syncStatus.getSnapshot);
  const [showMembers, setShowMembers] = useState(false);
  const [showShare, setShowShare] = useState(false);
  const count = project.members?.length ?? 0;
  return (
    <div className="team-strip">
      <button
        type="button"
        className="button button-quiet"
        onClick={() => setShowShare(true)}
        onPointerEnter={() => void ShareDialog.preload()}
        onFocus={() => void ShareDialog.preload()}
      >
        Share…
      </button>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => setShowMembers(true)}
        onPointerEnter={() => void MembersDialog.preload()}
        onFocus={() => void MembersDialog.preload()}
      >
        Members…
      </button>
      <button type="button" className="button button-quiet" onClick={onMergeCopy}>
        Merge a copy…
      </button>
      {count > 0 && <span className="field-hint">Shared with {count} {count === 1 ? 'member' : 'members'}</span>}
      {sync && (
        <span role="status" aria-label="Sync status" className={`sync-status is-${sync.state}`} title={sync.error ? `${sync.target}: ${sync.error}` : sync.target}>
          {sync.text}
        </span>
      )}
      <span className="merge-result" role="status" aria-label="Last merge">
        {mergeResult && (
          <>
            {mergeResult}{' '}
            <button type="button" className="button button-quiet button-small" aria-label="Dismiss the merge result" onClick={onDismissMergeResult}>
              ×
            </button>
          </>
        )}
      </span>
      <ConflictsRegion project={project} />
      {showMembers && (
        <LazyDialog label="Members" onClose={() => setShowMembers(false)}>
          <MembersDialog project={project} onClose={() => setShowMembers(false)} />
        </LazyDialog>
      )}
      {showShare && (
        <LazyDialog label="Share project" onClose={() => setShowShare(false)}>
          <ShareDialog status={sync} onClose={() => setShowShare(false)} />
        </LazyDialog>
      )}
    </div>
  );
}
