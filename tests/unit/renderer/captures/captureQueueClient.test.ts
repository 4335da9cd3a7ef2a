/**
 * The renderer's capture queue against a fake main side: a press queues a capture and the queue is
 * polled while it is unfinished; a finished capture is attached to its source once (and cleared from
 * the main side's list); failures stay listed until dismissed; other projects' jobs are not shown.
 */
import { describe, expect, it } from 'vitest';
import type { CaptureJob } from '../../../../shared/api';
import type { Operation, Project } from '../../../../shared/operations';
import { CaptureQueueClient } from '../../../../renderer/src/captures/captureQueueClient';
import { makeCaptureJob, sampleProject } from '../../shared/helpers';
import { makeCapture } from '../../electron/services/capture/helpers';

class FakeMain {
  jobs: CaptureJob[] = [];
  calls: string[] = [];
  refuse = new Set<string>();
  private next = 1;

  readonly api = {
    captureSource: async ({ sourceId }: { sourceId: string }): Promise<CaptureJob> => {
      this.calls.push(`capture ${sourceId}`);
      if (this.refuse.has(sourceId)) throw new Error(`No source with id "${sourceId}".`);
      const job = makeCaptureJob({ id: `j${this.next++}`, sourceId });
      this.jobs.push(job);
      return { ...job };
    },
    listCaptureQueue: async (): Promise<CaptureJob[]> => this.jobs.map((job) => ({ ...job })),
    retryCapture: async ({ jobId }: { jobId: string }): Promise<CaptureJob | null> => {
      this.calls.push(`retry ${jobId}`);
      const job = this.jobs.find((j) => j.id === jobId);
      if (job?.state === 'waiting') job.state = 'queued';
      return job ? { ...job } : null;
    },
    cancelCapture: async ({ jobId }: { jobId: string }): Promise<CaptureJob | null> => {
      this.calls.push(`cancel ${jobId}`);
      const job = this.jobs.find((j) => j.id === jobId);
      if (!job) return null;
      if (job.state === 'captured' || job.state === 'failed' || job.state === 'cancelled') this.jobs = this.jobs.filter((j) => j !== job);
      else job.state = 'cancelled';
      return { ...job };
    },
  };

  set(jobId: string, change: Partial<CaptureJob>): void {
    Object.assign(this.jobs.find((j) => j.id === jobId)!, change);
  }
}

