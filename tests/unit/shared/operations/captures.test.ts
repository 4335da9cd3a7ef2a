/** The capture operations: reducer, inverse (undo restores the project exactly), history labels, the project file. */
import { describe, expect, it } from 'vitest';
import { captureSummary, captureTimeLabel, latestCapture } from '../../../../shared/captures/captureLabels';
import { captureLimitsFrom, DEFAULT_CAPTURE_LIMITS } from '../../../../shared/captures/captureLimits';
import { commitChange, describeOperation, undoTarget } from '../../../../shared/history';
import { invert } from '../../../../shared/operations';
import type { Operation, Project } from '../../../../shared/operations';
import { parseProjectFile, serializeProject } from '../../../../shared/projectFile';
import { apply } from '../../../../shared/operations';
import { renderMarkdownReport } from '../../../../shared/interop/markdownReport';
import { renderHtmlReport } from '../../../../shared/interop/htmlReport';
import { meta, sampleProject } from '../helpers';
import { roundTrip } from './roundTrip';
import { makeCapture } from '../../electron/services/capture/helpers';
import { sha256Hex } from '../../../../electron/services/intake/sha256';

function withCaptures(): Project {
  const p = sampleProject();
  return { ...p, sources: p.sources.map((s) => (s.id === 's2' ? { ...s, captures: [makeCapture('k1'), makeCapture('k2')] } : s)) };
}

describe('capture operations', () => {
  it.each<[string, Operation]>([
    ['attachCapture to a source without captures', { type: 'attachCapture', sourceId: 's1', capture: makeCapture('k3') }],
    ['attachCapture at an index', { type: 'attachCapture', sourceId: 's2', capture: makeCapture('k3'), index: 1 }],
    ['detachCapture (the first of two)', { type: 'detachCapture', sourceId: 's2', captureId: 'k1' }],
    ['setArchiving on', { type: 'setArchiving', archiving: { saveToWayback: true } }],
  ])('%s is undone exactly', (_name, op) => {
    roundTrip(withCaptures(), op);
  });

  it('removing the last capture removes the field, and undo puts it back in place', () => {
    const one = apply(withCaptures(), { type: 'detachCapture', sourceId: 's2', captureId: 'k1' });
    const inverse = roundTrip(one, { type: 'detachCapture', sourceId: 's2', captureId: 'k2' });
    expect(apply(one, { type: 'detachCapture', sourceId: 's2', captureId: 'k2' }).sources.find((s) => s.id === 's2')).not.toHaveProperty('captures');
    expect(inverse).toMatchObject({ type: 'attachCapture', index: 0 });
  });

  it('turning the Wayback choice off returns the project to its defaults', () => {
    const on = apply(sampleProject(), { type: 'setArchiving', archiving: { saveToWayback: true } });
    const off = apply(on, { type: 'setArchiving', archiving: null });
    expect(off).not.toHaveProperty('archiving');
    expect(invert(on, { type: 'setArchiving', archiving: null })).toEqual({ type: 'setArchiving', archiving: { saveToWayback: true } });
  });

  it('refuses a capture twice, an unknown source and an unknown capture', () => {
    const p = withCaptures();
    expect(() => apply(p, { type: 'attachCapture', sourceId: 's2', capture: makeCapture('k1') })).toThrow(/already on the source/);
    expect(() => apply(p, { type: 'attachCapture', sourceId: 'nope', capture: makeCapture('k9') })).toThrow(/No source/);
    expect(() => apply(p, { type: 'detachCapture', sourceId: 's1', captureId: 'k1' })).toThrow(/No capture "k1"/);
  });

  it('is listed in History with its own label and undone as one step', () => {
    const p = sampleProject();
    const op: Operation = { type: 'attachCapture', sourceId: 's1', capture: makeCapture('k5') };
    expect(describeOperation(op)).toBe('Capture source');
    expect(describeOperation({ type: 'detachCapture', sourceId: 's1', captureId: 'k5' })).toBe('Remove capture');
    expect(describeOperation({ type: 'setArchiving', archiving: { saveToWayback: true } })).toBe('Also save captures to the Internet Archive');
    const { project: after } = commitChange(p, { kind: 'do', op }, meta(0));
    expect(undoTarget(after.history)?.op).toEqual(op);
    const { project: undone } = commitChange(after, { kind: 'undo' }, meta(1));
    expect(undone.sources).toEqual(p.sources);
  });

  it('is not locked by an approved claim: preserving a source changes no claim', () => {
    const p = sampleProject();
    const approved = { ...p, claims: p.claims.map((c) => ({ ...c, state: 'approved' as const })) };
    expect(() => apply(approved, { type: 'attachCapture', sourceId: 's1', capture: makeCapture('k6') })).not.toThrow();
  });
});

