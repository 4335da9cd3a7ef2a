/**
 * "Skip the checks…": an editor approves a claim that is not marked Ready for review, or has no
 * source, and says why. The reason is recorded with the approval in History and shown in reports.
 * A claim without a verdict is never offered this.
 */
import type { SkippableCheck } from '../../../shared/workflow/steps';
import { skippedChecksText } from '../../../shared/workflow/rules';
import { RequiredTextDialog } from '../dialogs/RequiredTextDialog';

interface OverrideDialogProps {
  /** The checks that fail now and that this approval skips. */
  skipped: readonly SkippableCheck[];
  onClose: () => void;
  /** Approves with the reason; returns why it was refused, or null once approved. */
  onConfirm: (reason: string) => string | null;
}

export function OverrideDialog({ skipped, onClose, onConfirm }: OverrideDialogProps) {
  return (
    <RequiredTextDialog
      label="Skip the checks"
      intro={`Checks that fail: ${skippedChecksText(skipped)}. Confirming approves the claim anyway; the reason is recorded in History and shown in every report.`}
      fieldId="override-reason"
      fieldLabel="Reason for skipping the checks"
      missing="Give the reason for skipping the checks: it is recorded with the approval."
      rows={3}
      maxLength={2000}
      submitLabel="Confirm override"
      onClose={onClose}
      onSubmit={onConfirm}
    />
  );
}
