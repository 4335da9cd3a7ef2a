/**
 * The capture queue: one capture at a time (each runs a browser). A capture that cannot connect
 * waits ("Waiting for a connection") and is tried again with growing back-off until it succeeds,
 * the user cancels it, or — a bound, not a policy — `maxAttempts` is reached. Any capture that
 * succeeds wakes the waiting ones: the connection is back.
 */
import type { Capture } from '../../../shared/model';
import type { CaptureJob, CapturePhase } from '../../../shared/captures/captureJobs';
import { newId } from '../../../shared/ids';
import { CaptureFailure } from './captureFailure';

export interface CaptureRequest {
  projectPath: string;
  projectId: string;
  sourceId: string;
  url: string;
  alsoWayback: boolean;
}

export interface RunContext {
  signal: AbortSignal;
  onProgress(progress: { phase: CapturePhase; requests: number; bytes: number }): void;
}

export type CaptureRunner = (request: CaptureRequest, context: RunContext) => Promise<Capture>;

export interface CaptureQueueOptions {
  /** First wait after a failed connection (default 5 s); doubled each time up to maxRetryMs (default 10 min). */
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** Attempts after which a waiting capture gives up (default 1000: days of retrying). */
  maxAttempts?: number;
  now?: () => Date;
}

interface Entry {
  job: CaptureJob;
  request: CaptureRequest;
  controller?: AbortController;
  timer?: NodeJS.Timeout;
  settled: Promise<CaptureJob>;
  settle: (job: CaptureJob) => void;
}

const MESSAGES: Record<CapturePhase, string> = {
  starting: 'Starting the browser…',
  loading: 'Loading the page…',
  picture: 'Taking the picture and PDF…',
  archive: 'Writing the web archive…',
  text: 'Reading the text…',
  storing: 'Storing the capture…',
  wayback: 'Asking the Internet Archive to save it…',
};

export class CaptureQueue {
  private readonly entries = new Map<string, Entry>();
  private running: Entry | null = null;
  private disposed = false;
  private readonly firstRetryMs: number;
  private readonly maxRetryMs: number;
  private readonly maxAttempts: number;
  private readonly now: () => Date;

  constructor(
    private readonly run: CaptureRunner,
    options: CaptureQueueOptions = {},
  ) {
    this.firstRetryMs = options.firstRetryMs ?? 5000;
    this.maxRetryMs = options.maxRetryMs ?? 10 * 60 * 1000;
    this.maxAttempts = options.maxAttempts ?? 1000;
    this.now = options.now ?? (() => new Date());
  }

  add(request: CaptureRequest): CaptureJob {
    let settle!: (job: CaptureJob) => void;
    const settled = new Promise<CaptureJob>((resolve) => (settle = resolve));
    const job: CaptureJob = {
      id: newId('capture-job'),
      projectId: request.projectId,
      sourceId: request.sourceId,
      url: request.url,
      state: 'queued',
      message: 'Waiting to start',
      attempts: 0,
      alsoWayback: request.alsoWayback,
      createdAt: this.now().toISOString(),
    };
    this.entries.set(job.id, { job, request, settled, settle });
    this.pump();
    return { ...job };
  }

  /** Jobs, oldest first (of one project when `projectId` is given). */
  list(projectId?: string): CaptureJob[] {
    return [...this.entries.values()].filter((e) => !projectId || e.job.projectId === projectId).map((e) => ({ ...e.job }));
  }

  get(jobId: string): CaptureJob | undefined {
    const entry = this.entries.get(jobId);
    return entry ? { ...entry.job } : undefined;
  }

  /** Resolves when the job is captured, failed or cancelled. */
  settled(jobId: string): Promise<CaptureJob> {
    const entry = this.entries.get(jobId);
    if (!entry) return Promise.reject(new Error(`No capture job ${jobId}`));
    return entry.settled;
  }

