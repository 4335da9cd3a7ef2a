/**
 * The review workflow's fields of a source card: the library source's author, published date,
 * kind and notes; this claim's location in the source; the offline copies; and reuse of a library
 * source that already has this URL.
 */
import type { ClaimSourceLink, Source, SourceKind } from '../../../shared/model';
import { SOURCE_KIND_LABELS } from '../../../shared/labels';
import { DraftTextField } from '../claims/DraftTextField';
import { useSession, useSessionState } from '../app/context';
import { AttachmentList } from './AttachmentList';
import { libraryMatch, reuseSourceOperation } from './reuseSource';

export function SourceDetails({ source, link }: { source: Source; link: ClaimSourceLink }) {
  const session = useSession();
  const { project } = useSessionState();
  const edit = (changes: { author?: string; publishedAt?: string; kind?: SourceKind | ''; notes?: string; withheld?: boolean }) =>
    session.dispatch({ type: 'editSource', sourceId: source.id, changes });
  const match = project ? libraryMatch(project, source) : undefined;
  return (
    <div className="source-details">
      {match && (
        <p className="source-reuse">
          This URL is already in the library as “{match.title || match.url}”.{' '}
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => {
              const op = project ? reuseSourceOperation(project, link, match) : null;
              if (op) session.dispatch(op);
            }}
          >
            Use the library source
          </button>
        </p>
      )}
      <DraftTextField
        label="Location in source"
        value={link.location ?? ''}
        placeholder="Page, section or timestamp"
        onCommit={(location) => session.dispatch({ type: 'editLink', linkId: link.id, changes: { location } })}
      />
      <div className="field-row">
        <DraftTextField label="Author" value={source.author ?? ''} onCommit={(author) => edit({ author })} className="grow" />
        <div className="field field-date">
          <label className="field-label" htmlFor={`${link.id}-published`}>
            Date published
          </label>
          <input
            id={`${link.id}-published`}
            type="date"
            className="field-input"
            value={source.publishedAt ?? ''}
            onChange={(event) => {
              if (event.target.value !== (source.publishedAt ?? '')) edit({ publishedAt: event.target.value });
            }}
          />
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${link.id}-kind`}>
          Kind of source
        </label>
        <select id={`${link.id}-kind`} className="field-select" value={source.kind ?? ''} onChange={(event) => edit({ kind: event.target.value as SourceKind | '' })}>
          <option value="">Not set</option>
          {(Object.keys(SOURCE_KIND_LABELS) as SourceKind[]).map((kind) => (
            <option key={kind} value={kind}>
              {SOURCE_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <DraftTextField label="Notes" multiline rows={2} value={source.notes ?? ''} placeholder="Reliability, context, how it was obtained" onCommit={(notes) => edit({ notes })} />
      <label className="source-withheld" title="Kept in the project, left out of every report and export">
        <input type="checkbox" checked={source.withheld === true} onChange={(event) => edit({ withheld: event.target.checked })} /> Withheld for source safety
      </label>
      <AttachmentList source={source} link={link} />
    </div>
  );
}
