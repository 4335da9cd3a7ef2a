/**
 * The Publication dialog: the fact-checking organisation and the address
 * where the report or fact-check is published. ClaimReview takes its author and url from here, and
 * the reports name both; saving is one undoable change.
 */
import { useState } from 'react';
import type { Project, PublicationChanges } from '../../../shared/operations';
import { checkExternalUrl } from '../../../shared/urlCheck';
import { Dialog } from '../dialogs/Dialog';
import { DialogFooter } from '../dialogs/DialogFooter';
import { TextField } from '../dialogs/TextField';
import { useSession } from '../app/context';

export function PublicationDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const session = useSession();
  const [organisation, setOrganisation] = useState(project.publication?.organisation ?? '');
  const [publishedAt, setPublishedAt] = useState(project.publication?.publishedAt ?? '');
  const address = publishedAt.trim() ? checkExternalUrl(publishedAt) : null;
  const urlProblem = address && !address.ok ? address.reason : null;

  const save = () => {
    const changes: PublicationChanges = {};
    if (organisation.trim() !== (project.publication?.organisation ?? '')) changes.organisation = organisation.trim();
    if (publishedAt.trim() !== (project.publication?.publishedAt ?? '')) changes.publishedAt = publishedAt.trim();
    if (Object.keys(changes).length === 0 || session.dispatch({ type: 'setPublication', changes })) onClose();
  };

  return (
    <Dialog label="Publication" onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <TextField
          id="publication-organisation"
          label="Organisation"
          autoFocus
          value={organisation}
          maxLength={500}
          placeholder="The fact-checking organisation"
          hint="Named as the author of every ClaimReview and on the reports."
          onChange={(event) => setOrganisation(event.target.value)}
        />
        <TextField
          id="publication-url"
          label="Published at"
          mono
          value={publishedAt}
          maxLength={2000}
          placeholder="https://…"
          inputMode="url"
          hint="Where the report or fact-check is published. Each claim’s ClaimReview points to this address with the claim’s anchor (#claim-…), unless the claim has its own Fact-check URL."
          warning={urlProblem}
          onChange={(event) => setPublishedAt(event.target.value)}
        />
        <DialogFooter problem={null} onCancel={onClose} submitLabel="Save" disabled={Boolean(urlProblem)} />
      </form>
    </Dialog>
  );
}
