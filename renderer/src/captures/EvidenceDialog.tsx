/**
 * The project's evidence, from the top bar: "Capture all sources" of the project, the capture queue
 * (waiting captures and why, "Cancel capture"), the Internet Archive choice (off by default, per
 * project), the capture limits, and "Export evidence bundle".
 */
import { useEffect, useState } from 'react';
import type { CaptureSettings, EvidenceBundleResult } from '../../../shared/api';
import { isActiveJob } from '../../../shared/captures/capturePlan';
import type { CaptureLimits } from '../../../shared/captures/captureLimits';
import { jobDetail, jobHeadline } from '../../../shared/captures/jobLabels';
import type { Project } from '../../../shared/operations';
import { checkExternalUrl } from '../../../shared/urlCheck';
import { useApi, useSession } from '../app/context';
import { Dialog } from '../dialogs/Dialog';
import { errorMessage } from '../platform/errorMessage';
import { ActionText } from './ActionText';
import { CaptureAllButton } from './CaptureAllButton';
import { useCaptureJobs, useCaptureQueue } from './CaptureQueueContext';
import './captures.css';

type BundlePhase = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; result: EvidenceBundleResult } | { kind: 'error'; message: string };

const LIMIT_FIELDS: { key: keyof CaptureLimits; label: string }[] = [
  { key: 'timeoutSeconds', label: 'Time limit (seconds)' },
  { key: 'maxMegabytes', label: 'Size limit (MB)' },
  { key: 'maxRequests', label: 'Most requests' },
  { key: 'maxRedirects', label: 'Most redirects' },
];

