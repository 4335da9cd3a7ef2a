/** "Capture all sources": which sources are queued and why others are left out; how a job's state reads. */
import { describe, expect, it } from 'vitest';
import { describePlan, isActiveJob, planCaptures } from '../../../../shared/captures/capturePlan';
import { httpErrorNote, jobDetail, jobHeadline, retryDelayLabel } from '../../../../shared/captures/jobLabels';
import { makeCaptureJob as job, makeSource } from '../helpers';

describe('planCaptures', () => {
  it('queues every source with a web address once, and names why the others are left out', () => {
    const sources = [
      makeSource('s1'),
      { ...makeSource('s2'), url: '' },
      { ...makeSource('s3'), url: 'javascript:alert(1)' },
      makeSource('s4'),
      makeSource('s1'),
      makeSource('s5'),
    ];
    const plan = planCaptures(sources, [job({ sourceId: 's4', state: 'waiting' }), job({ sourceId: 's5', state: 'failed' })]);
    expect(plan.sourceIds).toEqual(['s1', 's5']);
    expect(plan.skipped).toEqual([
      { sourceId: 's2', reason: 'It has no web address.' },
      { sourceId: 's3', reason: 'Only web links (http:// or https://) can be opened.' },
      { sourceId: 's4', reason: 'It is already being captured.' },
    ]);
    expect(describePlan(plan)).toBe('Capturing 2 sources; 3 were left out (no web address, or already being captured).');
    expect(describePlan({ sourceIds: [], skipped: [] })).toBe('No source to capture.');
    expect(describePlan({ sourceIds: ['s1'], skipped: [{ sourceId: 's2', reason: '' }] })).toBe('Capturing one source; one was left out (no web address, or already being captured).');
  });

  it('counts queued, capturing and waiting jobs as unfinished, and no others', () => {
    expect((['queued', 'capturing', 'waiting', 'captured', 'failed', 'cancelled'] as const).map((state) => isActiveJob({ state }))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe('job labels', () => {
  const now = new Date('2026-11-28T10:00:00.000Z');

  it('a waiting job says it waits for a connection, why, and when it tries again', () => {
    const waiting = job({ state: 'waiting', attempts: 2, error: 'Could not load https://example.org/s1: no route.', nextAttemptAt: '2026-11-28T10:00:40.000Z' });
    expect(jobHeadline(waiting)).toBe('Waiting for a connection');
    expect(jobDetail(waiting, now)).toBe('Could not load https://example.org/s1: no route. Trying again in 40 s (attempt 3).');
    expect(jobDetail(job({ state: 'capturing', message: 'Loading the page…' }), now)).toBeUndefined();
  });

  it('retry delays read in seconds, then minutes, and "now" once due', () => {
    expect(retryDelayLabel('2026-11-28T10:00:05.200Z', now)).toBe('in 6 s');
    expect(retryDelayLabel('2026-11-28T10:10:00.000Z', now)).toBe('in 10 min');
    expect(retryDelayLabel('2026-11-28T09:59:00.000Z', now)).toBe('now');
    expect(retryDelayLabel('not a date', now)).toBe('now');
  });

  it('a capture in progress shows its requests and size; a failure its reason', () => {
    expect(jobHeadline(job({ state: 'capturing', message: 'Loading the page…', progress: { phase: 'loading', requests: 12, bytes: 1.5 * 1024 * 1024 } }))).toBe(
      'Loading the page… (12 requests, 1.5 MB)',
    );
    expect(jobHeadline(job({ state: 'capturing', message: 'Loading the page…', progress: { phase: 'loading', requests: 1, bytes: 300 } }))).toBe(
      'Loading the page… (1 request, 1 KB)',
    );
    expect(jobHeadline(job({ state: 'failed', message: 'The page timed out after 60 s.' }))).toBe('Capture failed: The page timed out after 60 s.');
  });

  it('names an HTTP error page as evidence, and says nothing of a success', () => {
    expect(httpErrorNote(404)).toBe('The page answered HTTP 404 Not Found; the capture keeps that answer as evidence.');
    expect(httpErrorNote(418)).toBe('The page answered HTTP 418; the capture keeps that answer as evidence.');
    expect(httpErrorNote(200)).toBeUndefined();
    expect(httpErrorNote(301)).toBeUndefined();
  });
});
