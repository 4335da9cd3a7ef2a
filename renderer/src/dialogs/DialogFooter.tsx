/** The foot of a form dialog: why the last try was refused (if it was), then Cancel and the submit button. */
interface DialogFooterProps {
  problem: string | null;
  onCancel: () => void;
  submitLabel: string;
  cancelLabel?: string;
  /** The submit button is off (work under way, or the form cannot be sent as it is). */
  disabled?: boolean;
}

export function DialogFooter({ problem, onCancel, submitLabel, cancelLabel = 'Cancel', disabled }: DialogFooterProps) {
  return (
    <>
      {problem && (
        <p className="field-warning" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="submit" className="button button-primary" disabled={disabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
