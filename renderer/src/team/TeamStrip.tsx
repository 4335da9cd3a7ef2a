/** The team strip under the top bar: the Members dialog, Merge a copy… with what the last merge did, and, when a merge left any, the Conflicts region. */
import { useState } from 'react';
import type { Project } from '../../../shared/operations';
import { ConflictsRegion } from './ConflictsRegion';
import { MembersDialog } from './MembersDialog';

interface TeamStripProps {
  project: Project;
  onMergeCopy: () => void;
  /** What the last merge did ("merged: N new, M already present, K conflicts"), until dismissed. */
  mergeResult: string | null;
  onDismissMergeResult: () => void;
}

export function TeamStrip({ project, onMergeCopy, mergeResult, onDismissMergeResult }: TeamStripProps) {
  const [showMembers, setShowMembers] = useState(false);
  const count = project.members?.length ?? 0;
  return (
    <div className="team-strip">
      <button type="button" className="button button-quiet" onClick={() => setShowMembers(true)}>
        Members…
      </button>
      <button type="button" className="button button-quiet" onClick={onMergeCopy}>
        Merge a copy…
      </button>
      {count > 0 && <span className="field-hint">Shared with {count} {count === 1 ? 'member' : 'members'}</span>}
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
      {showMembers && <MembersDialog project={project} onClose={() => setShowMembers(false)} />}
    </div>
  );
}
