/**
 * The capture browser of the CLI and browser mode: the local headless Chromium, a fresh temporary
 * profile per capture, driven over `--remote-debugging-pipe` (no port is opened, and Node 20 needs
 * no WebSocket client). Flags stop background, update and component requests; what is left (the
 * browser still looks up sign-in and update hosts) is refused by the capture proxy, the browser's
 * only way out, so only the captured page's own requests leave the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_SAFE_FLAGS, findChromium } from '../interop/chromiumPdf';
import type { CaptureBrowser, CapturePageHandle } from './captureBrowser';
import { PipeCdpConnection } from './cdpConnection';
import { CaptureFailure } from './captureFailure';

export const NO_CHROMIUM_FOR_CAPTURE =
  'Capturing pages needs Chromium or Google Chrome, and none was found. Install one (e.g. "apt-get install chromium"), or set CHROMIUM_PATH to its executable.';

/**
 * Chromium features that talk to servers on their own (translation, hints, media-router discovery,
 * time queries, HTTPS-first upgrades that would change the requested URL, …), switched off.
 */
const DISABLED_FEATURES = [
  'Translate',
  'OptimizationHints',
  'OptimizationGuideModelDownloading',
  'MediaRouter',
  'DialMediaRouteProvider',
  'AutofillServerCommunication',
  'CertificateTransparencyComponentUpdater',
  'NetworkTimeServiceQuerying',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'InterestFeedContentSuggestions',
  'PrivacySandboxSettings4',
  'SafeBrowsingBetterTelemetryOptIn',
  'AcceptCHFrame',
  'PushMessaging',
];

/**
 * Whether Chromium's own sandbox can be used: not as root (Chromium refuses it there, as in most
 * containers), nor when FACTCHECK_CAPTURE_NO_SANDBOX=1 says the system has no usable sandbox.
 */
export function captureSandboxAvailable(env: NodeJS.ProcessEnv = process.env, uid: number | undefined = process.getuid?.()): boolean {
  return uid !== 0 && env.FACTCHECK_CAPTURE_NO_SANDBOX !== '1';
}

/** The command line of one capture browser. */
export function captureChromiumArgs(profileDir: string, proxy: string, sandbox = captureSandboxAvailable()): string[] {
  return [
    '--headless',
    // Captured pages are hostile: the renderer sandbox stays on wherever it can.
    ...CHROMIUM_SAFE_FLAGS.filter((flag) => !(sandbox && flag === '--no-sandbox')),
    '--remote-debugging-pipe',
    `--user-data-dir=${profileDir}`,
    '--disable-extensions',
    '--disable-default-apps',
    '--disable-component-extensions-with-background-pages',
    '--disable-client-side-phishing-detection',
    '--disable-domain-reliability',
    '--disable-breakpad',
    '--disable-crash-reporter',
    '--disable-field-trial-config',
    '--disable-search-engine-choice-screen',
    '--metrics-recording-only',
    '--no-default-browser-check',
    '--no-pings',
    '--no-service-autorun',
    '--password-store=basic',
    '--use-mock-keychain',
    '--deny-permission-prompts',
    '--block-new-web-contents',
    '--mute-audio',
    '--hide-scrollbars',
    '--safebrowsing-disable-auto-update',
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
    // Everything through the capture proxy, loopback too; WebRTC may not go around it over UDP.
    `--proxy-server=http://${proxy}`,
    '--proxy-bypass-list=<-loopback>',
    '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
    '--window-size=1280,900',
    'about:blank',
  ];
}

export interface ChromiumCaptureBrowserOptions {
  /** The executable; default: CHROMIUM_PATH or a common install path. */
  chromiumPath?: string | null;
  /** How long the browser may take to start (default 20 s). */
  startTimeoutMs?: number;
}

export function chromiumCaptureBrowser(options: ChromiumCaptureBrowserOptions = {}): CaptureBrowser {
  return {
    async openPage({ proxy }): Promise<CapturePageHandle> {
      const executable = options.chromiumPath === undefined ? findChromium() : options.chromiumPath;
      if (!executable) throw new CaptureFailure('browser', NO_CHROMIUM_FOR_CAPTURE);
      const work = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-capture-'));
      let child: ChildProcess;
      try {
        child = spawn(executable, captureChromiumArgs(path.join(work, 'profile'), proxy), {
          stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
          env: { ...process.env, TMPDIR: work },
        });
      } catch (err) {
        await fs.rm(work, { recursive: true, force: true });
        throw new CaptureFailure('browser', `Cannot start Chromium (${executable}): ${(err as Error).message}`);
      }
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-2000)));
      const exited = new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.once('error', () => resolve());
      });
      const cdp = new PipeCdpConnection(child.stdio[3] as Writable, child.stdio[4] as Readable);
      void exited.then(() => cdp.close('the browser exited'));

      const close = async () => {
        cdp.close();
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL');
          await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        }
        await fs.rm(work, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
      };

      try {
        const version = await withTimeout(
          cdp.send<{ product: string }>('Browser.getVersion'),
          options.startTimeoutMs ?? 20_000,
          () => `Chromium (${executable}) did not start.${stderr ? ` It said: ${stderr.trim().slice(-500)}` : ''}`,
        );
        await cdp.send('Browser.setDownloadBehavior', { behavior: 'deny' });
        const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
        const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
        return { cdp, sessionId, product: version.product, close };
      } catch (err) {
        await close();
        if (err instanceof CaptureFailure) throw err;
        throw new CaptureFailure('browser', `Chromium (${executable}) could not open a page: ${(err as Error).message}`);
      }
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CaptureFailure('browser', message())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
