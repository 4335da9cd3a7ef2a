/**
 * One capture of one URL: open a fresh isolated page, record every response while the page loads
 * (within the time, size, request and redirect limits), then take the rendered page's HTML, a
 * full-page picture and a PDF, close the browser, and write the web archive (WARC). Nothing is
 * stored here: the caller gets the bytes (see captureStore.ts).
 */
import { checkExternalUrl } from '../../../shared/urlCheck';
import { limitWords, type CaptureLimits } from '../../../shared/captures/captureLimits';
import type { CaptureBrowser, CapturePageHandle } from './captureBrowser';
import type { CdpParams } from './cdpConnection';
import { CaptureFailure, failureFromNetError } from './captureFailure';
import { PageRecorder, headerValue, type RecordedExchange, type RecorderProgress } from './pageRecorder';
import { buildWarc } from './warcWriter';
import type { CapturePhase } from '../../../shared/captures/captureJobs';
import { startCaptureProxy, type CaptureProxy } from './captureProxy';


export interface CaptureProgress extends RecorderProgress {
  phase: CapturePhase;
}

export interface CapturePageOptions {
  browser: CaptureBrowser;
  limits: CaptureLimits;
  /** What made the capture, for the WARC's warcinfo record. */
  software: { name: string; version: string };
  signal?: AbortSignal;
  onProgress?: (progress: CaptureProgress) => void;
  /** How long the page may stay busy after its load event before it is taken as it is (default 5 s). */
  settleMs?: number;
  /** Quiet time (no request open) that counts as "the page is done" (default 500 ms). */
  quietMs?: number;
}

export interface CapturedPage {
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  contentType: string;
  /** When loading started (UTC). */
  capturedAt: Date;
  /** The browser's product and version. */
  browser: string;
  warc: { bytes: Uint8Array; records: number };
  /** Full-page PNG (absent when the page could not be pictured, e.g. a download). */
  screenshot?: Uint8Array;
  /** The rendered page printed to PDF, or the PDF itself when the page is one. */
  pdf?: Uint8Array;
  /** What the readable text is to be taken from: the rendered DOM (html) or the document's own bytes. */
  textSource?: { fileName: string; bytes: Uint8Array };
  /** The main document's exchange (its body as the page got it). */
  mainExchange: RecordedExchange;
  exchanges: number;
  warnings: string[];
}

/** Tallest picture taken; a longer page is cut there (with a warning). */
export const MAX_SCREENSHOT_HEIGHT = 16_384;
/** Time allowed to each of the DOM snapshot, the picture and the PDF. */
const SNAPSHOT_STEP_MS = 15_000;

export async function capturePage(url: string, options: CapturePageOptions): Promise<CapturedPage> {
  const checked = checkExternalUrl(url);
  if (!checked.ok) throw new CaptureFailure('refused', `Cannot capture "${url.slice(0, 200)}": ${checked.reason}`);
  const requestedUrl = checked.url;
  const { limits, signal } = options;
  const report = (phase: CapturePhase, progress: RecorderProgress = { requests: 0, bytes: 0 }) => options.onProgress?.({ phase, ...progress });
  if (signal?.aborted) throw cancelled();
  report('starting');

  const proxy = await startCaptureProxy();
  let page: CapturePageHandle;
  try {
    page = await options.browser.openPage({ proxy: proxy.address });
  } catch (err) {
    await proxy.close();
    throw err;
  }
  const onAbort = () => void page.close().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  let recorder: PageRecorder | undefined;
  try {
    recorder = new PageRecorder(page.cdp, page.sessionId, {
      limits,
      onProgress: (progress) => report('loading', progress),
      allow: (target) => proxy.allow(target),
      remoteAddressOf: (target) => proxy.remoteAddressOf(target),
    });
    await recorder.start();
    const capturedAt = new Date();
    await load(page, recorder, requestedUrl, options, proxy);
    if (signal?.aborted) throw cancelled();
    const loaded = { ...recorder.main! };

    report('picture', recorder.progress());
    const snapshot = await takeSnapshot(page, recorder);
    if (signal?.aborted) throw cancelled();
    recorder.stop();
    await recorder.drain(2000);
    // The page as loaded, unless it had moved on to another page that finished loading meanwhile.
    const main = recorder.main?.exchange ? recorder.main : loaded;
    const mainExchange = main.exchange!;
    const exchanges = recorder.exchanges.slice();
    const warnings = [...recorder.warnings, ...snapshot.warnings];
    recorder.dispose();
    await page.close();

    report('archive', recorder.progress());
    const software = `${options.software.name} ${options.software.version} (${page.product}); warcio.js`;
    const warc = await buildWarc(exchanges, {
      software,
      filename: 'capture.warc',
      description: `Capture of ${requestedUrl} made at ${capturedAt.toISOString()}`,
    });

    const isPdf = /^application\/pdf\b/i.test(main.contentType);
    const isHtml = /html|xml/i.test(main.contentType) || main.contentType === '';
    let textSource: CapturedPage['textSource'];
    if (isPdf) textSource = { fileName: 'captured-page.pdf', bytes: mainExchange.body };
    else if (isHtml && snapshot.html) textSource = { fileName: 'captured-page.html', bytes: new TextEncoder().encode(snapshot.html) };
    else if (/^text\/plain\b/i.test(main.contentType)) textSource = { fileName: 'captured-page.txt', bytes: mainExchange.body };

    return {
      requestedUrl,
      finalUrl: main.url,
      httpStatus: main.status,
      contentType: main.contentType,
      capturedAt,
      browser: page.product,
      warc,
      screenshot: snapshot.screenshot,
      pdf: isPdf ? mainExchange.body : snapshot.pdf,
      textSource,
      mainExchange,
      exchanges: exchanges.length,
      warnings,
    };
  } catch (err) {
    if (signal?.aborted) throw cancelled();
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    recorder?.dispose();
    await page.close().catch(() => undefined);
    await proxy.close();
  }
}