describe('project files with captures', () => {
  it('load, save and load again unchanged; older files without captures still load', () => {
    const p = apply(withCaptures(), { type: 'setArchiving', archiving: { saveToWayback: true } });
    const parsed = parseProjectFile(serializeProject(p), sha256Hex);
    expect(parsed.ok && parsed.project).toEqual(p);
    expect(parseProjectFile(serializeProject(sampleProject()), sha256Hex).ok).toBe(true);
  });

  it('refuse a capture whose hash is not SHA-256 hex', () => {
    const broken = JSON.parse(serializeProject(withCaptures()));
    broken.sources[1].captures[0].warc.sha256 = 'not-a-hash';
    expect(parseProjectFile(JSON.stringify(broken), sha256Hex).ok).toBe(false);
  });
});

describe('how captures are named', () => {
  it('shows the time in UTC and the first hex digits of the archive hash', () => {
    expect(captureTimeLabel('2026-11-28T10:14:09.120Z')).toBe('28 Nov 2026 10:14 UTC');
    expect(captureTimeLabel('2026-11-28T23:59:00-05:00')).toBe('29 Nov 2026 04:59 UTC');
    expect(captureSummary(makeCapture('k'))).toBe('Captured 28 Nov 2026 10:14 UTC · sha256 3f9a…');
    expect(captureSummary(makeCapture('k', { httpStatus: 404 }))).toBe('Captured 28 Nov 2026 10:14 UTC · HTTP 404 · sha256 3f9a…');
  });

  it('takes the newest capture of a source', () => {
    const older = makeCapture('old', { capturedAt: '2026-01-01T00:00:00.000Z' });
    const newer = makeCapture('new', { capturedAt: '2026-06-01T00:00:00.000Z' });
    expect(latestCapture({ captures: [newer, older] })?.id).toBe('new');
    expect(latestCapture({})).toBeUndefined();
  });

  it('reports list capture time and the full SHA-256 in the sources list, for captured sources only', () => {
    const p = withCaptures();
    const sha = makeCapture('k').warc.sha256;
    const md = renderMarkdownReport(p, { generatedAt: '2026-11-28T12:00:00.000Z' });
    const sourcesList = md.slice(md.indexOf('## Sources'), md.indexOf('## Rating scale'));
    expect(sourcesList).toContain(`captured 28 Nov 2026 10:14 UTC · SHA-256 \`${sha}\``);
    expect(sourcesList.match(/SHA-256/g)).toHaveLength(1);
    const html = renderHtmlReport(p, { generatedAt: '2026-11-28T12:00:00.000Z' });
    expect(html).toContain(`Captured 28 Nov 2026 10:14 UTC · SHA-256 <code>${sha}</code>`);
  });
});

describe('capture limits', () => {
  it('default to 60 s, 50 MB, 500 requests and 10 redirects; invalid stored values fall back', () => {
    expect(DEFAULT_CAPTURE_LIMITS).toEqual({ timeoutSeconds: 60, maxMegabytes: 50, maxRequests: 500, maxRedirects: 10 });
    expect(captureLimitsFrom({ timeoutSeconds: 5, maxMegabytes: -1, maxRequests: 'many' })).toEqual({ ...DEFAULT_CAPTURE_LIMITS, timeoutSeconds: 5 });
    expect(captureLimitsFrom(undefined)).toEqual(DEFAULT_CAPTURE_LIMITS);
  });
});
