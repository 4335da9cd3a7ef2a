/**
 * The capture calls of the API contract over the open project: queue a capture of a source, list
 * and cancel the queue, read a capture's picture, PDF, archive or text, export the evidence bundle,
 * and the capture settings. createWorkbench delegates to these. A finished job carries its Capture;
 * the renderer attaches it with an attachCapture operation (as storeAttachment → attachFile).
 */
import os from 'node:os';
import path from 'node:path';
import { WorkbenchError, type AttachmentData, type AttachmentText, type ShowInFolderResult } from '../../../shared/api';
import type { CaptureJob, CaptureSettings, EvidenceBundleResult } from '../../../shared/captures/captureJobs';
import type { CaptureLimits } from '../../../shared/captures/captureLimits';
import type { Capture, Source } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { checkExternalUrl } from '../../../shared/urlCheck';
import type { SettingsStore } from '../settings';
import type { CaptureBrowser } from './captureBrowser';
import { CaptureFailure } from './captureFailure';
import { capturePage } from './capturePage';
import { CaptureQueue, type CaptureQueueOptions, type CaptureRunner } from './captureQueue';
import { readCaptureSettings, updateCaptureLimits } from './captureSettings';
import { assetsDirFor } from '../attachments/attachmentStore';
import { CAPTURE_MEDIA_TYPES, readAsset, storeCapture } from './captureStore';
import { chromiumCaptureBrowser } from './chromiumCaptureBrowser';
import { defaultBundleDir, exportEvidenceBundle } from './evidenceBundle';
import { saveToWayback } from './saveToWayback';

export const CAPTURE_TOOL_NAME = 'Factcheck workbench';

export interface CaptureDeps {
  /** The isolated browser: a hidden window in the desktop app; the local headless Chromium elsewhere. */
  browser?: CaptureBrowser;
  /** Retry timing of captures waiting for a connection. */
  queue?: CaptureQueueOptions;
  /** Time between Save Page Now status polls (tests shorten it). */
  waybackPollMs?: number;
  /** Renders the evidence bundle's HTML report off the calls' thread (the workbench's export worker). */
  renderReport?: (project: Project, options: { approvedOnly?: boolean; generatedAt: string }) => Promise<string>;
  /** Reveals a file in the system file manager (desktop app only). */
  showItemInFolder?: (file: string) => void;
}

export type CaptureFileKind = 'warc' | 'screenshot' | 'pdf' | 'text';

/** Captures a page and stores it beside the project; asks the Internet Archive too when told. */
export function captureRunner(settings: SettingsStore, version: string, deps: CaptureDeps): CaptureRunner {
  const browser = deps.browser ?? chromiumCaptureBrowser();
  const tool = { name: CAPTURE_TOOL_NAME, version };
  return async (request, { signal, onProgress }) => {
    const { limits, wayback } = await readCaptureSettings(settings);
    const page = await capturePage(request.url, { browser, limits, software: tool, signal, onProgress });
    if (signal.aborted) throw new CaptureFailure('cancelled', 'The capture was cancelled.');
    const capture = await storeCapture(request.projectPath, page, { tool, onPhase: (phase) => onProgress({ phase, requests: 0, bytes: 0 }) });
    if (request.alsoWayback) {
      onProgress({ phase: 'wayback', requests: 0, bytes: 0 });
      try {
        capture.wayback = await saveToWayback(page.requestedUrl, { ...wayback, pollMs: deps.waybackPollMs, signal });
      } catch (err) {
        capture.warnings = [...(capture.warnings ?? []), (err as Error).message];
      }
    }
    return capture;
  };
}

