/**
 * "Skip the checks…": an editor approves a claim that is not marked Ready for review, or has no
 * source, and says why. The reason is recorded with the approval in History and shown in reports.
 * A claim without a verdict is never offered this.
 */
import { useState } from 'react';
import type { SkippableCheck } from '../../../shared/workflow/steps';
import { skippedChecksText } from '../../../shared/workflow/rules';
import { Dialog } from '../dialogs/Dialog';
import { DialogFooter } from '../dialogs/DialogFooter';

interface OverrideDialogProps {
  /** The checks that fail now and that this approval skips. */
  skipped: readonly SkippableCheck[];
  onClose: () => void;
  /** Approves with the reason; returns why it was refused, or null once approved. */
  onConfirm: (reason: string) => string | null;
}

export function OverrideDialog({ skipped, onClose, onConfirm }: OverrideDialogProps) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Dialog label="Skip the checks" onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!reason.trim()) {
            setProblem('Give the reason for skipping the checks: it is recorded with the approval.');
            return;
          }
          setProblem(onConfirm(reason.trim()));
        }}
      >
        <p className="dialog-text">
          Checks that fail: {skippedChecksText(skipped)}. Confirming approves the claim anyway; the reason is recorded in History and shown in every
          report.
        </p>
        <div className="field">
          <label className="field-label" htmlFor="override-reason">
            Reason for skipping the checks
          </label>
          <textarea
            id="override-reason"
            data-autofocus
            className="field-input field-textarea"
            rows={3}
            aria-required="true"
            maxLength={2000}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              if (problem) setProblem(null);
            }}
          />
        </div>
        <DialogFooter problem={problem} onCancel={onClose} submitLabel="Confirm override" />
      </form>
    </Dialog>
  );
}