function cancelled(): CaptureFailure {
  return new CaptureFailure('cancelled', 'The capture was cancelled.');
}

/** Navigates and waits for the page to load and settle, within the time limit. */
async function load(page: CapturePageHandle, recorder: PageRecorder, url: string, options: CapturePageOptions, proxy: CaptureProxy): Promise<void> {
  const { limits } = options;
  const deadline = Date.now() + limits.timeoutSeconds * 1000;
  const remaining = () => Math.max(0, deadline - Date.now());
  const session = page.sessionId;

  let loaded = false;
  const mainFrame = recorder.mainFrameId;
  const stopListening = page.cdp.onEvent((method, params, sessionId) => {
    if (sessionId !== session) return;
    if (method === 'Page.loadEventFired') loaded = true;
    if (method === 'Page.frameStoppedLoading' && (params as CdpParams).frameId === mainFrame) loaded = true;
  });
  try {
    const navigation = page.cdp
      .send<{ errorText?: string; isDownload?: boolean }>('Page.navigate', { url }, session)
      .then((result) => ({ result }), (error: Error) => ({ error }));
    const timer = timeout(remaining());
    const outcome = await Promise.race([navigation, timer.promise]).finally(timer.cancel);
    if (outcome === 'timeout') {
      recorder.stop();
      if (recorder.mainFailure) throw recorder.mainFailure;
      if (!recorder.main) throw new CaptureFailure('offline', `No answer from ${hostOf(url)}: ${limitWords.time(limits)}.`);
      throw new CaptureFailure('limit', `The page did not finish loading: ${limitWords.time(limits)}.`);
    }
    if ('error' in outcome) throw new CaptureFailure('browser', `The browser failed while loading the page: ${outcome.error.message}`);
    if (recorder.mainFailure) throw recorder.mainFailure;
    const { errorText } = outcome.result;
    // Once the page's response is recorded, a failed navigation (a download, an error status with an
    // empty body the browser replaces by its own error page) is still a captured page.
    if (errorText && !recorder.main?.exchange) throw failureFromNetError(url, errorText, proxy.errorFor(recorder.main?.url ?? url));

    // The load event, then a quiet moment with no request open; bounded by the time limit and settleMs.
    const quietMs = options.quietMs ?? 500;
    const settleMs = options.settleMs ?? 5000;
    let settleUntil: number | undefined;
    for (let turn = 0; turn < 100_000 && Date.now() < deadline; turn++) {
      if (recorder.mainFailure) throw recorder.mainFailure;
      if (loaded && settleUntil === undefined) settleUntil = Math.min(deadline, Date.now() + settleMs);
      if (settleUntil !== undefined) {
        const activity = recorder.activity();
        if ((activity.inflight === 0 && activity.quietMs >= quietMs) || Date.now() >= settleUntil) break;
      }
      await sleep(50);
    }
    if (recorder.mainFailure) throw recorder.mainFailure;
    if (!recorder.main?.exchange) throw new CaptureFailure('limit', `The page did not finish loading: ${limitWords.time(limits)}.`);
    if (Date.now() >= deadline) {
      recorder.stop();
      recorder.warnings.push(`Stopped waiting for the rest of the page: ${limitWords.time(limits)}.`);
      // A page still running scripts (a loop, a dialog storm) is stopped so it can be pictured.
      void page.cdp.send('Runtime.terminateExecution', {}, session).catch(() => undefined);
      await bounded(page.cdp.send('Emulation.setScriptExecutionDisabled', { value: true }, session), 2000, 'stopping scripts').catch(() => undefined);
    }
  } finally {
    stopListening();
  }
}

