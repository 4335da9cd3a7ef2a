/** How a capture job's state reads on a source card and in the capture queue. */
import type { CaptureJob } from './captureJobs';

const megabytes = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** "in 40 s", "in 3 min" (never negative: a retry that is due reads "now"). */
export function retryDelayLabel(nextAttemptAt: string, now: Date): string {
  const seconds = Math.ceil((new Date(nextAttemptAt).getTime() - now.getTime()) / 1000);
  if (!Number.isFinite(seconds) || seconds <= 0) return 'now';
  if (seconds < 90) return `in ${seconds} s`;
  return `in ${Math.round(seconds / 60)} min`;
}

/** The job's headline: "Waiting for a connection", "Loading the page… (12 requests, 1.2 MB)", "Capture failed: …". */
export function jobHeadline(job: CaptureJob): string {
  switch (job.state) {
    case 'waiting':
      return 'Waiting for a connection';
    case 'failed':
      return `Capture failed: ${job.message}`;
    case 'capturing': {
      const p = job.progress;
      return p && p.requests > 0 ? `${job.message} (${p.requests} request${p.requests === 1 ? '' : 's'}, ${megabytes(p.bytes)})` : job.message;
    }
    default:
      return job.message;
  }
}

/** The second line of a waiting job: why the last attempt failed and when the next one is. */
export function jobDetail(job: CaptureJob, now: Date): string | undefined {
  if (job.state !== 'waiting') return undefined;
  const next = job.nextAttemptAt ? `Trying again ${retryDelayLabel(job.nextAttemptAt, now)}` : 'Trying again soon';
  return `${job.error ? `${job.error} ` : ''}${next} (attempt ${job.attempts + 1}).`;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** For a capture of an error page: "The page answered HTTP 404 Not Found; the capture keeps that answer as evidence." */
export function httpErrorNote(status: number): string | undefined {
  if (status < 400) return undefined;
  const name = STATUS_NAMES[status];
  return `The page answered HTTP ${status}${name ? ` ${name}` : ''}; the capture keeps that answer as evidence.`;
}
