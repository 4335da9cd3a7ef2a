/**
 * The foundation flow in the desktop app: Playwright's `_electron` launches the built app
 * (package.json main = out/main/index.js) on a fresh data dir (FACTCHECK_HOME). Skipped, with the
 * reason printed, when no Electron binary is present.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { REPO_ROOT } from '../e2e/fixtures/buildApp';
import { expect, test } from '../e2e/fixtures/workbench';
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

  test('mark a claim, research it, save, reload, undo and redo', async () => {
    const page = await app!.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await runFoundationFlow(page, path.join(dataDir, 'projects'));
  });
});