export function EvidenceDialog({ project, onClose }: { project: Project; onClose: () => void }) {
  const api = useApi();
  const session = useSession();
  const queue = useCaptureQueue();
  const jobs = useCaptureJobs();
  const [settings, setSettings] = useState<CaptureSettings | null>(null);
  const [bundle, setBundle] = useState<BundlePhase>({ kind: 'idle' });
  const [approvedOnly, setApprovedOnly] = useState(false);
  const withUrl = project.sources.filter((source) => checkExternalUrl(source.url).ok);
  const captured = withUrl.filter((source) => (source.captures?.length ?? 0) > 0).length;
  const wayback = project.archiving?.saveToWayback === true;

  useEffect(() => {
    let live = true;
    api
      .getCaptureSettings({})
      .then((value) => live && setSettings(value))
      .catch((error: unknown) => session.notify(`The capture settings could not be read: ${errorMessage(error)}`));
    return () => {
      live = false;
    };
  }, [api, session]);

  const changeLimit = async (key: keyof CaptureLimits, raw: string) => {
    const value = Number(raw);
    if (!settings || !Number.isInteger(value) || value === settings.limits[key]) return;
    try {
      setSettings(await api.updateCaptureSettings({ limits: { [key]: value } }));
    } catch (error) {
      session.notify(`The limit was not changed: ${errorMessage(error)}`);
    }
  };

  const exportBundle = async () => {
    setBundle({ kind: 'saving' });
    try {
      setBundle({ kind: 'saved', result: await api.exportEvidenceBundle({ approvedOnly }) });
    } catch (error) {
      setBundle({ kind: 'error', message: errorMessage(error) });
    }
  };

  return (
    <Dialog label="Evidence" onClose={onClose} wide>
      <div className="dialog-form">
        <section className="evidence-section" aria-label="Captures">
          <h3 className="evidence-section-title">Captures</h3>
          <div className="evidence-row">
            <span className="evidence-count">
              {withUrl.length === 0
                ? 'No source has a web address yet.'
                : `${captured} of ${withUrl.length} source${withUrl.length === 1 ? '' : 's'} with a web address captured.`}
            </span>
            <span className="spacer" />
            <CaptureAllButton sources={project.sources} scope="project" />
          </div>
          {jobs.length > 0 ? (
            <ul className="capture-queue" aria-label="Capture queue">
              {jobs.map((job) => (
                <li key={job.id} className={`capture-job capture-job-${job.state}`}>
                  <p className="capture-job-text">
                    <span className="capture-job-headline">{jobHeadline(job)}</span>
                    <span className="capture-queue-url">{job.url}</span>
                    {jobDetail(job, new Date()) && <span className="capture-job-detail">{jobDetail(job, new Date())}</span>}
                  </p>
                  <span className="capture-job-buttons">
                    {job.state === 'waiting' && (
                      <ActionText label={`Try again now: ${job.url}`} onAct={() => void queue.retry(job.id)}>
                        Try again now
                      </ActionText>
                    )}
                    <ActionText label={`${isActiveJob(job) ? 'Cancel capture of' : 'Dismiss'} ${job.url}`} onAct={() => void queue.cancel(job.id)}>
                      {isActiveJob(job) ? 'Cancel' : 'Dismiss'}
                    </ActionText>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="field-hint">No capture is queued. A capture that cannot connect waits here and is tried again until it succeeds or you cancel it.</p>
          )}
        </section>

        <section className="evidence-section" aria-label="Capture settings">
          <h3 className="evidence-section-title">Settings</h3>
          <div className="evidence-option">
            <label className="evidence-check">
              <input
                type="checkbox"
                checked={wayback}
                aria-describedby="evidence-wayback-hint"
                onChange={(event) => session.dispatch({ type: 'setArchiving', archiving: event.target.checked ? { saveToWayback: true } : null })}
              />
              Also ask the Internet Archive to save it
            </label>
            <p id="evidence-wayback-hint" className="field-hint">
              For this project, when online: each captured page is also sent to the Internet Archive’s Save Page Now, and its archive address is kept on the
              source. This tells a third party which pages you are checking. Withheld sources are never sent.
            </p>
          </div>
          {settings && (
            <div className="evidence-limits">
              {LIMIT_FIELDS.map(({ key, label }) => (
                <div className="field" key={key}>
                  <label className="field-label" htmlFor={`capture-limit-${key}`}>
                    {label}
                  </label>
                  <input
                    id={`capture-limit-${key}`}
                    className="field-input"
                    type="number"
                    min={key === 'maxRedirects' ? 0 : 1}
                    defaultValue={settings.limits[key]}
                    onBlur={(event) => void changeLimit(key, event.target.value)}
                  />
                </div>
              ))}
            </div>
          )}
          <p className="field-hint">Limits apply to every capture on this computer; a capture that reaches one says which.</p>
        </section>

        <section className="evidence-section" aria-label="Evidence bundle">
          <h3 className="evidence-section-title">Evidence bundle</h3>
          <p className="field-hint">
            A folder beside the project with the HTML report, every capture and attachment, and manifest.json listing each file’s SHA-256, address and capture
            time, so anyone can check every file.
          </p>
          <div className="evidence-row">
            <label className="evidence-check">
              <input type="checkbox" checked={approvedOnly} onChange={(event) => setApprovedOnly(event.target.checked)} /> Approved claims only
            </label>
            <span className="spacer" />
            <button type="button" className="button button-primary" disabled={bundle.kind === 'saving'} onClick={() => void exportBundle()}>
              Export evidence bundle
            </button>
          </div>
          {bundle.kind === 'saving' && <p role="status">Writing the evidence bundle…</p>}
          {bundle.kind === 'error' && <p role="alert">The evidence bundle was not written: {bundle.message}</p>}
          {bundle.kind === 'saved' && (
            <div className="evidence-result" role="status" aria-label="Evidence bundle written">
              <p>
                Saved <code className="field-mono">{bundle.result.path}</code>
              </p>
              <p>
                {bundle.result.files} files · manifest SHA-256 <code className="field-mono">{bundle.result.manifestSha256}</code>
              </p>
              {bundle.result.missing.length > 0 && (
                <ul className="capture-warnings" aria-label="Missing files">
                  {bundle.result.missing.map((name) => (
                    <li key={name}>Missing or damaged, left out: {name}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </section>

        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
