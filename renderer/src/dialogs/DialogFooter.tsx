/** The foot of a form dialog: why the last try was refused (if it was), then Cancel and the submit button. */
interface DialogFooterProps {
  problem: string | null;
  onCancel: () => void;
  submitLabel: string;
  cancelLabel?: string;
  busy?: boolean;
}

export function DialogFooter({ problem, onCancel, submitLabel, cancelLabel = 'Cancel', busy }: DialogFooterProps) {
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
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
