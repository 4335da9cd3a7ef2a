/**
 * Records every response a page receives, over the DevTools protocol, and enforces the capture's
 * limits. Each response is paused (Fetch domain, response stage), its body read as the page will
 * get it (decoded) up to the size limit, kept, and handed to the page unchanged. Requests to other
 * schemes than http(s), and requests past a limit, are refused before they leave. Dialogs are
 * dismissed; frames and workers in other processes are followed; anything else that opens is closed.
 */
import type { CdpConnection, CdpParams } from './cdpConnection';
import { CaptureFailure } from './captureFailure';
import { limitWords, type CaptureLimits } from '../../../shared/captures/captureLimits';

export type HeaderList = [string, string][];

export interface RecordedExchange {
  url: string;
  method: string;
  requestHeaders: HeaderList;
  requestBody?: Uint8Array;
  requestedAt: Date;
  status: number;
  statusText: string;
  responseHeaders: HeaderList;
  /** The body as the page got it (decoded); empty for redirects. */
  body: Uint8Array;
  respondedAt: Date;
  remoteIp?: string;
  resourceType: string;
  /** The page's own document (the main frame's), including redirects on the way to it. */
  isMainDocument: boolean;
}

interface PausedRequest {
  requestId: string;
  request: { url: string; method: string; headers: Record<string, string>; postData?: string; postDataEntries?: { bytes?: string }[] };
  frameId?: string;
  resourceType: string;
  responseErrorReason?: string;
  responseStatusCode?: number;
  responseStatusText?: string;
  responseHeaders?: { name: string; value: string }[];
  networkId?: string;
}

export interface RecorderOptions {
  limits: CaptureLimits;
  onProgress?: (progress: RecorderProgress) => void;
  /** Lets the page's own request to this URL's host through the capture proxy. */
  allow?: (url: string) => void;
  /** Where the capture proxy reached a URL's host (for WARC-IP-Address). */
  remoteAddressOf?: (url: string) => string | undefined;
}

export interface RecorderProgress {
  requests: number;
  bytes: number;
}

/** Most dialogs a page may open before its scripts are stopped. */
export const MAX_DIALOGS = 20;
const READ_CHUNK = 1024 * 1024;
/**
 * Nobody answers dialogs during a capture: alert, confirm, prompt and print return at once (and
 * cannot be put back), so a page looping on alert() is an ordinary busy page, stopped at the time limit.
 */
const QUIET_DIALOGS = `(() => {
  const quiet = { alert: () => undefined, confirm: () => false, prompt: () => null, print: () => undefined };
  for (const [name, value] of Object.entries(quiet)) {
    try { Object.defineProperty(window, name, { value, writable: false, configurable: false }); } catch {}
  }
})();`;
const INTERNAL_SCHEMES = /^(chrome|chrome-extension|chrome-untrusted|devtools|data|blob):/i;

/** The state of the page's main document as the recorder saw it. */
export interface MainDocument {
  url: string;
  status: number;
  statusText: string;
  contentType: string;
  /** Set once its body has been read in full. */
  exchange?: RecordedExchange;
}

export class PageRecorder {
  readonly exchanges: RecordedExchange[] = [];
  readonly warnings: string[] = [];
  mainFrameId: string | undefined;
  main: MainDocument | undefined;
  /** The first limit the main document ran into (the capture fails with it). */
  mainFailure: CaptureFailure | undefined;
  private requests = 0;
  private bytes = 0;
  private mainRedirects = 0;
  private dialogs = 0;
  private stopped = false;
  private readonly sessions = new Set<string | undefined>();
  private readonly hops = new Map<string, number>();
  private readonly rawRequestHeaders = new Map<string, HeaderList[]>();
  private readonly requestTimes = new Map<string, Date[]>();
  private readonly inflight = new Set<string>();
  private readonly pendingWork = new Set<Promise<unknown>>();
  private readonly abortReads = new Set<() => void>();
  private lastActivity = Date.now();
  private readonly unsubscribe: () => void;
  private readonly warned = new Set<string>();

  private readonly limits: CaptureLimits;
  private readonly onProgress: (progress: RecorderProgress) => void;

  constructor(
    private readonly cdp: CdpConnection,
    private readonly pageSession: string | undefined,
    private readonly options: RecorderOptions,
  ) {
    this.limits = options.limits;
    this.onProgress = options.onProgress ?? (() => undefined);
    this.unsubscribe = cdp.onEvent((method, params, sessionId) => this.onEvent(method, params, sessionId));
  }

  /** Turns recording on for the page (and, through auto-attach, for its frames and workers). */
  async start(): Promise<void> {
    await this.enable(this.pageSession, true);
    const tree = await this.cdp.send<{ frameTree: { frame: { id: string } } }>('Page.getFrameTree', {}, this.pageSession);
    this.mainFrameId = tree.frameTree.frame.id;
  }

