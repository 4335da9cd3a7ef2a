/**
 * The top bar's "Evidence" button (busy while captures are unfinished); it opens the Evidence
 * dialog (EvidenceDialog, a chunk of its own).
 */
import { useState } from 'react';
import { isActiveJob } from '../../../shared/captures/capturePlan';
import type { Project } from '../../../shared/operations';
import { lazyComponent } from '../lazy/lazyComponent';
import { LazyDialog } from '../lazy/LazyPanel';
import { useCaptureJobs } from './CaptureQueueContext';
import './captures.css';

const EvidenceDialog = lazyComponent(() => import('./EvidenceDialog').then((module) => module.EvidenceDialog));

export function EvidenceTools({ project }: { project: Project }) {
  const [open, setOpen] = useState(false);
  const unfinished = useCaptureJobs().filter(isActiveJob).length;
  return (
    <>
      <button
        type="button"
        className={`button button-quiet${unfinished > 0 ? ' evidence-busy' : ''}`}
        title={`${unfinished > 0 ? `${unfinished} capture${unfinished === 1 ? '' : 's'} unfinished. ` : ''}Capture sources as evidence, see the capture queue, export the evidence bundle`}
        onClick={() => setOpen(true)}
        onPointerEnter={() => void EvidenceDialog.preload()}
        onFocus={() => void EvidenceDialog.preload()}
      >
        Evidence
      </button>
      {open && (
        <LazyDialog label="Evidence" wide onClose={() => setOpen(false)}>
          <EvidenceDialog project={project} onClose={() => setOpen(false)} />
        </LazyDialog>
      )}
    </>
  );
}
