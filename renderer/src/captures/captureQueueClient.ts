/**
 * The renderer's view of the capture queue: asks the main side to capture sources, polls the queue
 * while a capture is unfinished, attaches each finished capture to its source (an undoable
 * attachCapture operation, as attachments are attached) and clears finished jobs from the list.
 */
import type { CaptureJob, WorkbenchApi } from '../../../shared/api';
import { describePlan, isActiveJob, planCaptures } from '../../../shared/captures/capturePlan';
import type { Source } from '../../../shared/model';
import type { Operation, Project } from '../../../shared/operations';
import { errorMessage } from '../platform/errorMessage';
import { createStore, type Store } from '../store/createStore';

export interface CaptureQueueHost {
  api: Pick<WorkbenchApi, 'captureSource' | 'listCaptureQueue' | 'cancelCapture' | 'retryCapture'>;
  project(): Project | null;
  dispatch(op: Operation): boolean;
  notify(message: string): void;
}

export interface CaptureQueueOptions {
  /** Time between polls while a capture is unfinished. */
  pollMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export class CaptureQueueClient {
  /** The open project's jobs still worth showing: unfinished or failed. */
  readonly jobs: Store<readonly CaptureJob[]> = createStore<readonly CaptureJob[]>([]);
  private timer: unknown = null;
  private refreshing: Promise<void> | null = null;
  private again = false;
  private disposed = false;
  private readonly attached = new Set<string>();
  private readonly pollMs: number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(
    private readonly host: CaptureQueueHost,
    options: CaptureQueueOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  /** The unfinished or failed job of a source, if any (the newest). */
  jobFor(sourceId: string): CaptureJob | undefined {
    const jobs = this.jobs.getSnapshot().filter((job) => job.sourceId === sourceId);
    return jobs[jobs.length - 1];
  }

  /** Queues one capture per source that has a web address and is not already being captured; says what it did. */
  async captureAll(sources: readonly Source[]): Promise<number> {
    const plan = planCaptures(sources, this.jobs.getSnapshot());
    const queued = await this.queue(plan.sourceIds);
    // Each queued capture shows on its card; a notice only says what was left out.
    if (queued === 0 || plan.skipped.length > 0) this.host.notify(describePlan({ ...plan, sourceIds: plan.sourceIds.slice(0, queued) }));
    return queued;
  }

  /** Queues a capture of one source. */
  async capture(sourceId: string): Promise<boolean> {
    return (await this.queue([sourceId])) === 1;
  }

  /** Cancels an unfinished capture, or dismisses a failed one. */
  async cancel(jobId: string): Promise<void> {
    try {
      await this.host.api.cancelCapture({ jobId });
    } catch (error) {
      this.host.notify(`The capture could not be cancelled: ${errorMessage(error)}`);
    }
    await this.refresh();
  }

  /** Tries a capture waiting for a connection again at once. */
  async retry(jobId: string): Promise<void> {
    try {
      await this.host.api.retryCapture({ jobId });
    } catch (error) {
      this.host.notify(`The capture could not be tried again: ${errorMessage(error)}`);
    }
    await this.refresh();
  }

  /** Reads the queue now (and keeps polling while a capture is unfinished). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.stopTimer();
    this.refreshing = this.readQueue().finally(() => {
      this.refreshing = null;
      if (this.again && !this.disposed) {
        this.again = false;
        void this.refresh();
      } else this.schedule();
    });
    return this.refreshing;
  }

  /** Starts (again, after dispose: React's strict mode mounts twice). */
  start(): void {
    this.disposed = false;
  }

  dispose(): void {
    this.disposed = true;
    this.stopTimer();
  }

  private async queue(sourceIds: readonly string[]): Promise<number> {
    let queued = 0;
    for (const sourceId of sourceIds) {
      try {
        await this.host.api.captureSource({ sourceId });
        queued++;
      } catch (error) {
        this.host.notify(`The source could not be captured: ${errorMessage(error)}`);
      }
    }
    if (queued > 0) await this.refresh();
    return queued;
  }

  private async readQueue(): Promise<void> {
    let jobs: CaptureJob[];
    try {
      jobs = await this.host.api.listCaptureQueue({});
    } catch {
      return; // No project open, or the host is gone: the next press or poll tries again.
    }
    const project = this.host.project();
    const shown: CaptureJob[] = [];
    for (const job of jobs) {
      if (!project || job.projectId !== project.id) continue;
      if (job.state === 'captured' || job.state === 'cancelled') {
        if (job.state === 'captured') this.attach(project, job);
        // A finished job is removed from the main side's list by cancelling it once more.
        await this.host.api.cancelCapture({ jobId: job.id }).catch(() => null);
        continue;
      }
      shown.push(job);
    }
    if (!this.disposed) this.jobs.set(shown);
  }

  private attach(project: Project, job: CaptureJob): void {
    const capture = job.capture;
    if (!capture || this.attached.has(job.id)) return;
    this.attached.add(job.id);
    const source = project.sources.find((s) => s.id === job.sourceId);
    if (!source) {
      this.host.notify(`A capture of ${job.url} finished after its source was removed; it was not kept.`);
      return;
    }
    if (source.captures?.some((c) => c.id === capture.id)) return;
    if (!this.host.dispatch({ type: 'attachCapture', sourceId: source.id, capture })) {
      this.host.notify(`The capture of ${job.url} could not be added to its source.`);
    }
  }

  private schedule(): void {
    if (this.disposed || this.timer !== null) return;
    if (!this.jobs.getSnapshot().some(isActiveJob)) return;
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.refresh();
    }, this.pollMs);
  }

  private stopTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }
}