function setup(project: Project = sampleProject()) {
  const main = new FakeMain();
  const dispatched: Operation[] = [];
  const notices: string[] = [];
  const timers: (() => void)[] = [];
  let current: Project | null = project;
  const client = new CaptureQueueClient(
    {
      api: main.api,
      project: () => current,
      dispatch: (op) => {
        dispatched.push(op);
        return true;
      },
      notify: (message) => notices.push(message),
    },
    {
      setTimer: (run) => (timers.push(run), run),
      clearTimer: (timer) => {
        const at = timers.indexOf(timer as () => void);
        if (at >= 0) timers.splice(at, 1);
      },
    },
  );
  /** Runs the poll that is due, as the timer would. */
  const poll = async () => {
    const run = timers.shift();
    expect(run, 'a poll is scheduled').toBeDefined();
    run!();
    // The fake main side answers at once: a few turns of the event loop finish the poll.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { main, client, dispatched, notices, timers, poll, setProject: (p: Project | null) => (current = p) };
}

const states = (client: CaptureQueueClient) => client.jobs.getSnapshot().map((job) => `${job.sourceId}:${job.state}`);

describe('CaptureQueueClient', () => {
  it('queues a capture, polls while it is unfinished, attaches the finished capture once and clears it', async () => {
    const { main, client, dispatched, timers, poll } = setup();
    expect(await client.capture('s1')).toBe(true);
    expect(states(client)).toEqual(['s1:queued']);
    expect(timers).toHaveLength(1);

    main.set('j1', { state: 'waiting', message: 'Waiting for a connection', attempts: 1 });
    await poll();
    expect(states(client)).toEqual(['s1:waiting']);
    expect(client.jobFor('s1')?.message).toBe('Waiting for a connection');
    await client.retry('j1');
    expect(main.calls).toContain('retry j1');
    expect(states(client)).toEqual(['s1:queued']);

    const capture = makeCapture('k1');
    main.set('j1', { state: 'captured', message: 'Captured', capture });
    await poll();
    expect(dispatched).toEqual([{ type: 'attachCapture', sourceId: 's1', capture }]);
    expect(main.calls).toContain('cancel j1');
    expect(main.jobs).toEqual([]);
    expect(states(client)).toEqual([]);
    // Nothing unfinished: polling stops.
    expect(timers).toHaveLength(0);
    await client.refresh();
    expect(dispatched).toHaveLength(1);
  });

  it('keeps a failed capture listed (no polling for it) until it is dismissed', async () => {
    const { main, client, timers, poll } = setup();
    await client.capture('s2');
    main.set('j1', { state: 'failed', message: 'The page timed out after 60 s.' });
    await poll();
    expect(states(client)).toEqual(['s2:failed']);
    expect(timers).toHaveLength(0);
    await client.cancel('j1');
    expect(states(client)).toEqual([]);
    expect(main.jobs).toEqual([]);
  });

  it('cancelling an unfinished capture removes it from the list', async () => {
    const { main, client } = setup();
    await client.capture('s1');
    await client.cancel('j1');
    expect(main.calls).toEqual(['capture s1', 'cancel j1', 'cancel j1']);
    expect(states(client)).toEqual([]);
  });

  it('does not attach a capture twice, nor to a source that is gone, and says so', async () => {
    const project = sampleProject();
    const capture = makeCapture('k1');
    const withCapture = { ...project, sources: project.sources.map((s) => (s.id === 's1' ? { ...s, captures: [capture] } : s)) };
    const { main, client, dispatched, notices } = setup(withCapture);
    main.jobs = [makeCaptureJob({ id: 'a', sourceId: 's1', state: 'captured', capture }), makeCaptureJob({ id: 'b', sourceId: 'gone', url: 'https://example.org/gone', state: 'captured', capture: makeCapture('k2') })];
    await client.refresh();
    expect(dispatched).toEqual([]);
    expect(notices).toEqual(['A capture of https://example.org/gone finished after its source was removed; it was not kept.']);
    expect(main.jobs).toEqual([]);
  });

  it('shows only the open project’s jobs', async () => {
    const { main, client, setProject } = setup();
    main.jobs = [makeCaptureJob({ id: 'a', projectId: 'other' }), makeCaptureJob({ id: 'b', sourceId: 's2', state: 'capturing' })];
    await client.refresh();
    expect(states(client)).toEqual(['s2:capturing']);
    setProject(null);
    await client.refresh();
    expect(states(client)).toEqual([]);
  });

  it('"Capture all sources" queues each source with a web address that is not already being captured, and says what it did', async () => {
    const project = sampleProject();
    const sources = [...project.sources.slice(0, 2), { ...project.sources[2]!, url: '' }];
    const { main, client, notices } = setup(project);
    await client.capture('s2');
    main.refuse.add('s1');
    expect(await client.captureAll(sources)).toBe(0);
    expect(main.calls).toEqual(['capture s2', 'capture s1']);
    expect(notices).toEqual([
      'The source could not be captured: No source with id "s1".',
      'No source to capture; 2 were left out (no web address, or already being captured).',
    ]);
    main.refuse.clear();
    expect(await client.captureAll(sources)).toBe(1);
    expect(states(client)).toEqual(['s2:queued', 's1:queued']);
    expect(notices.at(-1)).toBe('Capturing one source; 2 were left out (no web address, or already being captured).');
    // Everything queued: the cards show it, no notice.
    await client.cancel('j1');
    await client.cancel('j2');
    const count = notices.length;
    expect(await client.captureAll(sources.slice(0, 2))).toBe(2);
    expect(notices).toHaveLength(count);
  });
});
