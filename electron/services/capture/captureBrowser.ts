/**
 * What the capture needs from a browser: a fresh, isolated page driven over the DevTools protocol.
 * The CLI and browser mode launch the local headless Chromium (chromiumCaptureBrowser.ts); the
 * desktop app opens a hidden window in its own session partition (electron/main/captureWindow.ts).
 */
import type { CdpConnection } from './cdpConnection';

export interface CapturePageHandle {
  /** The connection that reaches the page. */
  cdp: CdpConnection;
  /** The page's flat session id on that connection (undefined when the connection is the page's own). */
  sessionId: string | undefined;
  /** The browser's product and version, e.g. "HeadlessChrome/131.0.6778.85". */
  product: string;
  /** Prints the rendered page to PDF where CDP's Page.printToPDF is not available (Electron). */
  printPdf?: () => Promise<Uint8Array>;
  /** Closes the page and everything it used (the browser process, the temporary profile or partition). */
  close(): Promise<void>;
}

export interface OpenPageOptions {
  /** `127.0.0.1:<port>` of the capture proxy: every request of the page, loopback included, goes through it. */
  proxy: string;
}

export interface CaptureBrowser {
  /** Opens a fresh page in its own profile or partition, showing about:blank. */
  openPage(options: OpenPageOptions): Promise<CapturePageHandle>;
}
