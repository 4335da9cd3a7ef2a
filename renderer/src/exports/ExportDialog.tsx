/**
 * The Export dialog: format and options, a preview of the HTML report (ReportPreview: a sandboxed
 * srcdoc frame, no script), where to save, progress while the export is written, and "Show in
 * folder" once it is saved.
 */
import { useEffect, useState } from 'react';
import type { ExportFileResult } from '../../../shared/api';
import { defaultExportName, EXPORT_FORMATS, FORMAT_INFO, type ExportFormat } from '../../../shared/interop/formats';
import { PAGE_SIZE_LABELS, PageSizeSchema, pageSizeForLocale, type PageSize } from '../../../shared/interop/pageSize';
import type { Project } from '../../../shared/operations';
import { Dialog } from '../dialogs/Dialog';
import { useApi } from '../app/context';
import { errorMessage } from '../platform/errorMessage';
import { ReportPreview } from './ReportPreview';

type Phase = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; result: ExportFileResult } | { kind: 'error'; message: string };

export function ExportDialog({
  project,
  initialFormat,
  onClose,
  returnFocus,
}: {
  project: Project;
  initialFormat: ExportFormat;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
}) {
  const api = useApi();
  const [format, setFormat] = useState<ExportFormat>(initialFormat);
  const [approvedOnly, setApprovedOnly] = useState(false);
  const [pageSize, setPageSize] = useState<PageSize>(() => pageSizeForLocale(navigator.language));
  const [bom, setBom] = useState(false);
  const [path, setPath] = useState(defaultExportName(project.title, initialFormat));
  const [pathEdited, setPathEdited] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [preview, setPreview] = useState<{ html: string; claims: number } | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [folderNote, setFolderNote] = useState<string | null>(null);
  const isReport = format === 'html' || format === 'pdf';

  useEffect(() => {
    if (!pathEdited) setPath(defaultExportName(project.title, format));
  }, [format, pathEdited, project.title]);

  useEffect(() => {
    if (!isReport) return;
    let live = true;
    setPreview(null);
    setPreviewError(null);
    api
      .previewReport({ approvedOnly, pageSize })
      .then((p) => live && setPreview(p))
      .catch((err) => live && setPreviewError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [api, isReport, approvedOnly, pageSize, project]);

  const claimCount = approvedOnly ? project.claims.filter((c) => c.state === 'approved').length : project.claims.length;

  const save = async () => {
    if (!path.trim() || phase.kind === 'saving') return;
    setPhase({ kind: 'saving' });
    setFolderNote(null);
    try {
      const result = await api.exportProject({
        format,
        path: path.trim(),
        approvedOnly,
        ...(isReport ? { pageSize } : {}),
        ...(format === 'csv' ? { bom } : {}),
      });
      setPhase({ kind: 'saved', result });
    } catch (err) {
      setPhase({ kind: 'error', message: errorMessage(err) });
    }
  };

  const showInFolder = async (file: string) => {
    try {
      const shown = await api.showInFolder({ path: file });
      setFolderNote(shown.shown ? null : `Saved in ${shown.path}`);
    } catch (err) {
      setFolderNote(errorMessage(err));
    }
  };

  return (
    <Dialog label="Export" onClose={onClose} wide returnFocus={returnFocus}>
      <form
        className="dialog-form export-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="export-options">
          <div className="field">
            <label className="field-label" htmlFor="export-format">
              Format
            </label>
            <select
              id="export-format"
              className="field-input"
              value={format}
              onChange={(event) => {
                setFormat(event.target.value as ExportFormat);
                setPhase({ kind: 'idle' });
              }}
            >
              {EXPORT_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_INFO[f].label}
                </option>
              ))}
            </select>
          </div>
          <label className="export-check">
            <input type="checkbox" checked={approvedOnly} onChange={(event) => setApprovedOnly(event.target.checked)} /> Approved claims only
          </label>
        </div>

        {isReport && (
          <div className="export-options">
            <div className="field">
              <label className="field-label" htmlFor="export-page-size">
                Page size
              </label>
              <select id="export-page-size" className="field-input" value={pageSize} onChange={(event) => setPageSize(event.target.value as PageSize)}>
                {PageSizeSchema.options.map((size) => (
                  <option key={size} value={size}>
                    {PAGE_SIZE_LABELS[size]}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
        {format === 'claimreview' && (
          <p className="field-hint export-publication">
            Author: {project.publication?.organisation || 'no organisation set'} · Address: {project.publication?.publishedAt || 'none set'}. Each claim
            links to its own Fact-check URL, else to this address with its anchor. Set them under Publication in the top bar.
          </p>
        )}
        {format === 'csv' && (
          <label className="export-check">
            <input type="checkbox" checked={bom} onChange={(event) => setBom(event.target.checked)} /> Start with a byte order mark (for spreadsheet apps)
          </label>
        )}

        {isReport && (
          <div className="export-preview">
            {preview ? (
              <ReportPreview html={preview.html} />
            ) : previewError ? (
              <p role="alert">Cannot preview the report: {previewError}</p>
            ) : (
              <p role="status" className="export-preview-loading">
                Preparing the preview…
              </p>
            )}
          </div>
        )}

        <div className="field">
          <label className="field-label" htmlFor="export-path">
            Export to path
          </label>
          <input
            id="export-path"
            data-autofocus
            className="field-input field-mono"
            value={path}
            onChange={(event) => {
              setPath(event.target.value);
              setPathEdited(true);
            }}
          />
          <p className="field-hint">A relative path is saved beside the project file. {claimCount} claim{claimCount === 1 ? '' : 's'} will be exported.</p>
        </div>

        {phase.kind === 'saving' && (
          <div className="export-progress">
            <progress aria-label="Exporting" />
            <span role="status">
              Exporting {claimCount} claim{claimCount === 1 ? '' : 's'} as {FORMAT_INFO[format].label}…
            </span>
          </div>
        )}
        {phase.kind === 'error' && <p role="alert">Export failed: {phase.message}</p>}
        {phase.kind === 'saved' && (
          <div className="export-saved" role="status">
            <p>
              Saved <code className="field-mono">{phase.result.path}</code>
            </p>
            {phase.result.warnings.length > 0 && (
              <ul className="export-warnings" aria-label="Export warnings">
                {phase.result.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            )}
            <button type="button" className="button" onClick={() => void showInFolder(phase.result.path)}>
              Show in folder
            </button>
            {folderNote && <p className="field-hint">{folderNote}</p>}
          </div>
        )}

        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="button button-primary" disabled={!path.trim() || phase.kind === 'saving'}>
            Save export
          </button>
        </div>
      </form>
    </Dialog>
  );
}
