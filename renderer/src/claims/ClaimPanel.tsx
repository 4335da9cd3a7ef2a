/**
 * The selected claim: a state bar that stays in view (verdict, review state and steps), its quote
 * (read-only), statement, claimant, assignee and due date, verdict with a Markdown rationale, and
 * its sources (one line each until expanded). Every edit is one operation (text fields commit when
 * the user leaves them).
 */
import { useEffect, useRef, useState } from 'react';
import { levelById, linksForClaim, linksForSource, sourceById } from '../../../shared/claims';
import type { Claim } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { useSession } from '../app/context';
import { dispatchWithUndo } from '../app/undoToast';
import { DraftTextField } from './DraftTextField';
import { RationalePreview } from './RationalePreview';
import { SourceCard } from './SourceCard';
import { addSourceOperation, removeSourceOperation } from './sourceOperations';
import { ClaimStateBar } from './ClaimStateBar';
import { expandSource, toggleSource, useExpandedSources } from './expandedSources';
import { ReviewBar } from '../review/ReviewBar';
import { Discussion } from '../review/Discussion';
import { LibraryPicker } from '../sources/LibraryPicker';
import { ClaimAssignment } from '../review/ClaimAssignment';
import { claimPage } from '../articles/claimPage';
import { AnchorNotice } from '../reader/AnchorNotice';
import { CheckedBefore } from '../archive/CheckedBefore';
import { ClaimPublication } from '../publication/ClaimPublication';
import { StatementLength } from './StatementLength';
import { CaptureAllButton } from '../captures/CaptureAllButton';

interface ClaimPanelProps {
  project: Project;
  claim: Claim;
  /** A focus request (Enter in the claim list) is waiting: the claim statement takes the focus, and says so. */
  focusStatement: boolean;
  onStatementFocused: () => void;
}

