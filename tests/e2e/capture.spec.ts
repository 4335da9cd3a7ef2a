/**
 * Capturing a source as evidence from the window, against a web site the test serves on 127.0.0.1
 * (no other network): "Capture" on the source card records the page; with the site stopped, "Show
 * capture" reads its text (the script-built paragraph included) and picture from the project's
 * folder, a passage of it becomes the excerpt, "Open archive" hands over the WARC whose SHA-256 the
 * card names; "Export evidence bundle" writes a manifest whose hashes match every file. A capture
 * that cannot connect waits ("Waiting for a connection") and finishes when the site is back; a 404
 * is kept with its status.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { FIXTURE_ARTICLE } from './flows/foundationFlow';
import { createProjectInWindow, expect, projectFiles, savedStatus, selectTextWithMouse, test } from './fixtures/workbench';
import { SCRIPT_PARAGRAPH, startTestSite, type TestSite } from '../unit/electron/services/capture/testSite';
import { snap } from './fixtures/screens';

const QUOTE = 'at least 75 people';
const CAPTURE_LINE = /^Captured \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2} UTC · sha256 [0-9a-f]{4}…$/;
const PASSAGE = 'the ministry revised the figure to 68 people';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let site: TestSite;
test.beforeEach(async () => {
  site = await startTestSite();
});
test.afterEach(async () => {
  await site.stop();
});

/** A project with one article and one claim, the claim panel open. */
async function projectWithClaim(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await createProjectInWindow(page, 'Flood figures check');
  await page.getByLabel('Article file').setInputFiles(FIXTURE_ARTICLE);
  await expect(page.getByRole('region', { name: 'Article' })).toContainText(QUOTE);
  await selectTextWithMouse(page, '[aria-label="Article"]', QUOTE);
  await page.getByRole('button', { name: 'Mark claim' }).click();
  await expect(page.getByRole('list', { name: 'Claims' }).getByRole('listitem')).toHaveCount(1);
}

/** Adds a source with this URL to the open claim; returns its card. */
async function addSource(page: Page, url: string, number: number): Promise<Locator> {
  await page.getByRole('button', { name: 'Add source' }).click();
  const card = page.getByRole('list', { name: 'Sources' }).getByRole('listitem', { name: new RegExp(`^Source ${number}\\b`) });
  const field = card.getByRole('textbox', { name: 'Source URL' });
  await field.fill(url);
  await field.press('Tab');
  await expect(card.getByRole('button', { name: 'Capture', exact: true })).toBeEnabled();
  return card;
}

interface DiskCapture {
  warc: { sha256: string; ext: string; records: number };
  httpStatus: number;
  finalUrl: string;
}

async function diskCaptures(projectsDir: string): Promise<DiskCapture[][]> {
  const [file] = await projectFiles(projectsDir, ['sample.factcheck.json']);
  const project = JSON.parse(await fs.readFile(file!, 'utf8')) as { sources: { captures?: DiskCapture[] }[] };
  return project.sources.map((s) => s.captures ?? []);
}

test.use({ viewport: { width: 1280, height: 720 } });