interface Snapshot {
  html?: string;
  screenshot?: Uint8Array;
  pdf?: Uint8Array;
  warnings: string[];
}

/** The rendered page's HTML, its full-page picture and its PDF; each step bounded, a failed step only warned about. */
async function takeSnapshot(page: CapturePageHandle, recorder: PageRecorder): Promise<Snapshot> {
  const session = page.sessionId;
  const send = <T>(method: string, params: CdpParams = {}) => bounded(page.cdp.send<T>(method, params, session), SNAPSHOT_STEP_MS, method);
  const warnings: string[] = [];
  const snapshot: Snapshot = { warnings };
  const contentType = recorder.main?.contentType ?? '';
  const isDocument = /html|xml/i.test(contentType) || /^text\//i.test(contentType) || contentType === '';
  const isPdf = /^application\/pdf\b/i.test(contentType);

  if (isDocument) {
    try {
      const { root } = await send<{ root: { nodeId: number } }>('DOM.getDocument', { depth: 0 });
      const { outerHTML } = await send<{ outerHTML: string }>('DOM.getOuterHTML', { nodeId: root.nodeId });
      snapshot.html = `<!DOCTYPE html>\n${outerHTML}`;
    } catch (err) {
      warnings.push(`The rendered page could not be read: ${(err as Error).message}`);
      // A page that does not answer will not be pictured or printed either.
      if (err instanceof StepTimeout) return snapshot;
    }
  }

  if (isDocument || isPdf) {
    try {
      const metrics = await send<{ cssContentSize?: { width: number; height: number }; contentSize: { width: number; height: number } }>('Page.getLayoutMetrics');
      const size = metrics.cssContentSize ?? metrics.contentSize;
      const width = Math.max(1, Math.min(Math.ceil(size.width), 4096));
      let height = Math.max(1, Math.ceil(size.height));
      if (height > MAX_SCREENSHOT_HEIGHT) {
        warnings.push(`The picture shows the first ${MAX_SCREENSHOT_HEIGHT.toLocaleString('en')} pixels of a ${height.toLocaleString('en')}-pixel page.`);
        height = MAX_SCREENSHOT_HEIGHT;
      }
      const shot = await send<{ data: string }>('Page.captureScreenshot', {
        format: 'png',
        captureBeyondViewport: true,
        clip: { x: 0, y: 0, width, height, scale: 1 },
      });
      snapshot.screenshot = base64Bytes(shot.data);
    } catch (err) {
      warnings.push(`No picture of the page could be taken: ${(err as Error).message}`);
    }
  }

  if (isDocument) {
    try {
      if (page.printPdf) snapshot.pdf = await bounded(page.printPdf(), SNAPSHOT_STEP_MS, 'printing');
      else {
        const printed = await send<{ data: string }>('Page.printToPDF', { printBackground: true, paperWidth: 8.27, paperHeight: 11.69 });
        snapshot.pdf = base64Bytes(printed.data);
      }
    } catch (err) {
      warnings.push(`The page could not be printed to PDF: ${(err as Error).message}`);
    }
  }
  if (!isDocument && !isPdf && !headerValue(recorder.main?.exchange?.responseHeaders ?? [], 'content-type')) {
    warnings.push('The page has no content type; it is kept in the web archive only.');
  }
  return snapshot;
}

function base64Bytes(data: string): Uint8Array {
  const buffer = Buffer.from(data, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

class StepTimeout extends Error {}

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StepTimeout(`${what} took longer than ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function timeout(ms: number): { promise: Promise<'timeout'>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}
