/**
 * The DevTools protocol as the capture needs it: commands with an optional flat session id, and
 * events. Implemented over Chromium's `--remote-debugging-pipe` here and over Electron's
 * webContents.debugger in electron/main, so one recorder serves both.
 */

export type CdpParams = Record<string, unknown>;
export type CdpEventListener = (method: string, params: CdpParams, sessionId: string | undefined) => void;

export interface CdpConnection {
  send<T = CdpParams>(method: string, params?: CdpParams, sessionId?: string): Promise<T>;
  /** Adds a listener for every event; returns a function that removes it. */
  onEvent(listener: CdpEventListener): () => void;
  /** Resolves when the other end has gone (browser exited or debugger detached). */
  readonly closed: Promise<void>;
}

/** A CDP command the browser answered with an error. */
export class CdpError extends Error {
  constructor(
    readonly method: string,
    message: string,
  ) {
    super(`${method}: ${message}`);
    this.name = 'CdpError';
  }
}

interface Pending {
  method: string;
  resolve: (value: CdpParams) => void;
  reject: (err: Error) => void;
}

/**
 * A connection over a pair of streams carrying NUL-terminated JSON messages (Chromium's
 * `--remote-debugging-pipe`: the browser reads fd 3 and writes fd 4).
 */
export class PipeCdpConnection implements CdpConnection {
  readonly closed: Promise<void>;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<CdpEventListener>();
  private buffered: Buffer[] = [];
  private isClosed = false;
  private markClosed!: () => void;

  constructor(
    private readonly output: NodeJS.WritableStream,
    input: NodeJS.ReadableStream,
  ) {
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
    input.on('data', (chunk: Buffer) => this.receive(chunk));
    input.on('end', () => this.close('the browser closed the connection'));
    input.on('error', () => this.close('the browser connection failed'));
    output.on('error', () => this.close('the browser connection failed'));
  }

  send<T = CdpParams>(method: string, params: CdpParams = {}, sessionId?: string): Promise<T> {
    if (this.isClosed) return Promise.reject(new CdpError(method, 'the browser is gone'));
    const id = this.nextId++;
    const message = JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params });
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (value: CdpParams) => void, reject });
      this.output.write(message + '\0');
    });
  }

  onEvent(listener: CdpEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0, start); end >= 0; end = chunk.indexOf(0, start)) {
      this.buffered.push(chunk.subarray(start, end));
      const text = Buffer.concat(this.buffered).toString('utf8');
      this.buffered = [];
      start = end + 1;
      this.dispatch(text);
    }
    if (start < chunk.length) this.buffered.push(chunk.subarray(start));
  }

  private dispatch(text: string): void {
    let message: { id?: number; method?: string; params?: CdpParams; result?: CdpParams; error?: { message?: string }; sessionId?: string };
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.error) pending.reject(new CdpError(pending.method, message.error.message ?? 'failed'));
      else pending.resolve(message.result ?? {});
      return;
    }
    if (typeof message.method === 'string') {
      for (const listener of [...this.listeners]) listener(message.method, message.params ?? {}, message.sessionId);
    }
  }

  /** Fails every command still waiting; later sends are refused. */
  close(reason = 'the connection was closed'): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const pending of this.pending.values()) pending.reject(new CdpError(pending.method, reason));
    this.pending.clear();
    this.markClosed();
  }
}