test('Capture from the source card, read it offline, quote it, open the archive, export and verify the evidence bundle', async ({ page, workbench }) => {
  test.setTimeout(180_000);
  await projectWithClaim(page, workbench.url);
  const card = await addSource(page, `${site.origin}/article`, 1);

  await card.getByRole('button', { name: 'Capture', exact: true }).click();
  const summary = card.getByText(/^Captured \d/);
  await expect(summary).toHaveText(CAPTURE_LINE, { timeout: 90_000 });
  expect(site.requests).toEqual(expect.arrayContaining(['/article', '/style.css', '/pixel.png', '/app.js']));
  await expect(savedStatus(page)).toBeVisible();
  const [[capture]] = await diskCaptures(workbench.projectsDir);
  expect(capture!.httpStatus).toBe(200);
  expect(capture!.warc.records).toBeGreaterThanOrEqual(4);
  await expect(summary).toHaveText(new RegExp(`sha256 ${capture!.warc.sha256.slice(0, 4)}…$`));

  // Offline from here: everything shown comes from the project's folder.
  await site.stop();
  const served = site.requests.length;
  await card.getByRole('button', { name: 'Show capture' }).click();
  const text = card.getByLabel('Captured text', { exact: true });
  await expect(text).toContainText(SCRIPT_PARAGRAPH);
  const picture = card.getByRole('img', { name: /^Captured picture of / });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((canvas: HTMLCanvasElement) => canvas.width > 0 && canvas.height > 0)).toBe(true);
  await expect(card.getByRole('button', { name: 'Hide capture' })).toHaveAttribute('aria-expanded', 'true');
  await text.scrollIntoViewIfNeeded();
  await snap(page, 'capture-shown-1280');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await snap(page, 'capture-shown-1920');
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'capture-shown-1920-dark');
  await page.setViewportSize({ width: 1280, height: 720 });
  await snap(page, 'capture-shown-1280-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The script-built paragraph comes last in the text's scroll box.
  await text.evaluate((box) => (box.scrollTop = box.scrollHeight));
  await selectTextWithMouse(page, '[aria-label="Captured text"]', PASSAGE);
  await card.getByRole('button', { name: 'Use selection from capture as excerpt' }).click();
  await expect(card.getByRole('textbox', { name: 'Excerpt' })).toHaveValue(PASSAGE);

  // "Open archive" in browser mode: the browser receives the WARC the card names.
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: 'Open archive' }).click();
  const warc = await fs.readFile((await (await download).path())!);
  expect(sha256(warc)).toBe(capture!.warc.sha256);
  expect(warc.subarray(0, 9).toString('latin1')).toBe('WARC/1.1\r');
  await expect(card.getByRole('status').filter({ hasText: 'A copy was downloaded' })).toContainText(`${capture!.warc.sha256}.warc`);
  expect(site.requests.length).toBe(served);

  // The evidence bundle: every file in the manifest has the SHA-256 the manifest names.
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Evidence' });
  await expect(dialog).toContainText('1 of 1 source with a web address captured.');
  await expect(dialog.getByRole('checkbox', { name: 'Also ask the Internet Archive to save it' })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Export evidence bundle' }).click();
  const written = dialog.getByRole('status', { name: 'Evidence bundle written' });
  await expect(written).toBeVisible();
  await snap(page, 'evidence-dialog-1280');
  const folder = (await written.locator('code').first().textContent())!.trim();
  const manifestBytes = await fs.readFile(path.join(folder, 'manifest.json'));
  await expect(written).toContainText(`manifest SHA-256 ${sha256(manifestBytes)}`);
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as { files: { path: string; sha256: string; role: string; url?: string; capturedAt?: string }[] };
  expect(manifest.files.map((f) => f.role).sort()).toEqual(expect.arrayContaining(['report', 'warc', 'screenshot', 'pdf', 'text']));
  for (const file of manifest.files) expect(sha256(await fs.readFile(path.join(folder, file.path))), file.path).toBe(file.sha256);
  const warcEntry = manifest.files.find((f) => f.role === 'warc')!;
  expect(warcEntry).toMatchObject({ sha256: capture!.warc.sha256, url: `${site.origin}/article` });
  expect(warcEntry.capturedAt).toMatch(/Z$/);
});

test('A capture that cannot connect waits for a connection and finishes when the site is back; a 404 is kept with its status', async ({ page, workbench }) => {
  test.setTimeout(180_000);
  await projectWithClaim(page, workbench.url);
  const gone = await addSource(page, `${site.origin}/gone`, 1);
  const later = await addSource(page, `${site.origin}/article`, 2);

  await site.stop();
  await later.getByRole('button', { name: 'Capture', exact: true }).click();
  const waiting = later.getByRole('status').filter({ hasText: 'Waiting for a connection' });
  await expect(waiting).toBeVisible({ timeout: 60_000 });
  await expect(waiting).toContainText(/Trying again (in \d+ s|now) \(attempt \d+\)/);
  await expect(later.getByRole('button', { name: 'Capture', exact: true })).toBeDisabled();
  await expect(later.getByRole('button', { name: 'Try again now' })).toBeVisible();
  await expect(later.getByRole('button', { name: 'Cancel capture' })).toBeVisible();
  await snap(page, 'capture-waiting-1280');

  // The Evidence dialog lists it in the queue, with a way to cancel it.
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Evidence' });
  await expect(dialog.getByRole('list', { name: 'Capture queue' }).getByRole('listitem')).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: `Cancel capture of ${site.origin}/article` })).toBeVisible();
  await snap(page, 'evidence-queue-1280');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await site.start();
  await expect(later.getByText(/^Captured \d/)).toHaveText(CAPTURE_LINE, { timeout: 90_000 });
  await expect(waiting).toHaveCount(0);

  // "Capture all sources" of the claim captures both again; the 404 is kept as evidence, with its status.
  await page.getByRole('button', { name: 'Capture all sources' }).click();
  await expect(gone.getByText(/^Captured \d/)).toHaveText(/ · HTTP 404 · sha256 [0-9a-f]{4}…$/, { timeout: 90_000 });
  await expect(gone).toContainText('The page answered HTTP 404 Not Found');
  await gone.getByText(/^Captured \d/).scrollIntoViewIfNeeded();
  await snap(page, 'capture-404-1280');
  await expect(later).toContainText('2 captures; the newest is shown', { timeout: 90_000 });
  await expect(savedStatus(page)).toBeVisible();
  await expect.poll(async () => (await diskCaptures(workbench.projectsDir)).map((list) => list.map((c) => c.httpStatus))).toEqual([[404], [200, 200]]);
});
