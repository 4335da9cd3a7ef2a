/**
 * The Publication dialog: the fact-checking organisation and the address
 * where the report or fact-check is published. ClaimReview takes its author and url from here, and
 * the reports name both; saving is one undoable change.
 */
import { useState } from 'react';
import type { Project, PublicationChanges } from '../../../shared/operations';
import { checkExternalUrl } from '../../../shared/urlCheck';
import { Dialog } from '../dialogs/Dialog';
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
        <div className="field">
          <label className="field-label" htmlFor="publication-organisation">
            Organisation
          </label>
          <input
            id="publication-organisation"
            data-autofocus
            className="field-input"
            value={organisation}
            maxLength={500}
            placeholder="The fact-checking organisation"
            onChange={(event) => setOrganisation(event.target.value)}
          />
          <p className="field-hint">Named as the author of every ClaimReview and on the reports.</p>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="publication-url">
            Published at
          </label>
          <input
            id="publication-url"
            className="field-input field-mono"
            value={publishedAt}
            maxLength={2000}
            placeholder="https://…"
            inputMode="url"
            aria-invalid={urlProblem ? true : undefined}
            onChange={(event) => setPublishedAt(event.target.value)}
          />
          <p className="field-hint">
            Where the report or fact-check is published. Each claim’s ClaimReview points to this address with the claim’s anchor
            (#claim-…), unless the claim has its own Fact-check URL.
          </p>
          {urlProblem && (
            <p className="field-warning" role="alert">
              {urlProblem}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={Boolean(urlProblem)}>
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
