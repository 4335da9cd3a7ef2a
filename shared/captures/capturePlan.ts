/** Which sources "Capture all sources" sends to the queue, and why the others are left out. */
import type { Source } from '../model';
import { checkExternalUrl } from '../urlCheck';
import type { CaptureJob } from './captureJobs';

export interface CapturePlan {
  /** Sources to queue, in the order given. */
  sourceIds: string[];
  /** Sources left out, with the reason in the checker's words. */
  skipped: { sourceId: string; reason: string }[];
}

/** A job still to finish: queued, being captured or waiting for a connection. */
export function isActiveJob(job: Pick<CaptureJob, 'state'>): boolean {
  return job.state === 'queued' || job.state === 'capturing' || job.state === 'waiting';
}

/** Every source with a web address that is not already being captured (each source once). */
export function planCaptures(sources: readonly Source[], jobs: readonly Pick<CaptureJob, 'sourceId' | 'state'>[]): CapturePlan {
  const busy = new Set(jobs.filter(isActiveJob).map((job) => job.sourceId));
  const seen = new Set<string>();
  const plan: CapturePlan = { sourceIds: [], skipped: [] };
  for (const source of sources) {
    if (seen.has(source.id)) continue;
    seen.add(source.id);
    if (!source.url.trim()) plan.skipped.push({ sourceId: source.id, reason: 'It has no web address.' });
    else if (busy.has(source.id)) plan.skipped.push({ sourceId: source.id, reason: 'It is already being captured.' });
    else {
      const checked = checkExternalUrl(source.url);
      if (checked.ok) plan.sourceIds.push(source.id);
      else plan.skipped.push({ sourceId: source.id, reason: checked.reason });
    }
  }
  return plan;
}

/** "Capturing 3 sources" and what was left out, for a notice. */
export function describePlan(plan: CapturePlan): string {
  const n = plan.sourceIds.length;
  const queued = n === 0 ? 'No source to capture' : `Capturing ${n === 1 ? 'one source' : `${n} sources`}`;
  const left = plan.skipped.length;
  return left === 0 ? `${queued}.` : `${queued}; ${left === 1 ? 'one was' : `${left} were`} left out (no web address, or already being captured).`;
}
