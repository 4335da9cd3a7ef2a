/**
 * Exports from the window (issue 7): Export ▸ HTML report shows a sandboxed preview, saves the file
 * and offers "Show in folder"; the saved report, opened in Chromium with JavaScript disabled, has
 * one highlighted claim per claim of the project. PDF export prints page 1 to a PNG (pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeProjectFile } from '../support/projectFiles';
import { expect, openProjectInWindow, test } from './fixtures/workbench';

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
  // Sandboxed without scripts; same origin only so that the app can adopt the report's style into it.
  expect((await frame.getAttribute('sandbox'))?.split(/\s+/).filter(Boolean)).toEqual(['allow-same-origin']);
  const preview = page.frameLocator('iframe[title="Report preview"]');
  await expect(preview.locator('h1')).toBeVisible();
  await expect(preview.locator('.claim-card')).toHaveCount(SAMPLE.claims.length);
  // The report's own style applies in the preview (its claims are underlined), under the app's policy.
  await expect(preview.locator('mark.claim').first()).toHaveCSS('border-bottom-style', 'solid');
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

test('a report of hostile content, exported by the app, runs nothing, even with JavaScript on', async ({ page, workbench, browser }) => {
  const { hostileProject } = await import('../unit/shared/interop/helpers');
  mkdirSync(workbench.projectsDir, { recursive: true });
  const project = writeProjectFile(workbench.projectsDir, 'hostile', hostileProject());
  await page.goto(workbench.url);
  await openProjectInWindow(page, project);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'HTML report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('button', { name: 'Save export' }).click();
  const saved = dialog.getByRole('status').filter({ hasText: 'Saved' });
  await expect(saved).toBeVisible();
  const file = (await saved.locator('code').textContent())!.trim();

  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const report = await context.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    report.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    report.on('request', (r) => requests.push(r.url()));
    await report.goto(pathToFileURL(file).href);
    await expect(report.locator('mark.claim')).not.toHaveCount(0);
    await report.locator('a[href^="https:"]').first().hover();
    // Handlers of the hover run before it resolves; two painted frames let anything they scheduled run too.
    await report.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))));
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await expect(report.locator('script, img, svg, iframe')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test('a source withheld for source safety stays out of the report preview', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  // A claim still in review (an approved claim's fields are locked in the panel).
  await page.getByRole('list', { name: 'Claims' }).getByRole('listitem').nth(1).click();
  // Sources are one line each until opened.
  await page.getByRole('list', { name: 'Sources' }).getByRole('listitem').first().getByRole('button').first().click();
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
