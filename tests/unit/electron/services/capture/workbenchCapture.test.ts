/**
 * Capturing through the contract, as the UI will: the capture waits while the site is down
 * ("Waiting for a connection") and completes when it comes back, the Internet Archive stand-in is
 * asked when the project says so, the capture is attached (undoable), its text and picture read
 * back offline, and the evidence bundle's manifest checks out file by file.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureJob } from '../../../../../shared/api';
import { SettingsStore } from '../../../../../electron/services/settings';
import { createWorkbench } from '../../../../../electron/services/workbench';
import { findChromium } from '../../../../../electron/services/interop/chromiumPdf';
import type { EvidenceManifest } from '../../../../../electron/services/capture/evidenceBundle';
import { sampleArticle, sampleClaim, tempDir } from '../helpers';
import { SCRIPT_PARAGRAPH, startTestSite, type TestSite } from './testSite';
import { startWaybackStandIn, type WaybackStandIn } from './waybackStandIn';

const hasChromium = findChromium() !== null;
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

let site: TestSite;
let wayback: WaybackStandIn;
beforeAll(async () => {
  site = await startTestSite();
  wayback = await startWaybackStandIn();
});
afterAll(async () => {
  await site?.stop().catch(() => undefined);
  await wayback?.close();
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`Still not there: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.runIf(hasChromium)('capturing sources through the contract', () => {
  it('waits for a connection, captures when the site is back, and everything is checkable offline', async () => {
    const root = await tempDir();
    const dataDir = path.join(root, 'data');
    await new SettingsStore(dataDir).update({ userName: 'Test Checker', capture: { waybackEndpoint: wayback.endpoint, limits: { timeoutSeconds: 20 } } });
    const workbench = createWorkbench({
      dataDir,
      mode: 'browser',
      version: '9.9.9',
      resourcesDir: path.join(dataDir, 'none'),
      storeOptions: { debounceMs: 5, maxDelayMs: 20 },
      capture: { queue: { firstRetryMs: 150, maxRetryMs: 300 }, waybackPollMs: 20 },
    });
    try {
      const created = await workbench.createProject({ title: 'Floods', path: path.join(root, 'floods') });
      const article = sampleArticle();
      const url = `${site.origin}/article`;
      const sources = [
        { id: 's1', url, title: 'Flood bulletin', publisher: 'Ministry', accessedAt: '2026-11-28' },
        { id: 's2', url: `${site.origin}/gone`, title: 'Informant', publisher: '', accessedAt: '2026-11-28', withheld: true },
      ];
      let seq = (
        await workbench.applyChanges({
          projectId: created.project.id,
          baseSeq: 0,
          changes: [
            { kind: 'do', op: { type: 'addArticle', article } },
            { kind: 'do', op: { type: 'addClaim', claim: sampleClaim(article) } },
            ...sources.map((source) => ({ kind: 'do' as const, op: { type: 'addSource' as const, source } })),
            { kind: 'do', op: { type: 'linkSource', link: { id: 'l1', claimId: 'claim-1', sourceId: 's1', stance: 'refutes', excerpt: '' } } },
            { kind: 'do', op: { type: 'linkSource', link: { id: 'l2', claimId: 'claim-1', sourceId: 's2', stance: 'context', excerpt: '' } } },
            { kind: 'do', op: { type: 'setArchiving', archiving: { saveToWayback: true } } },
          ],
        })
      ).seq;

      // The site is down: the capture waits for a connection.
      await site.stop();
      const job = await workbench.captureSource({ sourceId: 's1' });
      expect(job).toMatchObject({ sourceId: 's1', url, alsoWayback: true });
      const waiting = await until(() => workbench.listCaptureQueue({}), (jobs) => jobs[0]?.state === 'waiting');
      expect(waiting[0]).toMatchObject({ message: 'Waiting for a connection' });
      expect(waiting[0]!.error).toMatch(/connection was refused/);

      // It comes back: the next try captures the page.
      await site.start();
      const [done] = await until(() => workbench.listCaptureQueue({}), (jobs) => jobs[0]?.state === 'captured' || jobs[0]?.state === 'failed');
      expect(done).toMatchObject({ state: 'captured', message: 'Captured' });
      expect(done!.attempts).toBeGreaterThan(1);
      const capture = done!.capture!;
      expect(capture).toMatchObject({ requestedUrl: url, finalUrl: url, httpStatus: 200, tool: { name: 'Factcheck workbench', version: '9.9.9' } });
      expect(capture.wayback?.url).toBe(`${wayback.endpoint}/web/20261128101500/${url}`);
      expect(wayback.saved).toEqual([url]);

      // The UI attaches it: one undoable step.
      seq = (await workbench.applyChanges({ projectId: created.project.id, baseSeq: seq, changes: [{ kind: 'do', op: { type: 'attachCapture', sourceId: 's1', capture } }] })).seq;
      const text = await workbench.captureText({ sourceId: 's1', captureId: capture.id });
      expect(text.text).toContain(SCRIPT_PARAGRAPH);
      const picture = await workbench.readCapture({ sourceId: 's1', captureId: capture.id, file: 'screenshot' });
      expect(picture.mediaType).toBe('image/png');
      const warc = await workbench.readCapture({ sourceId: 's1', captureId: capture.id, file: 'warc' });
      expect(sha256(Buffer.from(warc.dataBase64, 'base64'))).toBe(capture.warc.sha256);
      // "Open archive" where there is no file manager: the WARC's path, holding the bytes the capture names.
      const archive = await workbench.showCaptureArchive({ sourceId: 's1', captureId: capture.id });
      expect(archive.shown).toBe(false);
      expect(sha256(await fs.readFile(archive.path))).toBe(capture.warc.sha256);

      // A withheld source is never named to the Internet Archive.
      const withheld = await workbench.captureSource({ sourceId: 's2' });
      expect(withheld.alsoWayback).toBe(false);
      expect(await workbench.cancelCapture({ jobId: withheld.id })).toMatchObject({ state: 'cancelled' });

      // The evidence bundle: every file listed with a hash that checks out; the withheld source left out.
      const bundle = await workbench.exportEvidenceBundle({ path: path.join(root, 'bundle') });
      const manifest = JSON.parse(await fs.readFile(path.join(bundle.path, 'manifest.json'), 'utf8')) as EvidenceManifest;
      expect(sha256(await fs.readFile(path.join(bundle.path, 'manifest.json')))).toBe(bundle.manifestSha256);
      expect(manifest.files.map((f) => f.role).sort()).toEqual(['pdf', 'report', 'screenshot', 'text', 'warc']);
      for (const file of manifest.files) {
        const bytes = await fs.readFile(path.join(bundle.path, ...file.path.split('/')));
        expect(sha256(bytes), file.path).toBe(file.sha256);
        expect(bytes.byteLength).toBe(file.size);
      }
      expect(manifest.files.find((f) => f.role === 'warc')).toMatchObject({ url, capturedAt: capture.capturedAt, sha256: capture.warc.sha256, records: capture.warc.records });
      expect(manifest.sources.map((s) => s.id)).toEqual(['s1']);
      const sums = (await fs.readFile(path.join(bundle.path, 'SHA256SUMS'), 'utf8')).trim().split('\n');
      expect(sums).toContain(`${capture.warc.sha256}  captures/${capture.warc.sha256}.warc`);
      expect(sums).toContain(`${bundle.manifestSha256}  manifest.json`);
      const report = await fs.readFile(path.join(bundle.path, 'report.html'), 'utf8');
      expect(report).toContain(`SHA-256 <code>${capture.warc.sha256}</code>`);
      await expect(workbench.exportEvidenceBundle({ path: path.join(root, 'bundle') })).rejects.toThrow(/empty or new folder/);

      // Finished jobs leave the list when dismissed; closing the project clears its queue.
      expect(await workbench.cancelCapture({ jobId: done!.id })).toMatchObject({ state: 'captured' });
      expect((await workbench.listCaptureQueue({})).map((j: CaptureJob) => j.sourceId)).toEqual(['s2']);
      await workbench.closeProject({});
      expect(await workbench.listCaptureQueue({})).toEqual([]);
    } finally {
      await workbench.dispose();
    }
  });

  it('keeps the capture limits as settings with defaults, refusing values out of range', async () => {
    const root = await tempDir();
    const workbench = createWorkbench({ dataDir: root, mode: 'browser', version: '1', resourcesDir: root });
    try {
      expect((await workbench.getCaptureSettings({})).limits).toEqual({ timeoutSeconds: 60, maxMegabytes: 50, maxRequests: 500, maxRedirects: 10 });
      expect((await workbench.updateCaptureSettings({ limits: { timeoutSeconds: 30 } })).limits.timeoutSeconds).toBe(30);
      expect((await workbench.getCaptureSettings({})).limits).toMatchObject({ timeoutSeconds: 30, maxMegabytes: 50 });
      await expect(workbench.updateCaptureSettings({ limits: { maxMegabytes: 0 } })).rejects.toMatchObject({ code: 'invalid-arguments' });
      await expect(workbench.captureSource({ sourceId: 's1' })).rejects.toMatchObject({ code: 'no-project' });
    } finally {
      await workbench.dispose();
    }
  });
});
