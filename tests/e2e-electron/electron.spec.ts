/**
 * The foundation flow in the desktop app: Playwright's `_electron` launches the built app
 * (package.json main = out/main/index.js) on a fresh data dir (FACTCHECK_HOME). Skipped, with the
 * reason printed, when no Electron binary is present. The wiring test asserts what browser mode
 * cannot show: context isolation, no Node, app://, the CSP header, refusals, printToPDF.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { REPO_ROOT } from '../e2e/fixtures/buildApp';
import { EXPECTED_APP_POLICY, parsePolicy } from '../support/csp';
// Playwright's own test: the browser-mode fixtures (and their CSP guard) would start a browser this suite does not use.
import { expect, test } from '@playwright/test';
import { runFoundationFlow } from '../e2e/flows/foundationFlow';
import { findElectronBinary } from './electronBinary';

const binary = findElectronBinary();

async function launch(dataDir: string): Promise<ElectronApplication> {
  if (!binary.found) throw new Error(binary.reason);
  // Chromium refuses to start as root with its OS sandbox (containers, CI); the app's own
  // renderer sandbox settings are unchanged.
  const rootFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  return electron.launch({
    executablePath: binary.path,
    args: [...rootFlags, '--disable-gpu', '--disable-dev-shm-usage', REPO_ROOT],
    cwd: REPO_ROOT,
    env: { ...process.env, FACTCHECK_HOME: dataDir, ELECTRON_ENABLE_LOGGING: '1' },
  });
}

test.describe('desktop app', () => {
  let dataDir = '';
  let app: ElectronApplication | null = null;

  test.beforeEach(async () => {
    if (!binary.found) {
      console.log(`Skipping the Electron tests: ${binary.reason}.`);
      test.skip(true, binary.reason);
    }
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-electron-'));
    app = await launch(dataDir);
  });

  test.afterEach(async () => {
    await app?.close();
    app = null;
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  test('first start opens the sample project', async () => {
    const page = await app!.firstWindow();
    await expect(page.getByRole('list', { name: 'Claims' }).getByRole('listitem').first()).toBeVisible();
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(page.url()).toMatch(/^app:\/\//);
  });

  test('the wiring: isolated renderer without Node on app://, its CSP header, no navigation or permissions, IPC only from our page, PDF printing', async () => {
    const page = await app!.firstWindow();
    await expect(page.getByRole('list', { name: 'Claims' }).getByRole('listitem').first()).toBeVisible();
    // No Node in the page; the bridge exists only under context isolation (contextBridge refuses
    // otherwise) and is a frozen copy. The window's sandbox option itself is unit-tested (window.ts).
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => Object.isFrozen((window as unknown as { workbench: object }).workbench))).toBe(true);
    expect(page.url()).toMatch(/^app:\/\//);
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    // The running window's own preferences, read in the main process: sandboxed, isolated, no Node, web security on.
    const preferences = await app!.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences is in Electron's runtime but not in its type declarations.
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null };
      const prefs = contents.getLastWebPreferences() ?? {};
      return { sandbox: prefs.sandbox, contextIsolation: prefs.contextIsolation, nodeIntegration: prefs.nodeIntegration, webSecurity: prefs.webSecurity };
    });
    expect(preferences).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    // A new window asked for by the page is refused.
    const windowsBefore = await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    await page.evaluate(() => void window.open('https://example.com/', '_blank'));
    expect(await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(windowsBefore);

    // The app:// protocol serves the page with the app's policy as a header, directive by directive.
    const header = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(Object.fromEntries(parsePolicy(header ?? ''))).toEqual(EXPECTED_APP_POLICY);
    // …and the policy holds: an injected inline script does not run.
    expect(
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true';
        document.head.append(script);
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
      }),
    ).toBe(false);

    // Permissions are refused.
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');

    // Navigation away is refused: the page stays ours and usable.
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'https://example.com/';
      document.body.append(a);
      a.click();
      a.remove();
    });
    await expect(page.getByRole('list', { name: 'Claims' }).getByRole('listitem').first()).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\//);

    // The preload's bridge is there and answers (the refusal of other senders is unit-tested on ipcBinding).
    expect(await page.evaluate(async () => (await (window as unknown as { workbench: { getAppInfo: (i: object) => Promise<{ mode: string }> } }).workbench.getAppInfo({})).mode)).toBe('electron');

    // PDF printing through Electron's printToPDF: Export ▸ PDF report writes a real PDF.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'PDF report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('button', { name: 'Save export' }).click();
    const saved = dialog.getByRole('status').filter({ hasText: 'Saved' });
    await expect(saved).toBeVisible();
    const file = (await saved.locator('code').textContent())!.trim();
    expect((await fs.readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('mark a claim, research it, save, reload, undo and redo', async () => {
    const page = await app!.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await runFoundationFlow(page, path.join(dataDir, 'projects'));
  });
});
