/**
 * One source of a claim. Collapsed it is one line — title · stance · publisher — that expands on
 * demand; expanded it shows the library source's fields and this claim's stance and excerpt. The
 * toggle stays usable on an approved (locked) claim, so its sources can still be read.
 */
import { forwardRef, useId } from 'react';
import type { ClaimSourceLink, Source, Stance } from '../../../shared/model';
import { checkExternalUrl } from '../../../shared/urlCheck';
import { STANCE_LABELS, STANCE_UNSET_LABEL } from '../../../shared/labels';
import { DraftTextField } from './DraftTextField';
import { useApi, useSession } from '../app/context';
import { errorMessage } from '../platform/errorMessage';
import { SourceDetails } from '../sources/SourceDetails';
import { SourceCapture } from '../captures/SourceCapture';

interface SourceCardProps {
  link: ClaimSourceLink;
  source: Source;
  number: number;
  sharedWith: number;
  expanded: boolean;
  locked: boolean;
  onToggle: () => void;
  onRemove: () => void;
}

/** The title a source is shown by: its title, else its address's host, else a placeholder. */
export function sourceTitle(source: Source): string {
  if (source.title.trim()) return source.title.trim();
  const checked = source.url ? checkExternalUrl(source.url) : null;
  if (checked?.ok) return new URL(checked.url).host;
  return source.url.trim() || 'New source';
}

export const SourceCard = forwardRef<HTMLInputElement & HTMLTextAreaElement, SourceCardProps>(function SourceCard(
  { link, source, number, sharedWith, expanded, locked, onToggle, onRemove },
  urlRef,
) {
  const session = useSession();
  const api = useApi();
  const bodyId = useId();
  const editSource = (changes: Partial<Pick<Source, 'url' | 'title' | 'publisher' | 'accessedAt'>>) =>
    session.dispatch({ type: 'editSource', sourceId: source.id, changes });
  const editLink = (changes: { stance?: Stance | ''; excerpt?: string }) => session.dispatch({ type: 'editLink', linkId: link.id, changes });
  const checked = source.url ? checkExternalUrl(source.url) : null;
  const stance = link.stance ? STANCE_LABELS[link.stance] : STANCE_UNSET_LABEL;

  const openSource = () => {
    if (!checked?.ok) return;
    api
      .openExternal({ url: checked.url })
      .then((result) => {
        if (!result.opened) session.notify(`The source was not opened: ${result.reason ?? checked.url}`);
      })
      .catch((error: unknown) => session.notify(`The source was not opened: ${errorMessage(error)}`));
  };

  return (
    <li
      className={`source-card stance-${link.stance ?? 'unset'}${expanded ? ' is-expanded' : ''}`}
      aria-label={`Source ${number}${source.title ? `: ${source.title}` : ''}`}
    >
      <button type="button" className="source-summary" aria-expanded={expanded} aria-controls={bodyId} onClick={onToggle}>
        <span className="source-summary-chevron" aria-hidden="true" />
        <span className="source-number">{number}</span>
        <span className="source-summary-title" dir="auto">
          {sourceTitle(source)}
        </span>
        <span className={`source-summary-stance${link.stance ? '' : ' is-unset'}`}>{stance}</span>
        {source.publisher.trim() && (
          <span className="source-summary-publisher" dir="auto">
            {source.publisher}
          </span>
        )}
      </button>
      {expanded && (
        <fieldset id={bodyId} className="source-body" disabled={locked}>
          <div className="source-card-head">
            <label className="stance-select">
              <span className="field-label">Stance</span>
              <select
                aria-label="Stance"
                value={link.stance ?? ''}
                onChange={(event) => editLink({ stance: event.target.value as Stance | '' })}
                className="field-select field-select-small"
              >
                <option value="">{STANCE_UNSET_LABEL}</option>
                {(Object.keys(STANCE_LABELS) as Stance[]).map((option) => (
                  <option key={option} value={option}>
                    {STANCE_LABELS[option]}
                  </option>
                ))}
              </select>
            </label>
            <span className="spacer" />
            <button type="button" className="button button-quiet button-small" onClick={onRemove}>
              Remove source
            </button>
          </div>
          <div className="source-url-row">
            <DraftTextField ref={urlRef} label="Source URL" type="url" value={source.url} placeholder="https://" onCommit={(url) => editSource({ url })} className="grow" />
            <button
              type="button"
              className="button button-quiet button-small source-visit"
              disabled={!checked?.ok}
              title={checked && !checked.ok ? checked.reason : 'Opens in your browser'}
              onClick={openSource}
            >
              Visit ↗
            </button>
          </div>
          {checked && !checked.ok && <p className="field-warning">{checked.reason}</p>}
          <DraftTextField label="Source title" value={source.title} onCommit={(title) => editSource({ title })} />
          <div className="field-row">
            <DraftTextField label="Publisher" value={source.publisher} onCommit={(publisher) => editSource({ publisher })} className="grow" />
            <div className="field field-date">
              <label className="field-label" htmlFor={`${link.id}-accessed`}>
                Date accessed
              </label>
              <input
                id={`${link.id}-accessed`}
                type="date"
                className="field-input"
                value={source.accessedAt}
                onChange={(event) => {
                  if (event.target.value !== source.accessedAt) editSource({ accessedAt: event.target.value });
                }}
              />
            </div>
          </div>
          <DraftTextField label="Excerpt" multiline rows={3} value={link.excerpt} placeholder="The exact passage of the source you rely on" onCommit={(excerpt) => editLink({ excerpt })} />
          <SourceCapture source={source} link={link} />
          <SourceDetails source={source} link={link} />
          {sharedWith > 0 && <p className="field-hint">Also used by {sharedWith === 1 ? 'one other claim' : `${sharedWith} other claims`}; edits to the source apply there too.</p>}
        </fieldset>
      )}
    </li>
  );
});
