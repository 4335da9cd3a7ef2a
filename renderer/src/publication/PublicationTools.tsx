/**
 * The top bar's "Publication" button; it opens the Publication dialog (a chunk of its own).
 */
import { useState } from 'react';
import type { Project } from '../../../shared/operations';
import { lazyComponent } from '../lazy/lazyComponent';
import { LazyDialog } from '../lazy/LazyPanel';

const PublicationDialog = lazyComponent(() => import('./PublicationDialog').then((module) => module.PublicationDialog));

export function PublicationTools({ project }: { project: Project }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        onPointerEnter={() => void PublicationDialog.preload()}
        onFocus={() => void PublicationDialog.preload()}
        title="Who publishes these fact-checks and where (used by ClaimReview and the reports)"
      >
        Publication
      </button>
      {open && (
        <LazyDialog label="Publication" onClose={() => setOpen(false)}>
          <PublicationDialog project={project} onClose={() => setOpen(false)} />
        </LazyDialog>
      )}
    </>
  );
}
