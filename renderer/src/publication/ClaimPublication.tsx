/**
 * Where one claim's fact-check is published ("Fact-check URL", optional) and its corrections log:
 * "Add correction" records a dated note with its author (undoable, in History). Both stay open on
 * an approved claim: publishing and correcting come after approval.
 */
import { useState } from 'react';
import type { Claim } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { newId } from '../../../shared/ids';
import { factCheckUrlOf } from '../../../shared/interop/reportData';
import { dayLabel } from '../../../shared/workflow/reviewRecord';
import { checkExternalUrl } from '../../../shared/urlCheck';
import { DraftTextField } from '../claims/DraftTextField';
import { RequiredTextDialog } from '../dialogs/RequiredTextDialog';
import { useSession, useSettings } from '../app/context';
import './publication.css';

export function ClaimPublication({ project, claim }: { project: Project; claim: Claim }) {
  const session = useSession();
  const [adding, setAdding] = useState(false);
  const corrections = (project.corrections ?? []).filter((c) => c.claimId === claim.id);
  const published = factCheckUrlOf(claim, project.publication?.publishedAt);

  return (
    <section className="claim-publication" aria-label="Published fact-check">
      <div className="panel-section-row">
        <h3 className="panel-section-title">Published fact-check</h3>
        <button type="button" className="button button-small" aria-haspopup="dialog" onClick={() => setAdding(true)}>
          Add correction
        </button>
      </div>
      <DraftTextField
        label="Fact-check URL"
        type="url"
        value={claim.factCheckUrl ?? ''}
        placeholder={published && !claim.factCheckUrl ? published : 'https://…'}
        hint={
          published && !claim.factCheckUrl?.trim()
            ? 'Optional. Without it, ClaimReview points to the address under Publication with this claim’s anchor.'
            : 'Optional: where this claim’s fact-check is published (ClaimReview url).'
        }
        onCommit={(factCheckUrl) => session.dispatch({ type: 'editClaim', claimId: claim.id, changes: { factCheckUrl: factCheckUrl.trim() } })}
        renderBelow={(draft) => {
          const checked = draft.trim() ? checkExternalUrl(draft) : null;
          return checked && !checked.ok ? <p className="field-warning">{checked.reason}</p> : null;
        }}
      />
      {corrections.length > 0 && (
        <ol className="correction-list" aria-label="Corrections">
          {corrections.map((correction) => (
            <li key={correction.id} className="correction">
              <span className="correction-head">
                <time dateTime={correction.at}>{dayLabel(correction.at, 'local')}</time>
                {correction.author ? ` · ${correction.author}` : ''}
              </span>
              <span className="correction-text">{correction.text}</span>
            </li>
          ))}
        </ol>
      )}
      {adding && <CorrectionDialog claim={claim} onClose={() => setAdding(false)} />}
    </section>
  );
}

function CorrectionDialog({ claim, onClose }: { claim: Claim; onClose: () => void }) {
  const session = useSession();
  const settings = useSettings();
  return (
    <RequiredTextDialog
      label="Add correction"
      fieldId="correction-text"
      fieldLabel="Correction"
      hint="What was wrong and what it says now. Dated today and recorded with your name; reports list it."
      missing="Write what was corrected: readers see it in the corrections log."
      rows={4}
      maxLength={20_000}
      submitLabel="Record correction"
      onClose={onClose}
      onSubmit={(text) => {
        const correction = { id: newId('fix'), claimId: claim.id, author: settings?.userName ?? '', at: new Date().toISOString(), text };
        if (session.dispatch({ type: 'addCorrection', correction })) onClose();
        return null;
      }}
    />
  );
}