  private async enable(sessionId: string | undefined, isPage: boolean): Promise<void> {
    this.sessions.add(sessionId);
    const send = (method: string, params: CdpParams = {}) => this.cdp.send(method, params, sessionId);
    const steps: Promise<unknown>[] = [
      send('Network.enable'),
      send('Network.setCacheDisabled', { cacheDisabled: true }),
      send('Network.setBypassServiceWorker', { bypass: true }),
      send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }, { urlPattern: '*', requestStage: 'Response' }] }),
      send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }),
    ];
    if (isPage) {
      steps.push(send('Page.enable'));
      steps.push(send('Page.addScriptToEvaluateOnNewDocument', { source: QUIET_DIALOGS, runImmediately: true }));
    }
    await Promise.all(steps);
  }

  progress(): RecorderProgress {
    return { requests: this.requests, bytes: this.bytes };
  }

  /** Milliseconds since the last request started or ended, and how many are still open. */
  activity(): { quietMs: number; inflight: number } {
    return { quietMs: Date.now() - this.lastActivity, inflight: this.inflight.size + this.pendingWork.size };
  }

  /** Refuses every further request and abandons bodies still being read (the time limit has passed). */
  stop(): void {
    this.stopped = true;
    for (const abort of [...this.abortReads]) abort();
  }

  /** Waits for responses being handled (bounded by `ms`). */
  async drain(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.pendingWork.size > 0 && Date.now() < deadline) {
      await Promise.race([Promise.allSettled([...this.pendingWork]), sleep(Math.max(1, deadline - Date.now()))]);
    }
  }

  dispose(): void {
    this.unsubscribe();
    this.stop();
  }

  private warnOnce(text: string): void {
    if (this.warned.has(text)) return;
    this.warned.add(text);
    this.warnings.push(text);
  }

  private track<T>(work: Promise<T>): void {
    const tracked = work.catch(() => undefined).finally(() => this.pendingWork.delete(tracked));
    this.pendingWork.add(tracked);
  }

  private onEvent(method: string, params: CdpParams, sessionId: string | undefined): void {
    if (!this.sessions.has(sessionId) && method !== 'Target.attachedToTarget') return;
    switch (method) {
      case 'Fetch.requestPaused':
        this.track(this.onPaused(params as unknown as PausedRequest, sessionId));
        break;
      case 'Network.webSocketCreated':
        // A socket the page opens goes out through the proxy like its other requests (not recorded).
        if (/^wss?:\/\//i.test(params.url as string)) this.options.allow?.(params.url as string);
        break;
      case 'Network.requestWillBeSentExtraInfo': {
        const key = `${sessionId}|${params.requestId as string}`;
        this.push(this.rawRequestHeaders, key, headerList(params.headers as Record<string, string>));
        break;
      }
      case 'Network.loadingFinished':
      case 'Network.loadingFailed':
        this.inflight.delete(`${sessionId}|${params.requestId as string}`);
        this.lastActivity = Date.now();
        break;
      case 'Page.javascriptDialogOpening':
        this.track(this.onDialog(params, sessionId));
        break;
      case 'Target.attachedToTarget':
        if (this.sessions.has(sessionId)) this.track(this.onAttached(params));
        break;
      case 'Page.frameNavigated': {
        const frame = params.frame as { id: string; parentId?: string; url: string };
        if (sessionId === this.pageSession && frame.id === this.mainFrameId && !/^(https?:|about:blank$)/i.test(frame.url)) {
          this.warnOnce(`The page tried to go to ${frame.url.slice(0, 80)}, which is not a web address; that was refused.`);
        }
        break;
      }
      default:
        break;
    }
  }

  private push<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }

  private async onDialog(params: CdpParams, sessionId: string | undefined): Promise<void> {
    this.dialogs++;
    if (this.dialogs === MAX_DIALOGS + 1) this.warnOnce(`The page kept opening dialogs (more than ${MAX_DIALOGS}); they were dismissed.`);
    // Leaving a page is allowed (we never navigate away); every other dialog is dismissed.
    await this.cdp.send('Page.handleJavaScriptDialog', { accept: params.type === 'beforeunload' }, sessionId).catch(() => undefined);
  }

  private async onAttached(params: CdpParams): Promise<void> {
    const child = params.sessionId as string;
    const info = params.targetInfo as { type: string; targetId: string };
    if (info.type === 'iframe' || info.type === 'worker') {
      await this.enable(child, info.type === 'iframe').catch(() => undefined);
      await this.cdp.send('Runtime.runIfWaitingForDebugger', {}, child).catch(() => undefined);
      return;
    }
    // New windows, service and shared workers: not part of the captured page.
    await this.cdp.send('Target.closeTarget', { targetId: info.targetId }).catch(() => undefined);
    await this.cdp.send('Runtime.runIfWaitingForDebugger', {}, child).catch(() => undefined);
  }

  private isMainDocument(paused: PausedRequest, sessionId: string | undefined): boolean {
    return sessionId === this.pageSession && paused.resourceType === 'Document' && paused.frameId === this.mainFrameId;
  }

  private fail(paused: PausedRequest, sessionId: string | undefined): Promise<unknown> {
    return this.cdp.send('Fetch.failRequest', { requestId: paused.requestId, errorReason: 'BlockedByClient' }, sessionId).catch(() => undefined);
  }

  private async onPaused(paused: PausedRequest, sessionId: string | undefined): Promise<void> {
    const atResponse = paused.responseStatusCode !== undefined || paused.responseErrorReason !== undefined;
    if (!atResponse) return this.onRequest(paused, sessionId);
    if (paused.responseErrorReason !== undefined) {
      await this.cdp.send('Fetch.continueRequest', { requestId: paused.requestId }, sessionId).catch(() => undefined);
      return;
    }
    return this.onResponse(paused, sessionId);
  }

  private async onRequest(paused: PausedRequest, sessionId: string | undefined): Promise<void> {
    const main = this.isMainDocument(paused, sessionId);
    // The browser's own pages (its PDF viewer) load from inside the browser: no network, not recorded.
    if (INTERNAL_SCHEMES.test(paused.request.url)) {
      await this.cdp.send('Fetch.continueRequest', { requestId: paused.requestId }, sessionId).catch(() => undefined);
      return;
    }
    if (!/^https?:\/\//i.test(paused.request.url)) {
      this.warnOnce(`A request to ${paused.request.url.slice(0, 80)} was refused: only http and https are captured.`);
      return void (await this.fail(paused, sessionId));
    }
    if (this.stopped || this.bytes > this.limits.maxMegabytes * 1024 * 1024) return void (await this.fail(paused, sessionId));
    this.requests++;
    if (this.requests > this.limits.maxRequests) {
      const text = `The page made more requests than ${limitWords.requests(this.limits)}; the rest were not loaded.`;
      if (main) this.mainFailure ??= new CaptureFailure('limit', text);
      else this.warnOnce(text);
      return void (await this.fail(paused, sessionId));
    }
    const key = `${sessionId}|${paused.networkId ?? paused.requestId}`;
    this.push(this.requestTimes, key, new Date());
    // Open until the network reports it finished or failed (only requests that really go out count).
    this.inflight.add(key);
    this.lastActivity = Date.now();
    this.options.allow?.(paused.request.url);
    this.onProgress(this.progress());
    await this.cdp.send('Fetch.continueRequest', { requestId: paused.requestId }, sessionId).catch(() => undefined);
  }

  private async onResponse(paused: PausedRequest, sessionId: string | undefined): Promise<void> {
    if (INTERNAL_SCHEMES.test(paused.request.url)) {
      await this.cdp.send('Fetch.continueRequest', { requestId: paused.requestId }, sessionId).catch(() => undefined);
      return;
    }
    const key = `${sessionId}|${paused.networkId ?? paused.requestId}`;
    const hop = this.hops.get(key) ?? 0;
    this.hops.set(key, hop + 1);
    const status = paused.responseStatusCode ?? 0;
    const headers: HeaderList = (paused.responseHeaders ?? []).map((h) => [h.name, h.value]);
    // A download the page starts is not a new page (the browser refuses to save it).
    const isDownload = /^\s*attachment/i.test(headerValue(headers, 'content-disposition') ?? '');
    const main = this.isMainDocument(paused, sessionId) && !(isDownload && this.main?.exchange);
    const location = headerValue(headers, 'location');
    const isRedirect = status >= 300 && status < 400 && location !== undefined;
    const requestedAt = this.requestTimes.get(key)?.[hop] ?? new Date();
    if (main) {
      this.main = { url: paused.request.url, status, statusText: paused.responseStatusText ?? '', contentType: headerValue(headers, 'content-type') ?? '' };
    }

    const exchange = (body: Uint8Array): RecordedExchange => ({
      url: paused.request.url,
      method: paused.request.method,
      requestHeaders: this.rawRequestHeaders.get(key)?.[hop] ?? headerList(paused.request.headers),
      requestBody: requestBodyOf(paused),
      requestedAt,
      status,
      statusText: paused.responseStatusText ?? '',
      responseHeaders: headers,
      body,
      respondedAt: new Date(),
      remoteIp: this.options.remoteAddressOf?.(paused.request.url),
      resourceType: paused.resourceType,
      isMainDocument: main,
    });

    if (isRedirect) {
      this.exchanges.push(exchange(new Uint8Array()));
      if (main && ++this.mainRedirects > this.limits.maxRedirects) {
        this.mainFailure ??= new CaptureFailure('limit', `Gave up: the page redirects more than ${limitWords.redirects(this.limits)}.`);
        return void (await this.fail(paused, sessionId));
      }
      if (!main && hop + 1 > this.limits.maxRedirects) {
        this.warnOnce(`A resource redirected more than ${limitWords.redirects(this.limits)}; it was not loaded.`);
        return void (await this.fail(paused, sessionId));
      }
      await this.cdp.send('Fetch.continueRequest', { requestId: paused.requestId }, sessionId).catch(() => undefined);
      return;
    }

    let body: Uint8Array;
    try {
      body = await this.readBody(paused.requestId, sessionId);
    } catch (err) {
      const failure = err instanceof CaptureFailure ? err : new CaptureFailure('failed', `Could not read ${paused.request.url}: ${(err as Error).message}`);
      if (main) this.mainFailure ??= failure;
      // Bodies cut off when the time limit passed are covered by the capture's own warning.
      else if (failure.kind === 'limit' && !this.stopped) this.warnOnce(failure.message);
      await this.fail(paused, sessionId);
      return;
    }
    const recorded = exchange(body);
    this.exchanges.push(recorded);
    if (main && this.main) this.main.exchange = recorded;
    await this.cdp
      .send(
        'Fetch.fulfillRequest',
        {
          requestId: paused.requestId,
          responseCode: status,
          responseHeaders: deliveredHeaders(headers).map(([name, value]) => ({ name, value })),
          body: Buffer.from(body).toString('base64'),
          ...(paused.responseStatusText ? { responsePhrase: paused.responseStatusText } : {}),
        },
        sessionId,
      )
      .catch(() => undefined);
  }

  /** Reads a paused response's body as a stream, stopping at the size limit or when the capture stops. */
  private async readBody(requestId: string, sessionId: string | undefined): Promise<Uint8Array> {
    const limitBytes = this.limits.maxMegabytes * 1024 * 1024;
    const { stream } = await this.cdp.send<{ stream: string }>('Fetch.takeResponseBodyAsStream', { requestId }, sessionId);
    let abort!: () => void;
    const aborted = new Promise<'aborted'>((resolve) => (abort = () => resolve('aborted')));
    this.abortReads.add(abort);
    if (this.stopped) abort();
    const chunks: Buffer[] = [];
    try {
      // Bounded: every turn adds a chunk towards the size limit, or ends (eof, abort).
      for (;;) {
        const read = await Promise.race([
          this.cdp.send<{ data: string; base64Encoded?: boolean; eof: boolean }>('IO.read', { handle: stream, size: READ_CHUNK }, sessionId),
          aborted,
        ]);
        if (read === 'aborted') throw new CaptureFailure('limit', `The page did not finish loading: ${limitWords.time(this.limits)}.`);
        const chunk = read.base64Encoded ? Buffer.from(read.data, 'base64') : Buffer.from(read.data, 'utf8');
        this.bytes += chunk.length;
        this.lastActivity = Date.now();
        if (this.bytes > limitBytes) {
          throw new CaptureFailure('limit', `The page and its resources are larger than ${limitWords.size(this.limits)}; loading stopped there.`);
        }
        if (chunk.length > 0) chunks.push(chunk);
        this.onProgress(this.progress());
        if (read.eof) break;
        if (chunk.length === 0) await sleep(10);
      }
    } finally {
      this.abortReads.delete(abort);
      await this.cdp.send('IO.close', { handle: stream }, sessionId).catch(() => undefined);
    }
    const body = Buffer.concat(chunks);
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  }
}

/** CDP header objects join repeated headers with "\n": one pair per value. */
export function headerList(headers: Record<string, string> | undefined): HeaderList {
  const out: HeaderList = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    for (const line of String(value).split('\n')) out.push([name, line]);
  }
  return out;
}

export function headerValue(headers: HeaderList, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/** The headers handed to the page with the decoded body: no content or transfer encoding, no stale length. */
export function deliveredHeaders(headers: HeaderList): HeaderList {
  return headers.filter(([name]) => !/^(content-encoding|transfer-encoding|content-length)$/i.test(name));
}

function requestBodyOf(paused: PausedRequest): Uint8Array | undefined {
  const entries = paused.request.postDataEntries;
  if (entries?.length) {
    const body = Buffer.concat(entries.map((e) => Buffer.from(e.bytes ?? '', 'base64')));
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  }
  if (paused.request.postData !== undefined) return new TextEncoder().encode(paused.request.postData);
  return undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
