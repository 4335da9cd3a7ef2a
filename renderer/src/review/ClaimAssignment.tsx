/** Who works on the claim and its tags (used by the overview's filters). */
import type { Claim } from '../../../shared/model';
import { DraftTextField } from '../claims/DraftTextField';
import { useSession } from '../app/context';

export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/^#/, '').slice(0, 80);
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export function ClaimAssignment({ claim }: { claim: Claim }) {
  const session = useSession();
  return (
    <div className="field-row">
      <DraftTextField
        label="Assignee"
        value={claim.assignee ?? ''}
        placeholder="Who researches it"
        className="grow"
        onCommit={(assignee) => session.dispatch({ type: 'editClaim', claimId: claim.id, changes: { assignee: assignee.trim() } })}
      />
      <DraftTextField
        label="Tags"
        value={(claim.tags ?? []).join(', ')}
        placeholder="e.g. health, budget"
        className="grow"
        onCommit={(text) => {
          const tags = parseTags(text);
          if (tags.join(',') !== (claim.tags ?? []).join(',')) session.dispatch({ type: 'editClaim', claimId: claim.id, changes: { tags } });
        }}
      />
    </div>
  );
}