export function ClaimPanel({ project, claim, focusStatement, onStatementFocused }: ClaimPanelProps) {
  const session = useSession();
  const statementRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const urlRefs = useRef(new Map<string, HTMLInputElement & HTMLTextAreaElement>());
  const [focusLinkId, setFocusLinkId] = useState<string | null>(null);
  // Sources start as one line each; a source just added opens expanded (and stays so until closed).
  const expanded = useExpandedSources();
  const links = linksForClaim(project, claim.id);
  const level = levelById(project.ratingScale, claim.verdict.levelId);
  const locked = claim.state === 'approved';

  useEffect(() => {
    if (!focusStatement) return;
    statementRef.current?.focus();
    onStatementFocused();
  }, [focusStatement, onStatementFocused]);

  useEffect(() => {
    if (!focusLinkId) return;
    const field = urlRefs.current.get(focusLinkId);
    if (field) {
      field.focus();
      field.scrollIntoView({ block: 'nearest' });
      setFocusLinkId(null);
    }
  }, [focusLinkId, links.length]);

  const addSource = () => {
    const { op, linkId } = addSourceOperation(claim.id);
    if (session.dispatch(op)) {
      expandSource(linkId);
      setFocusLinkId(linkId);
    }
  };

  const removeSource = (linkId: string) => {
    const op = removeSourceOperation(project, linkId);
    if (op) session.dispatch(op);
  };

  return (
    <section className="claim-panel" aria-label="Claim">
      <ClaimStateBar level={level} page={claimPage(project, claim)}>
        <ReviewBar project={project} claim={claim} />
      </ClaimStateBar>
      <AnchorNotice claim={claim} />
      <blockquote className="claim-quote" aria-label="Quoted text" dir="auto">
        {claim.target.quote.exact}
      </blockquote>

      {/* An approved claim is locked (the reducer refuses edits too) until it is reopened. */}
      <fieldset className="claim-fields" disabled={locked}>
        <DraftTextField
          ref={statementRef}
          label="Claim statement"
          multiline
          rows={2}
          value={claim.statement}
          hint="The claim as checked, in your words."
          onCommit={(statement) => session.dispatch({ type: 'editClaim', claimId: claim.id, changes: { statement } })}
          renderBelow={(draft) => <StatementLength text={draft} />}
        />
        <DraftTextField
          label="Claimant"
          value={claim.claimant}
          placeholder="Who made the claim"
          onCommit={(claimant) => session.dispatch({ type: 'editClaim', claimId: claim.id, changes: { claimant } })}
        />
        <ClaimAssignment project={project} claim={claim} />

        <h3 className="panel-section-title">Verdict</h3>
        <div className="field">
          <label className="visually-hidden" htmlFor={`${claim.id}-verdict`}>
            Verdict
          </label>
          <select
            id={`${claim.id}-verdict`}
            className="field-select"
            value={claim.verdict.levelId ?? ''}
            onChange={(event) => session.dispatch({ type: 'setVerdict', claimId: claim.id, levelId: event.target.value || null })}
          >
            <option value="">No verdict</option>
            {project.ratingScale.levels.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
          {level?.description && <p className="field-hint">{level.description}</p>}
        </div>
        <DraftTextField
          label="Conclusion"
          value={claim.verdict.conclusion}
          placeholder="In short: …"
          hint="One line, as published with the verdict."
          onCommit={(conclusion) => session.dispatch({ type: 'setVerdict', claimId: claim.id, conclusion })}
        />
        <DraftTextField
          label="Rationale"
          multiline
          rows={5}
          value={claim.verdict.rationale}
          hint="Markdown: **bold**, *italic*, [links](https://…), lists."
          onCommit={(rationale) => session.dispatch({ type: 'setVerdict', claimId: claim.id, rationale })}
          renderBelow={(draft) =>
            draft.trim() ? (
              <div className="rationale-preview" aria-label="Rationale preview" role="group">
                <span className="preview-label">Preview</span>
                <RationalePreview markdown={draft} />
              </div>
            ) : null
          }
        />
      </fieldset>

      <div className="panel-section-row">
        <h3 className="panel-section-title">Sources</h3>
        <span className="spacer" />
        <LibraryPicker project={project} claim={claim} disabled={locked} />
        <button type="button" className="button button-small" onClick={addSource} disabled={locked}>
          Add source
        </button>
        {links.length > 0 && <CaptureAllButton scope="claim" sources={links.map((link) => sourceById(project, link.sourceId)).filter((s) => s !== undefined)} />}
      </div>
      {links.length === 0 ? (
        <p className="panel-empty">No sources yet. Add the evidence this verdict rests on.</p>
      ) : (
        <ol className="source-list" aria-label="Sources">
          {links.map((link, index) => {
            const source = sourceById(project, link.sourceId);
            if (!source) return null;
            return (
              <SourceCard
                key={link.id}
                ref={(element) => {
                  if (element) urlRefs.current.set(link.id, element);
                  else urlRefs.current.delete(link.id);
                }}
                link={link}
                source={source}
                number={index + 1}
                sharedWith={linksForSource(project, source.id).length - 1}
                expanded={expanded.has(link.id)}
                locked={locked}
                onToggle={() => toggleSource(link.id)}
                onRemove={() => removeSource(link.id)}
              />
            );
          })}
        </ol>
      )}

      <CheckedBefore project={project} claim={claim} />

      <ClaimPublication project={project} claim={claim} />

      <Discussion project={project} claim={claim} />

      <div className="claim-panel-footer">
        <button
          type="button"
          className="button button-danger-quiet button-small"
          disabled={locked}
          title={locked ? 'An approved claim is locked: reopen it to delete it' : 'Delete this claim (Undo brings it back)'}
          onClick={() => {
            const claimId = claim.id;
            if (dispatchWithUndo(session, { type: 'deleteClaim', claimId }, 'Claim deleted', () => session.selectClaim(claimId))) session.selectClaim(null);
          }}
        >
          Delete claim
        </button>
        <span className="claim-meta">
          Marked {new Date(claim.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
          {claim.createdBy ? ` by ${claim.createdBy}` : ''}
        </span>
      </div>
    </section>
  );
}
