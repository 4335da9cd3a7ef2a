/** The capture queue with a scripted runner: waiting for a connection, back-off, wake-up, cancel, final failures. */
import { describe, expect, it } from 'vitest';
import { CaptureFailure } from '../../../../../electron/services/capture/captureFailure';
import { CaptureQueue, type CaptureRequest, type CaptureRunner } from '../../../../../electron/services/capture/captureQueue';
import { makeCapture } from './helpers';

const request = (sourceId = 's1', projectId = 'p1'): CaptureRequest => ({
  projectPath: '/tmp/x.factcheck.json',
  projectId,
  sourceId,
  url: `https://example.org/${sourceId}`,
  alsoWayback: false,
});

/** A runner whose answers are given per attempt: 'offline', 'limit', 'ok', or 'hang' (until aborted). */
function scripted(answers: string[]) {
  const calls: string[] = [];
  const runner: CaptureRunner = (req, { signal, onProgress }) => {
    calls.push(req.sourceId);
    const answer = answers.shift() ?? 'ok';
    onProgress({ phase: 'loading', requests: 1, bytes: 10 });
    if (answer === 'offline') return Promise.reject(new CaptureFailure('offline', 'Could not load: the connection was refused (ERR_CONNECTION_REFUSED).'));
    if (answer === 'limit') return Promise.reject(new CaptureFailure('limit', 'The page did not finish loading: timed out after 60 s.'));
    if (answer === 'hang') {
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new CaptureFailure('cancelled', 'Cancelled'))));
    }
    return Promise.resolve(makeCapture(`cap-${req.sourceId}`));
  };
  return { runner, calls };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('CaptureQueue', () => {
  it('keeps a capture that cannot connect waiting, retries with growing back-off, and completes it', async () => {
    const { runner, calls } = scripted(['offline', 'offline', 'ok']);
    const queue = new CaptureQueue(runner, { firstRetryMs: 20, maxRetryMs: 1000 });
    const job = queue.add(request());
    await until(() => queue.get(job.id)!.state === 'waiting');
    const waiting = queue.get(job.id)!;
    expect(waiting.message).toBe('Waiting for a connection');
    expect(waiting.error).toMatch(/connection was refused/);
    expect(Date.parse(waiting.nextAttemptAt!)).toBeGreaterThan(Date.parse(waiting.createdAt));
    const done = await queue.settled(job.id);
    expect(done).toMatchObject({ state: 'captured', message: 'Captured', attempts: 3, capture: { id: 'cap-s1' } });
    expect(done.error).toBeUndefined();
    expect(calls).toEqual(['s1', 's1', 's1']);
  });

  it('does not retry a capture that failed for another reason, and says why', async () => {
    const { runner } = scripted(['limit']);
    const queue = new CaptureQueue(runner, { firstRetryMs: 10 });
    const job = queue.add(request());
    expect(await queue.settled(job.id)).toMatchObject({ state: 'failed', attempts: 1, message: 'The page did not finish loading: timed out after 60 s.' });
  });

  it('wakes the waiting captures as soon as another one succeeds', async () => {
    const { runner, calls } = scripted(['offline', 'ok', 'ok']);
    const queue = new CaptureQueue(runner, { firstRetryMs: 60_000 });
    const first = queue.add(request('s1'));
    await until(() => queue.get(first.id)!.state === 'waiting');
    const second = queue.add(request('s2'));
    await queue.settled(second.id);
    expect((await queue.settled(first.id)).state).toBe('captured');
    expect(calls).toEqual(['s1', 's2', 's1']);
  });

  it('"Try again now" retries a waiting capture at once, and leaves others as they are', async () => {
    const { runner, calls } = scripted(['offline', 'ok']);
    const queue = new CaptureQueue(runner, { firstRetryMs: 60_000 });
    const job = queue.add(request('s1'));
    await until(() => queue.get(job.id)!.state === 'waiting');
    expect(queue.retryNow(job.id)).toMatchObject({ id: job.id });
    expect(await queue.settled(job.id)).toMatchObject({ state: 'captured', attempts: 2 });
    expect(calls).toEqual(['s1', 's1']);
    // A finished job is not run again; an unknown one is null.
    expect(queue.retryNow(job.id)).toMatchObject({ state: 'captured' });
    expect(calls).toHaveLength(2);
    expect(queue.retryNow('nope')).toBeNull();
  });

  it('runs one capture at a time, in order', async () => {
    const { runner, calls } = scripted(['ok', 'ok', 'ok']);
    const queue = new CaptureQueue(runner);
    const jobs = ['a', 'b', 'c'].map((id) => queue.add(request(id)));
    expect(queue.list().map((j) => j.state)).toEqual(['capturing', 'queued', 'queued']);
    await Promise.all(jobs.map((j) => queue.settled(j.id)));
    expect(calls).toEqual(['a', 'b', 'c']);
  });

  it('cancels a waiting capture, a running one (aborting it) and removes finished ones from the list', async () => {
    const { runner } = scripted(['offline', 'hang', 'ok']);
    const queue = new CaptureQueue(runner, { firstRetryMs: 60_000 });
    const waiting = queue.add(request('w'));
    await until(() => queue.get(waiting.id)!.state === 'waiting');
    expect(queue.cancel(waiting.id)).toMatchObject({ state: 'cancelled' });
    const running = queue.add(request('r'));
    await until(() => queue.get(running.id)!.state === 'capturing');
    queue.cancel(running.id);
    expect(await queue.settled(running.id)).toMatchObject({ state: 'cancelled', message: 'Cancelled' });
    const next = queue.add(request('n'));
    expect((await queue.settled(next.id)).state).toBe('captured');
    expect(queue.cancel(next.id)).toMatchObject({ state: 'captured' });
    expect(queue.list().map((j) => j.sourceId)).toEqual(['w', 'r']);
    expect(queue.cancel('unknown')).toBeNull();
  });

  it('gives up after its most attempts (a bound), naming how many', async () => {
    const { runner } = scripted(['offline', 'offline', 'offline']);
    const queue = new CaptureQueue(runner, { firstRetryMs: 1, maxAttempts: 3 });
    const job = queue.add(request());
    const done = await queue.settled(job.id);
    expect(done.state).toBe('failed');
    expect(done.message).toMatch(/Gave up after 3 attempts/);
  });

  it('lists and drops jobs by project', async () => {
    const { runner } = scripted(['hang', 'ok']);
    const queue = new CaptureQueue(runner);
    const a = queue.add(request('s1', 'p1'));
    queue.add(request('s2', 'p2'));
    expect(queue.list('p2').map((j) => j.sourceId)).toEqual(['s2']);
    const settled = queue.settled(a.id);
    queue.dropProject('p1');
    expect((await settled).state).toBe('cancelled');
    expect(queue.list('p1')).toEqual([]);
    queue.dispose();
  });
});
