/** "Request changes": a small dialog with its own required box for what should change; it goes back to the checker with the step. */
import { RequiredTextDialog } from '../dialogs/RequiredTextDialog';

interface RequestChangesDialogProps {
  /** Text already typed in the claim's Comment box, taken over so nothing is lost. */
  initial: string;
  onClose: () => void;
  /** Sends the request; returns why it was refused, or null once sent. */
  onSend: (text: string) => string | null;
}

export function RequestChangesDialog({ initial, onClose, onSend }: RequestChangesDialogProps) {
  return (
    <RequiredTextDialog
      label="Request changes"
      fieldId="request-changes-text"
      fieldLabel="What should change"
      hint="Markdown. Posted to the claim’s discussion and shown to the checker with your name."
      missing="Write what should change: the checker sees it with the request."
      initial={initial}
      rows={5}
      maxLength={100_000}
      submitLabel="Send to the checker"
      onClose={onClose}
      onSubmit={onSend}
    />
  );
}
