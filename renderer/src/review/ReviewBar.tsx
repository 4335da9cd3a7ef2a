/**
 * The claim's review bar: its state, who approved it or asked for changes (and what they asked),
 * the steps the user's role may take (Ready for review, Request changes, Approve, Reopen), why
 * Approve is not offered, the editor's override ("Skip the checks…"), and the warnings a careful
 * editor wants before approving. A refused step is explained here and the explanation goes once a
 * step succeeds.
 */
import { useEffect, useState } from 'react';
import type { Claim } from '../../../shared/model';
import type { Project, ReviewAction } from '../../../shared/operations';
import type { ApprovalOverride } from '../../../shared/workflow/steps';
import { newId } from '../../../shared/ids';
import { approvalChecks, availableSteps, checkChangeAllowed, overrideOffered, reviewOperation, skippedChecksText } from '../../../shared/workflow/rules';
import { approvalLine, requestLine } from '../../../shared/workflow/reviewRecord';
import { projectReviewRecords } from '../store/derived';
import { reviewWarnings } from '../../../shared/workflow/warnings';
import { CLAIM_STATE_LABELS } from '../../../shared/labels';
import { useSession, useSettings } from '../app/context';
import { commentDraft, setCommentDraft } from './commentDrafts';
import { OverrideDialog } from './OverrideDialog';
import { RequestChangesDialog } from './RequestChangesDialog';
import './review.css';

const STEP_ORDER: ReviewAction[] = ['startResearch', 'submit', 'requestChanges', 'approve', 'reopen'];

export function ReviewBar({ project, claim }: { project: Project; claim: Claim }) {
  const session = useSession();
  const settings = useSettings();
  const role = settings?.role ?? 'checker';
  const [dialog, setDialog] = useState<'request' | 'override' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const steps = availableSteps(claim, role, project).sort((a, b) => STEP_ORDER.indexOf(a.action) - STEP_ORDER.indexOf(b.action));
  const warnings = claim.state === 'approved' ? [] : reviewWarnings(project, claim);
  const checks = approvalChecks(project, claim);
  const canOverride = overrideOffered(project, claim, role);
  const records = projectReviewRecords(project);
  const record = records.get(claim.id);

  // Another claim, another explanation.
  useEffect(() => setProblem(null), [claim.id]);

  /** Takes a step through the session (the rules are asked first, so a refusal is explained); returns why it was refused, or null. */
  const take = (action: ReviewAction, text?: string, override?: ApprovalOverride): string | null => {
    const comment = text?.trim() ? { id: newId('m'), claimId: claim.id, author: settings?.userName ?? '', at: new Date().toISOString(), text: text.trim() } : undefined;
    const op = reviewOperation(claim.id, action, comment, override);
    const refused = checkChangeAllowed(project, { kind: 'do', op }, role);
    if (refused) {
      setProblem(refused);
      return refused;
    }
    if (!session.dispatch(op)) return 'The step could not be taken; see the message above.';
    setProblem(null);
    return null;
  };

  const onStep = (action: ReviewAction) => {
    if (action === 'requestChanges') setDialog('request');
    else void take(action);
  };

  // Where an editor expects Approve and it is not offered, say what it needs.
  const approveBlocked = role === 'editor' && claim.state === 'readyForReview' && !steps.some((s) => s.action === 'approve');
  const missing = [
    ...(checks.noVerdict ? ['a verdict'] : []),
    ...(checks.failing.includes('sources') ? ['at least one source'] : []),
  ];

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
            className={`button button-small${step.action === 'approve' || step.action === 'submit' ? ' button-primary' : ''}`}
            aria-haspopup={step.action === 'requestChanges' ? 'dialog' : undefined}
            onClick={() => onStep(step.action)}
            title={step.action === 'requestChanges' ? 'Say what should change; it goes back to the checker' : undefined}
          >
            {step.label}
          </button>
        ))}
        {canOverride && (
          <button
            type="button"
            className="button button-small button-quiet"
            aria-haspopup="dialog"
            onClick={() => setDialog('override')}
            title="Approve although some checks fail, giving a reason (recorded in History and shown in reports)"
          >
            Skip the checks…
          </button>
        )}
      </div>

      {claim.state === 'approved' && (
        <div className="review-banner">
          {/* Without the approving step in the history (an older file) the state label says it all. */}
          {record?.approval && <p className="review-banner-line">{approvalLine(record.approval, 'local')}</p>}
          {record?.approval?.override && (
            <p className="review-override">
              Checks skipped ({skippedChecksText(record.approval.override.skipped)}): {record.approval.override.reason}
            </p>
          )}
          <p className="review-locked">
            {role === 'editor' ? 'Locked: reopen it to make changes; the reopening is recorded.' : 'Locked: an editor can reopen it to make changes.'}
          </p>
        </div>
      )}
      {claim.state === 'changesRequested' && record?.request && (
        <div className="review-banner">
          <p className="review-banner-line">{requestLine(record.request, 'local')}</p>
          {record.request.comment && (
            <blockquote className="review-request" aria-label="Requested changes">
              {record.request.comment}
            </blockquote>
          )}
        </div>
      )}
      {claim.state === 'readyForReview' && role === 'checker' && <p className="review-note">Waiting for an editor’s review.</p>}
      {approveBlocked && missing.length > 0 && (
        <p className="review-note">
          Approve needs {missing.join(', ')}
          {checks.noVerdict ? '.' : '; or skip the checks with a reason.'}
        </p>
      )}
      {problem && (
        <p className="review-problem" role="alert">
          {problem}
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="review-warnings" aria-label="Warnings">
          {warnings.map((warning) => (
            <li key={warning.code} className="review-warning">
              {warning.message}
            </li>
          ))}
        </ul>
      )}

      {dialog === 'request' && (
        <RequestChangesDialog
          initial={commentDraft(claim.id)}
          onClose={() => setDialog(null)}
          onSend={(text) => {
            const refused = take('requestChanges', text);
            if (refused) return refused;
            setCommentDraft(claim.id, '');
            setDialog(null);
            return null;
          }}
        />
      )}
      {dialog === 'override' && (
        <OverrideDialog
          skipped={checks.failing}
          onClose={() => setDialog(null)}
          onConfirm={(reason) => {
            const refused = take('approve', undefined, { reason, skipped: checks.failing });
            if (!refused) setDialog(null);
            return refused;
          }}
        />
      )}
    </div>
  );
}