export function captureCalls(open: () => { path: string; project: Project }, settings: SettingsStore, version: string, deps: CaptureDeps = {}) {
  const queue = new CaptureQueue(captureRunner(settings, version, deps), deps.queue);

  const findSource = (project: Project, sourceId: string): Source => {
    const source = project.sources.find((s) => s.id === sourceId);
    if (!source) throw new WorkbenchError('operation-failed', `No source with id "${sourceId}".`);
    return source;
  };
  const findCapture = (project: Project, sourceId: string, captureId: string): Capture => {
    const capture = findSource(project, sourceId).captures?.find((c) => c.id === captureId);
    if (!capture) throw new WorkbenchError('operation-failed', `No capture "${captureId}" on this source.`);
    return capture;
  };

  return {
    queue,

    captureSource(request: { sourceId: string; alsoWayback?: boolean }): CaptureJob {
      const { path: projectPath, project } = open();
      const source = findSource(project, request.sourceId);
      const checked = checkExternalUrl(source.url);
      if (!checked.ok) throw new WorkbenchError('invalid-arguments', `This source cannot be captured: ${checked.reason}`);
      // A source withheld for its safety is never named to a third party.
      const alsoWayback = !source.withheld && (request.alsoWayback ?? project.archiving?.saveToWayback ?? false);
      return queue.add({ projectPath, projectId: project.id, sourceId: source.id, url: checked.url, alsoWayback });
    },

    listCaptureQueue(): CaptureJob[] {
      return queue.list(open().project.id);
    },

    cancelCapture(request: { jobId: string }): CaptureJob | null {
      const job = queue.get(request.jobId);
      if (!job || job.projectId !== open().project.id) return null;
      return queue.cancel(request.jobId);
    },

    retryCapture(request: { jobId: string }): CaptureJob | null {
      const job = queue.get(request.jobId);
      if (!job || job.projectId !== open().project.id) return null;
      return queue.retryNow(request.jobId);
    },

    async readCapture(request: { sourceId: string; captureId: string; file: CaptureFileKind }): Promise<AttachmentData> {
      const { path: projectPath, project } = open();
      const capture = findCapture(project, request.sourceId, request.captureId);
      const file = request.file === 'warc' ? capture.warc : capture[request.file];
      if (!file) throw new WorkbenchError('operation-failed', `This capture has no ${request.file === 'screenshot' ? 'picture' : request.file === 'text' ? 'readable text' : request.file.toUpperCase()}.`);
      const bytes = await readAsset(projectPath, file);
      return { dataBase64: Buffer.from(bytes).toString('base64'), mediaType: CAPTURE_MEDIA_TYPES[file.ext] ?? 'application/octet-stream' };
    },

    async captureText(request: { sourceId: string; captureId: string }): Promise<AttachmentText> {
      const { path: projectPath, project } = open();
      const capture = findCapture(project, request.sourceId, request.captureId);
      if (!capture.text) {
        const why = capture.warnings?.find((w) => w.startsWith('No readable text')) ?? 'No readable text was found on the captured page.';
        return { text: '', problem: why };
      }
      return { text: new TextDecoder().decode(await readAsset(projectPath, capture.text)) };
    },

    /** The WARC's file in the assets folder, checked against its hash first, revealed where there is a file manager. */
    async showCaptureArchive(request: { sourceId: string; captureId: string }): Promise<ShowInFolderResult> {
      const { path: projectPath, project } = open();
      const { warc } = findCapture(project, request.sourceId, request.captureId);
      await readAsset(projectPath, warc);
      const file = path.join(assetsDirFor(projectPath), `${warc.sha256}.${warc.ext}`);
      if (!deps.showItemInFolder) return { shown: false, path: file };
      deps.showItemInFolder(file);
      return { shown: true, path: file };
    },

    async exportEvidenceBundle(request: { path?: string; approvedOnly?: boolean }): Promise<EvidenceBundleResult> {
      const { path: projectPath, project } = open();
      const requested = request.path?.trim();
      let target: string;
      if (!requested) target = defaultBundleDir(projectPath, project);
      else if (requested === '~' || requested.startsWith('~/')) target = path.join(os.homedir(), requested.slice(1));
      else target = path.resolve(path.dirname(projectPath), requested);
      const { manifest: _manifest, ...result } = await exportEvidenceBundle(project, projectPath, target, {
        approvedOnly: request.approvedOnly,
        generator: { name: CAPTURE_TOOL_NAME, version },
        renderReport: deps.renderReport,
      });
      return result;
    },

    async getCaptureSettings(): Promise<CaptureSettings> {
      const { wayback: _account, ...visible } = await readCaptureSettings(settings);
      return visible;
    },

    updateCaptureSettings(request: { limits?: Partial<CaptureLimits> }): Promise<CaptureSettings> {
      return updateCaptureLimits(settings, request.limits ?? {});
    },
  };
}
