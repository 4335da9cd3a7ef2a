/** "Request changes": a small dialog with its own required box for what should change; it goes back to the checker with the step. */
import { useState } from 'react';
import { Dialog } from '../dialogs/Dialog';
import { DialogFooter } from '../dialogs/DialogFooter';

interface RequestChangesDialogProps {
  /** Text already typed in the claim's Comment box, taken over so nothing is lost. */
  initial: string;
  onClose: () => void;
  /** Sends the request; returns why it was refused, or null once sent. */
  onSend: (text: string) => string | null;
}

export function RequestChangesDialog({ initial, onClose, onSend }: RequestChangesDialogProps) {
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Dialog label="Request changes" onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!text.trim()) {
            setProblem('Write what should change: the checker sees it with the request.');
            return;
          }
          setProblem(onSend(text));
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="request-changes-text">
            What should change
          </label>
          <textarea
            id="request-changes-text"
            data-autofocus
            className="field-input field-textarea"
            rows={5}
            aria-required="true"
            maxLength={100_000}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              if (problem) setProblem(null);
            }}
          />
          <p className="field-hint">Markdown. Posted to the claim’s discussion and shown to the checker with your name.</p>
        </div>
        <DialogFooter problem={problem} onCancel={onClose} submitLabel="Send to the checker" />
      </form>
    </Dialog>
  );
}
