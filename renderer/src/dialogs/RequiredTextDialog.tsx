/**
 * A small dialog around one required text (a reason, a request, a correction): the text must not
 * be empty, and the caller's answer — why it was refused — is shown above the buttons.
 */
import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { DialogFooter } from './DialogFooter';

interface RequiredTextDialogProps {
  label: string;
  fieldId: string;
  fieldLabel: string;
  submitLabel: string;
  /** Said when the box is submitted empty. */
  missing: string;
  intro?: ReactNode;
  hint?: string;
  initial?: string;
  rows: number;
  maxLength: number;
  onClose: () => void;
  /** Acts on the trimmed text; returns why it was refused, or null. The caller closes the dialog. */
  onSubmit: (text: string) => string | null;
}

export function RequiredTextDialog({ label, fieldId, fieldLabel, submitLabel, missing, intro, hint, initial = '', rows, maxLength, onClose, onSubmit }: RequiredTextDialogProps) {
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Dialog label={label} onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          setProblem(text.trim() ? onSubmit(text.trim()) : missing);
        }}
      >
        {intro && <p className="dialog-text">{intro}</p>}
        <div className="field">
          <label className="field-label" htmlFor={fieldId}>
            {fieldLabel}
          </label>
          <textarea
            id={fieldId}
            data-autofocus
            className="field-input field-textarea"
            rows={rows}
            aria-required="true"
            maxLength={maxLength}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              if (problem) setProblem(null);
            }}
          />
          {hint && <p className="field-hint">{hint}</p>}
        </div>
        <DialogFooter problem={problem} onCancel={onClose} submitLabel={submitLabel} />
      </form>
    </Dialog>
  );
}
