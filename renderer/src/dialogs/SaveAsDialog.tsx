/** Save project as: a new path (prefilled beside the projects folder); work continues in the copy. */
import { Dialog } from './Dialog';
import { PathForm, usePathAction } from './PathForm';

interface SaveAsDialogProps {
  defaultPath: string;
  onSave: (path: string) => Promise<boolean>;
  onClose: () => void;
}

export function SaveAsDialog({ defaultPath, onSave, onClose }: SaveAsDialogProps) {
  const { busy, run } = usePathAction(onSave, onClose);
  return (
    <Dialog label="Save project as" onClose={onClose}>
      <PathForm
        id="save-as-path"
        label="Save to path"
        submitLabel="Save"
        initialPath={defaultPath}
        hint="The copy becomes the open project; the original file stays as it is."
        autoFocus
        busy={busy}
        onSubmit={(path) => void run(path)}
        onCancel={onClose}
      />
    </Dialog>
  );
}
