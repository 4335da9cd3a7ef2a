/** The team strip under the top bar: the Members dialog and, when a merge left any, the Conflicts region. */
import { useState } from 'react';
import type { Project } from '../../../shared/operations';
import { ConflictsRegion } from './ConflictsRegion';
import { lazyComponent } from '../lazy/lazyComponent';
import { LazyDialog } from '../lazy/LazyPanel';

const MembersDialog = lazyComponent(() => import('./MembersDialog').then((module) => module.MembersDialog));

export function TeamStrip({ project }: { project: Project }) {
  const [showMembers, setShowMembers] = useState(false);
  const count = project.members?.length ?? 0;
  return (
    <div className="team-strip">
      <button
        type="button"
        className="button button-quiet"
        onClick={() => setShowMembers(true)}
        onPointerEnter={() => void MembersDialog.preload()}
        onFocus={() => void MembersDialog.preload()}
      >
        Members…
      </button>
      {count > 0 && <span className="field-hint">Shared with {count} {count === 1 ? 'member' : 'members'}</span>}
      <ConflictsRegion project={project} />
      {showMembers && (
        <LazyDialog label="Members" onClose={() => setShowMembers(false)}>
          <MembersDialog project={project} onClose={() => setShowMembers(false)} />
        </LazyDialog>
      )}
    </div>
  );
}
