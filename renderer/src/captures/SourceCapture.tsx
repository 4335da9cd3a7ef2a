/**
 * A source card's evidence capture: "Capture", the state of a capture in progress or waiting for a
 * connection (with "Cancel capture"), and the newest capture as "Captured 28 Nov 2026 10:14 UTC ·
 * sha256 3f9a…" with "Show capture" (its text and picture, read offline) and "Open archive" (the WARC).
 */
import { useState } from 'react';
import { captureSummary, latestCapture } from '../../../shared/captures/captureLabels';
import { isActiveJob } from '../../../shared/captures/capturePlan';
import { httpErrorNote, jobDetail, jobHeadline } from '../../../shared/captures/jobLabels';
import type { Capture, ClaimSourceLink, Source } from '../../../shared/model';
import { checkExternalUrl } from '../../../shared/urlCheck';
import { useApi, useSession } from '../app/context';
import { errorMessage } from '../platform/errorMessage';
import { ActionText } from './ActionText';
import { base64ToBytes, downloadBytes } from './bytes';
import { useCaptureJobs, useCaptureQueue } from './CaptureQueueContext';
import './captures.css';
import { lazyComponent } from '../lazy/lazyComponent';
import { LazyBoundary } from '../lazy/LazyBoundary';

const CaptureView = lazyComponent(() => import('./CaptureView').then((module) => module.CaptureView));

/** "example.org-2026-11-28T10-14.warc": a name a replay tool and a person can both read. */
function archiveFileName(capture: Capture): string {
  let host = 'capture';
  try {
    host = new URL(capture.finalUrl || capture.requestedUrl).hostname || host;
  } catch {
    // keep the neutral name
  }
  return `${host}-${capture.capturedAt.slice(0, 16).replace(/:/g, '-')}.${capture.warc.ext}`;
}

export function SourceCapture({ source, link }: { source: Source; link: ClaimSourceLink }) {
  const api = useApi();
  const session = useSession();
  const queue = useCaptureQueue();
  const job = useCaptureJobs().filter((j) => j.sourceId === source.id).at(-1);
  const [showing, setShowing] = useState(false);
  const [archiveNote, setArchiveNote] = useState<string | null>(null);
  const checked = source.url.trim() ? checkExternalUrl(source.url) : null;
  const latest = latestCapture(source);
  const active = job ? isActiveJob(job) : false;

  const openArchive = async (capture: Capture) => {
    try {
      const shown = await api.showCaptureArchive({ sourceId: source.id, captureId: capture.id });
      if (shown.shown) {
        setArchiveNote(`Shown in its folder: ${shown.path}. Open it in ReplayWeb.page or another replay tool.`);
        return;
      }
      // Browser mode: no file manager to open, so the browser saves a copy of the WARC.
      const data = await api.readCapture({ sourceId: source.id, captureId: capture.id, file: 'warc' });
      downloadBytes(base64ToBytes(data.dataBase64), data.mediaType, archiveFileName(capture));
      setArchiveNote(`A copy was downloaded; the web archive is kept at ${shown.path}. Open it in ReplayWeb.page or another replay tool.`);
    } catch (error) {
      session.notify(`The web archive could not be opened: ${errorMessage(error)}`);
    }
  };

  const errorNote = latest ? httpErrorNote(latest.httpStatus) : undefined;
  return (
    <div className="source-capture" role="group" aria-label="Evidence capture">
      <div className="source-capture-head">
        {latest ? (
          <span className={`capture-summary${errorNote ? ' capture-summary-error' : ''}`} title={`SHA-256 of the web archive: ${latest.warc.sha256}`}>
            {captureSummary(latest)}
          </span>
        ) : (
          <span className="capture-none">{checked?.ok ? 'Not captured yet' : 'Add a web address to capture the page'}</span>
        )}
      </div>
      {errorNote && <p className="capture-http-error">{errorNote}</p>}
      {latest?.warnings?.[0] && !showing && (
        <p className="capture-http-error">
          {latest.warnings[0]}
          {latest.warnings.length > 1 ? ` (and ${latest.warnings.length - 1} more: Show capture)` : ''}
        </p>
      )}
      <div className="capture-actions">
        <button
          type="button"
          className="button button-small"
          disabled={!checked?.ok || active}
          title={!checked?.ok ? 'Add a web address first' : active ? 'This source is being captured' : 'Save the page as evidence: web archive, picture, PDF and text'}
          onClick={() => void queue.capture(source.id)}
        >
          Capture
        </button>
        {latest && (
          <>
            <ActionText expanded={showing} onAct={() => setShowing((open) => !open)}>
              {showing ? 'Hide capture' : 'Show capture'}
            </ActionText>
            <ActionText onAct={() => void openArchive(latest)}>Open archive</ActionText>
          </>
        )}
        {(source.captures?.length ?? 0) > 1 && <span className="capture-count">{source.captures!.length} captures; the newest is shown</span>}
      </div>
      {job && (
        <div className={`capture-job capture-job-${job.state}`}>
          <p role="status" className="capture-job-text">
            <span className="capture-job-headline">{jobHeadline(job)}</span>
            {jobDetail(job, new Date()) && <span className="capture-job-detail">{jobDetail(job, new Date())}</span>}
          </p>
          <span className="capture-job-buttons">
            {job.state === 'waiting' && <ActionText onAct={() => void queue.retry(job.id)}>Try again now</ActionText>}
            <ActionText onAct={() => void queue.cancel(job.id)}>{active ? 'Cancel capture' : 'Dismiss failed capture'}</ActionText>
          </span>
        </div>
      )}
      {archiveNote && (
        <p role="status" className="capture-archive-note">
          {archiveNote}
        </p>
      )}
      {latest && showing && (
        <LazyBoundary what="The capture" fallback={<p className="field-hint">Reading the captured text…</p>}>
          <CaptureView key={latest.id} source={source} link={link} capture={latest} />
        </LazyBoundary>
      )}
    </div>
  );
}
