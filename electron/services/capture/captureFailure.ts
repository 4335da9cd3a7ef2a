/**
 * Why a capture could not be made. `offline` failures (no route, name not resolved, connection
 * refused or timed out) wait in the queue and are retried; the others are final.
 */

export type CaptureFailureKind =
  /** Could not connect: retried with back-off while the capture waits for a connection. */
  | 'offline'
  /** A limit was reached (time, size, requests, redirects); the message names it. */
  | 'limit'
  /** The URL is not one we capture (not http(s)), or the page led somewhere we refuse. */
  | 'refused'
  /** No browser, or the browser failed. */
  | 'browser'
  /** Anything else the page's loading failed with (certificate errors, …). */
  | 'failed'
  | 'cancelled';

export class CaptureFailure extends Error {
  constructor(
    readonly kind: CaptureFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'CaptureFailure';
  }
}

/** Chromium network errors that mean "no connection right now" rather than "this page fails". */
const OFFLINE_ERRORS = new Set([
  'ERR_INTERNET_DISCONNECTED',
  'ERR_NAME_NOT_RESOLVED',
  'ERR_NAME_RESOLUTION_FAILED',
  'ERR_CONNECTION_REFUSED',
  'ERR_CONNECTION_RESET',
  'ERR_CONNECTION_CLOSED',
  'ERR_CONNECTION_ABORTED',
  'ERR_CONNECTION_FAILED',
  'ERR_CONNECTION_TIMED_OUT',
  'ERR_TIMED_OUT',
  'ERR_ADDRESS_UNREACHABLE',
  'ERR_NETWORK_CHANGED',
  'ERR_NETWORK_IO_SUSPENDED',
  'ERR_PROXY_CONNECTION_FAILED',
  'ERR_TUNNEL_CONNECTION_FAILED',
  'ERR_EMPTY_RESPONSE',
  'ERR_DNS_TIMED_OUT',
]);

const READABLE: Record<string, string> = {
  ERR_INTERNET_DISCONNECTED: 'there is no network connection',
  ERR_NAME_NOT_RESOLVED: 'the name could not be resolved',
  ERR_NAME_RESOLUTION_FAILED: 'the name could not be resolved',
  ERR_DNS_TIMED_OUT: 'the name could not be resolved in time',
  ERR_CONNECTION_REFUSED: 'the connection was refused',
  ERR_CONNECTION_RESET: 'the connection was reset',
  ERR_CONNECTION_CLOSED: 'the connection was closed',
  ERR_CONNECTION_TIMED_OUT: 'the connection timed out',
  ERR_TIMED_OUT: 'the connection timed out',
  ERR_ADDRESS_UNREACHABLE: 'there is no route to the server',
  ERR_EMPTY_RESPONSE: 'the server sent nothing',
  ERR_TOO_MANY_REDIRECTS: 'the page redirects too many times',
};

/** What the capture proxy met going to the server (Node's error codes), in Chromium's terms. */
const PROXY_ERRORS: Record<string, string> = {
  ENOTFOUND: 'ERR_NAME_NOT_RESOLVED',
  EAI_AGAIN: 'ERR_NAME_RESOLUTION_FAILED',
  ECONNREFUSED: 'ERR_CONNECTION_REFUSED',
  ECONNRESET: 'ERR_CONNECTION_RESET',
  ETIMEDOUT: 'ERR_CONNECTION_TIMED_OUT',
  EHOSTUNREACH: 'ERR_ADDRESS_UNREACHABLE',
  ENETUNREACH: 'ERR_ADDRESS_UNREACHABLE',
  ENETDOWN: 'ERR_INTERNET_DISCONNECTED',
};

/**
 * "net::ERR_CONNECTION_REFUSED" → a failure of the right kind with a readable message. The
 * proxy's own error for the host, when known, says more than the browser (which only sees the
 * proxy's tunnel fail).
 */
export function failureFromNetError(url: string, errorText: string, proxyError?: string): CaptureFailure {
  const mapped = proxyError ? PROXY_ERRORS[proxyError] : undefined;
  const code = mapped ?? errorText.replace(/^net::/, '').trim();
  const why = READABLE[code] ?? code.toLowerCase().replace(/^err_/, '').replace(/_/g, ' ');
  return new CaptureFailure(OFFLINE_ERRORS.has(code) ? 'offline' : 'failed', `Could not load ${url}: ${why} (${code}).`);
}

export function isOfflineFailure(err: unknown): boolean {
  return err instanceof CaptureFailure && err.kind === 'offline';
}
