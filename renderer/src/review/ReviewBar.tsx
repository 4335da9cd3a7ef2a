/**
 * The claim's review bar: its state, the steps the user's role may take (Ready for review,
 * Request changes, Approve, Reopen), and the warnings a careful editor wants before approving.
 * A comment typed in the discussion box goes with the step.
 */
import type { Claim } from '../../../shared/model';
import type { Project, ReviewAction } from '../../../shared/operations';
import { newId } from '../../../shared/ids';
import { availableSteps, reviewOperation } from '../../../shared/workflow/rules';
import { reviewWarnings } from '../../../shared/workflow/warnings';
import { CLAIM_STATE_LABELS } from '../../../shared/labels';
import { useSession, useSettings } from '../app/context';
import { commentDraft, setCommentDraft } from './commentDrafts';
import './review.css';

const STEP_ORDER: ReviewAction[] = ['startResearch', 'submit', 'requestChanges', 'approve', 'reopen'];

export function ReviewBar({ project, claim }: { project: Project; claim: Claim }) {
  const session = useSession();
  const settings = useSettings();
  const role = settings?.role ?? 'checker';
  const steps = availableSteps(claim, role).sort((a, b) => STEP_ORDER.indexOf(a.action) - STEP_ORDER.indexOf(b.action));
  const warnings = claim.state === 'approved' ? [] : reviewWarnings(project, claim);

  const take = (action: ReviewAction) => {
    const text = commentDraft(claim.id).trim();
    if (action === 'requestChanges' && !text) {
      session.notify('Write in the Comment box what should change, then press Request changes.');
      document.getElementById(`comment-${claim.id}`)?.focus();
      return;
    }
    const comment = text ? { id: newId('m'), claimId: claim.id, author: settings?.userName ?? '', at: new Date().toISOString(), text } : undefined;
    if (session.dispatch(reviewOperation(claim.id, action, comment)) && comment) setCommentDraft(claim.id, '');
  };

  return (
    <div className={`review-bar review-state-${claim.state}`} role="group" aria-label="Review">
      <div className="review-bar-row">
        <span className="review-state" aria-label="Review state">
          {CLAIM_STATE_LABELS[claim.state]}
        </span>
        <span className="spacer" />
        {steps.map((step) => (
          <button
            key={step.action}
            type="button"
            className={`button button-small${step.action === 'approve' ? ' button-primary' : step.action === 'submit' ? ' button-primary' : ''}`}
            onClick={() => take(step.action)}
            title={step.action === 'requestChanges' ? 'Sends the comment below back to the checker' : undefined}
          >
            {step.label}
          </button>
        ))}
      </div>
      {claim.state === 'approved' && (
        <p className="review-locked">Approved and locked. Reopen it to make changes; the reopening is recorded.</p>
      )}
      {claim.state === 'readyForReview' && role === 'checker' && <p className="review-note">Waiting for an editor’s review.</p>}
      {warnings.length > 0 && (
        <ul className="review-warnings" aria-label="Warnings">
          {warnings.map((warning) => (
            <li key={warning.code} className="review-warning">
              {warning.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
