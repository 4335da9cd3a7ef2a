/**
 * Exports from the window (issue 7): Export ▸ HTML report shows a sandboxed preview, saves the file
 * and offers "Show in folder"; the saved report, opened in Chromium with JavaScript disabled, has
 * one highlighted claim per claim of the project. PDF export prints page 1 to a PNG (pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from './fixtures/workbench';

const SAMPLE = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../resources/sample/sample.factcheck.json'), 'utf8')) as {
  claims: unknown[];
};
const SHOTS = path.resolve(import.meta.dirname, '../.tmp/screenshots');

test.use({ viewport: { width: 1280, height: 900 } });

test('Export ▸ HTML report: preview, save, show in folder; the report has every claim highlighted with JavaScript off', async ({
  page,
  workbench,
  browser,
}) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto(workbench.url);
  await expect(page.getByRole('list', { name: 'Claims' }).getByRole('listitem')).toHaveCount(SAMPLE.claims.length);

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu.getByRole('menuitem')).toHaveCount(6);
  await menu.getByRole('menuitem', { name: 'HTML report…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Export' });
  const frame = dialog.locator('iframe[title="Report preview"]');
  await expect(frame).toHaveAttribute('sandbox', '');
  const preview = page.frameLocator('iframe[title="Report preview"]');
  await expect(preview.locator('h1')).toBeVisible();
  await expect(preview.locator('.claim-card')).toHaveCount(SAMPLE.claims.length);
  await page.screenshot({ path: path.join(SHOTS, 'export-dialog.png') });

  await dialog.getByRole('button', { name: 'Save export' }).click();
  const saved = dialog.getByRole('status').filter({ hasText: 'Saved' });
  await expect(saved).toBeVisible();
  const file = (await saved.locator('code').textContent())!.trim();
  expect(file.endsWith('.html')).toBe(true);
  expect(existsSync(file)).toBe(true);
  await dialog.getByRole('button', { name: 'Show in folder' }).click();
  await expect(dialog.getByText(`Saved in ${file}`)).toBeVisible(); // browser mode: no file manager, the path is shown

  // The same dialog writes ClaimReview; warnings are listed and point to the window, never to a flag.
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'ClaimReview JSON-LD' });
  await expect(dialog.locator('iframe')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Save export' }).click();
  const warnings = dialog.getByRole('list', { name: 'Export warnings' });
  await expect(warnings).toContainText('no fact-check URL, which Google requires: set “Published at” under Publication');
  await expect(warnings).not.toContainText('--');
  await expect(dialog.getByRole('status').filter({ hasText: 'Saved' }).locator('code')).toHaveText(/\.claimreview\.json$/);
  await page.screenshot({ path: path.join(SHOTS, 'export-claimreview.png') });

  // Open the saved report in Chromium with JavaScript disabled.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 1400 } });
  try {
    const report = await context.newPage();
    await report.goto(pathToFileURL(file).href);
    const numbers = await report.locator('mark.claim').evaluateAll((marks) => new Set(marks.map((m) => m.getAttribute('data-claim'))).size);
    expect(numbers).toBe(SAMPLE.claims.length);
    await expect(report.locator('script')).toHaveCount(0);
    const background = await report.locator('mark.claim').first().evaluate((m) => getComputedStyle(m).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await report.screenshot({ path: path.join(SHOTS, 'html-report.png') });
  } finally {
    await context.close();
  }
});

test('Export ▸ PDF report prints with the local Chromium; page 1 rendered to PNG', async ({ page, workbench }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto(workbench.url);
  await expect(page.getByRole('list', { name: 'Claims' }).getByRole('listitem')).toHaveCount(SAMPLE.claims.length);
  // Ctrl+Shift+E (File ▸ Export… in the desktop menu) opens the Export menu; Escape closes it.
  await page.keyboard.press('Control+Shift+E');
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await page.keyboard.press('Control+Shift+E');
  await menu.getByRole('menuitem', { name: 'PDF report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('button', { name: 'Save export' }).click();
  const saved = dialog.getByRole('status').filter({ hasText: 'Saved' });
  await expect(saved).toBeVisible({ timeout: 60_000 });
  const file = (await saved.locator('code').textContent())!.trim();
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  let hasPdftoppm = true;
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
  } catch {
    hasPdftoppm = false;
  }
  test.skip(!hasPdftoppm, 'pdftoppm (poppler-utils) is not installed: page 1 not rendered');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, path.join(SHOTS, 'pdf-report-page1')]);
  expect(existsSync(path.join(SHOTS, 'pdf-report-page1.png'))).toBe(true);
});

test('a report of hostile content runs nothing, even with JavaScript on', async ({ browser }) => {
  const { hostileProject } = await import('../unit/shared/interop/helpers');
  const { renderHtmlReport } = await import('../../shared/interop/htmlReport');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'factcheck-hostile-'));
  const file = path.join(dir, 'hostile.html');
  writeFileSync(file, renderHtmlReport(hostileProject()));
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const page = await context.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    await page.locator('a[href^="https:"]').first().hover();
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await expect(page.locator('script, img, svg, iframe')).toHaveCount(0);
    await expect(page.locator('mark.claim')).not.toHaveCount(0);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a source withheld for source safety stays out of the report preview', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  // A claim still in review (an approved claim's fields are locked in the panel).
  await page.getByRole('list', { name: 'Claims' }).getByRole('listitem').nth(1).click();
  const url = await page.getByRole('textbox', { name: 'Source URL' }).first().inputValue();
  expect(url).toMatch(/^https:/);
  const withheld = page.getByRole('checkbox', { name: 'Withheld for source safety' }).first();
  await withheld.check();
  await expect(withheld).toBeChecked();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'HTML report…' }).click();
  const preview = page.frameLocator('iframe[title="Report preview"]');
  await expect(preview.locator('.sources')).toContainText('withheld for source safety');
  await expect(preview.locator('body')).not.toContainText(url);
  await page.screenshot({ path: path.join(SHOTS, 'export-withheld.png') });
});