  /** Cancels a queued, running or waiting job; a finished one is removed from the list. Null when unknown. */
  cancel(jobId: string): CaptureJob | null {
    const entry = this.entries.get(jobId);
    if (!entry) return null;
    const { job } = entry;
    if (job.state === 'captured' || job.state === 'failed' || job.state === 'cancelled') {
      this.entries.delete(jobId);
      return { ...job };
    }
    clearTimeout(entry.timer);
    entry.controller?.abort();
    this.finish(entry, { state: 'cancelled', message: 'Cancelled' });
    this.pump();
    return { ...job };
  }

  /** Tries a job waiting for a connection again now (the user knows the connection is back). Null when unknown. */
  retryNow(jobId: string): CaptureJob | null {
    const entry = this.entries.get(jobId);
    if (!entry) return null;
    if (entry.job.state === 'waiting') this.retry(entry);
    return { ...entry.job };
  }

  /** Cancels every unfinished job of a project (it is being closed) and forgets its jobs. */
  dropProject(projectId: string): void {
    for (const entry of [...this.entries.values()]) {
      if (entry.job.projectId !== projectId) continue;
      this.cancel(entry.job.id);
      this.entries.delete(entry.job.id);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const entry of this.entries.values()) {
      clearTimeout(entry.timer);
      entry.controller?.abort();
      if (!isFinished(entry.job)) this.finish(entry, { state: 'cancelled', message: 'Cancelled' });
    }
  }

  private finish(entry: Entry, change: Partial<CaptureJob>): void {
    Object.assign(entry.job, change, { finishedAt: this.now().toISOString() });
    delete entry.job.progress;
    delete entry.job.nextAttemptAt;
    entry.settle({ ...entry.job });
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const next = [...this.entries.values()].find((e) => e.job.state === 'queued');
    if (!next) return;
    this.running = next;
    void this.attempt(next).finally(() => {
      this.running = null;
      this.pump();
    });
  }

  private async attempt(entry: Entry): Promise<void> {
    const { job } = entry;
    const controller = new AbortController();
    entry.controller = controller;
    job.state = 'capturing';
    job.attempts++;
    job.message = MESSAGES.starting;
    delete job.nextAttemptAt;
    try {
      const capture = await this.run(entry.request, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (job.state !== 'capturing') return;
          job.progress = progress;
          job.message = MESSAGES[progress.phase];
        },
      });
      if (controller.signal.aborted || job.state !== 'capturing') return;
      this.finish(entry, { state: 'captured', message: 'Captured', capture, error: undefined });
      delete entry.job.error;
      this.wakeWaiting();
    } catch (err) {
      if (controller.signal.aborted || job.state !== 'capturing') return;
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof CaptureFailure && err.kind === 'offline' && job.attempts < this.maxAttempts) {
        const delay = Math.min(this.maxRetryMs, this.firstRetryMs * 2 ** Math.min(job.attempts - 1, 30));
        job.state = 'waiting';
        job.message = 'Waiting for a connection';
        job.error = message;
        delete job.progress;
        job.nextAttemptAt = new Date(this.now().getTime() + delay).toISOString();
        entry.timer = setTimeout(() => this.retry(entry), delay);
        return;
      }
      const final = err instanceof CaptureFailure && err.kind === 'offline' ? `${message} Gave up after ${job.attempts} attempts.` : message;
      this.finish(entry, { state: 'failed', message: final, error: final });
    } finally {
      entry.controller = undefined;
    }
  }

  private retry(entry: Entry): void {
    if (entry.job.state !== 'waiting' || this.disposed) return;
    clearTimeout(entry.timer);
    entry.job.state = 'queued';
    entry.job.message = 'Waiting to start';
    this.pump();
  }

  private wakeWaiting(): void {
    for (const entry of this.entries.values()) if (entry.job.state === 'waiting') this.retry(entry);
  }
}

function isFinished(job: CaptureJob): boolean {
  return job.state === 'captured' || job.state === 'failed' || job.state === 'cancelled';
}
