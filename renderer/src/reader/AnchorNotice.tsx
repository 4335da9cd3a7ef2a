/**
 * In the claim panel: what an article update did to this claim — orphaned (with its old quote),
 * wording changed awaiting review, or "needs re-check" (the wording changed after the verdict),
 * with "Mark re-checked" to clear that flag (an undoable step).
 */
import { anchoringOf } from '../../../shared/operations';
import type { Claim } from '../../../shared/model';
import { isPendingChange } from '../../../shared/claims';
import { useSession } from '../app/context';

export function AnchorNotice({ claim }: { claim: Claim }) {
  const session = useSession();
  const orphaned = claim.anchor?.status === 'orphaned';
  const pending = isPendingChange(claim);
  if (!orphaned && !pending && !claim.needsRecheck) return null;
  return (
    <div className="anchor-notice" role="note" aria-label="Article update">
      {orphaned && (
        <p>
          <strong>Orphaned:</strong> this passage is no longer in the article. Old quote: <q>{claim.anchor?.oldQuote ?? claim.target.quote.exact}</q>
        </p>
      )}
      {pending && (
        <p>
          <strong>Wording changed</strong> in the updated article ({(claim.anchor?.changes ?? ['wording']).join(', ')}): review it above the article.
        </p>
      )}
      {claim.needsRecheck && (
        <p>
          <strong>Needs re-check:</strong> the quoted wording changed after the verdict was given.{' '}
          <button
            type="button"
            className="button button-small"
            disabled={claim.state === 'approved'}
            title={claim.state === 'approved' ? 'An approved claim is locked: reopen it to re-check it' : undefined}
            onClick={() => session.dispatch({ type: 'reanchorClaim', claim: { ...anchoringOf(claim), needsRecheck: false } })}
          >
            Mark re-checked
          </button>
        </p>
      )}
    </div>
  );
}
