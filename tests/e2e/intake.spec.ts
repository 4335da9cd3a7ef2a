/**
 * Article intake end to end: a PDF, a DOCX and a web page (several files at once, and a drop)
 * become articles in which a claim can be marked; a hostile page runs nothing and loads nothing;
 * an Arabic article reads right to left and marks the selected passage; pasting the clipboard
 * makes an article; a file over the limit is refused with a message naming it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from './fixtures/buildApp';
import { holdHostCall } from './fixtures/hostApi';
import { createProjectInWindow, expect, savedStatus, selectTextWithMouse, test, watchCspViolations } from './fixtures/workbench';
import { HOSTILE_HTML, makeDocx, makeTwoColumnPdf } from '../fixtures/intake/makeFixtures';

const SHOTS = path.join(REPO_ROOT, 'tests', '.tmp', 'intake-screenshots');
const PAGE_HTML = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bridge repairs | Example Gazette</title>
<link rel="canonical" href="https://gazette.example/bridge"></head><body><article><h1>Bridge repairs finish early</h1>
<p>The city said the repairs on the old river bridge finished two weeks ahead of schedule and under budget.</p>
<p>Engineers replaced 140 steel cables and resurfaced the whole deck, according to the transport office.</p>
</article></body></html>`;

async function newProject(page: Page, url: string, title: string): Promise<void> {
  await page.goto(url);
  await createProjectInWindow(page, title);
}

async function markClaim(page: Page, quote: string, expectedCount: number): Promise<void> {
  await selectTextWithMouse(page, '[aria-label="Article"] .reader-body', quote);
  await page.getByRole('button', { name: 'Mark claim' }).click();
  const claims = page.getByRole('list', { name: 'Claims' });
  await expect(claims.getByRole('listitem')).toHaveCount(expectedCount);
  await expect(page.getByLabel('Quoted text')).toHaveText(quote);
}

async function openArticle(page: Page, title: string): Promise<void> {
  await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: new RegExp(title) }).click();
  await expect(page.getByRole('region', { name: 'Article' })).toContainText(title);
}

test('a PDF, a DOCX and a web page become articles; a claim is marked in each', async ({ page, workbench }) => {
  await fs.mkdir(SHOTS, { recursive: true });
  await newProject(page, workbench.url, 'Intake check');

  // Two files at once through the file input…
  await page.getByLabel('Article file').setInputFiles([
    { name: 'council-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeTwoColumnPdf()) },
    { name: 'press-release.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(await makeDocx()) },
  ]);
  const articles = page.getByRole('list', { name: 'Articles' });
  await expect(articles.getByRole('listitem')).toHaveCount(2);

  // …and a web page dropped onto the window.
  const dataTransfer = await page.evaluateHandle((html) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([html], 'bridge.html', { type: 'text/html' }));
    return transfer;
  }, PAGE_HTML);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(articles.getByRole('listitem')).toHaveCount(3);

  const reader = page.getByRole('region', { name: 'Article' });

  await openArticle(page, 'Council budget report');
  await expect(reader.locator('.reader-page-marker').first()).toHaveText('p. 1');
  await expect(reader).not.toContainText('City Report');
  await markClaim(page, 'Officials said the plan would add forty new buses', 1);
  await expect(page.locator('.claim-page')).toHaveText('p. 1');
  await page.screenshot({ path: path.join(SHOTS, 'pdf.png') });

  await openArticle(page, 'Ministry announces water plan');
  await expect(reader.locator('blockquote')).toContainText('Water is not a luxury');
  await markClaim(page, 'halve leaks within five years', 1);
  await page.screenshot({ path: path.join(SHOTS, 'docx.png') });

  await openArticle(page, 'Bridge repairs');
  await markClaim(page, 'finished two weeks ahead of schedule', 1);
  await page.screenshot({ path: path.join(SHOTS, 'html.png') });
  await expect(savedStatus(page)).toBeVisible();
});

test('a hostile page runs nothing and loads nothing', async ({ page, workbench }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await newProject(page, workbench.url, 'Hostile check');
  await page.getByLabel('Article file').setInputFiles({ name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE_HTML) });
  const reader = page.getByRole('region', { name: 'Article' });
  await expect(reader).toContainText('The port authority said dredging of the harbour will start in spring');
  await expect(reader).toContainText('[Image: Dredger at the quay]');
  await markClaim(page, 'dredging of the harbour will start in spring', 1);
  await page.mouse.move(300, 300);
  // Handlers of the move run before it resolves; two painted frames let anything they scheduled run too.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))));
  await page.screenshot({ path: path.join(SHOTS, 'hostile.png') });
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await reader.locator('script, iframe, object, embed, svg, img, a[href], [onload], [onerror], [onmouseover]').count()).toBe(0);
  const foreign = requests.filter((url) => !url.startsWith(workbench.origin));
  expect(foreign).toEqual([]);
});

test('an Arabic article reads right to left and marks the selected passage', async ({ page, workbench }) => {
  await newProject(page, workbench.url, 'Arabic check');
  await page.getByLabel('Article file').setInputFiles(path.join(REPO_ROOT, 'resources/sample/articles/ar-mahattat-taqa-shamsiya.html'));
  const reader = page.getByRole('region', { name: 'Article' });
  await expect(reader.locator('article')).toHaveAttribute('dir', 'rtl');
  await markClaim(page, 'ستوفر الكهرباء لعشرين ألف منزل', 1);
  await page.screenshot({ path: path.join(SHOTS, 'arabic.png') });
});

test.describe('pasted hostile HTML', () => {
  // The pasted paragraph's onclick is refused by the policy, which reports it; checked below instead.
  test.use({ cspViolationsExpected: true });

  test('Paste article makes an article from the clipboard; oversized files are refused', async ({ page, workbench, context }) => {
    const violations = watchCspViolations(context);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: workbench.origin });
    await newProject(page, workbench.url, 'Paste check');
    await page.evaluate(async () => {
      const html = '<h2>Ferry timetable changes</h2><p onclick="window.__pwned=1">The ferry will run every 20 minutes from June.</p>';
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob(['Ferry timetable changes'], { type: 'text/plain' }) }),
      ]);
    });
    await page.getByRole('button', { name: 'Paste article' }).click();
    // The article is added once its address and title are given.
    const details = page.getByRole('dialog', { name: 'Paste article' });
    await expect(details.getByRole('textbox', { name: 'Article title' })).toHaveValue('Ferry timetable changes');
    await details.getByRole('textbox', { name: 'Article URL' }).fill('https://example.org/ferry');
    await details.getByRole('button', { name: 'Add pasted article' }).click();
    const reader = page.getByRole('region', { name: 'Article' });
    await expect(reader).toContainText('The ferry will run every 20 minutes from June.');
    await markClaim(page, 'every 20 minutes', 1);

    // Ctrl+Shift+V outside text fields pastes plain text too.
    await page.evaluate(() => navigator.clipboard.writeText('Tram fares\n\nTram fares will rise by 5 percent next year, the operator said.'));
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Shift+V');
    await details.getByRole('textbox', { name: 'Article URL' }).fill('https://example.org/tram');
    await details.getByRole('button', { name: 'Add pasted article' }).click();
    await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(2);
    await expect(reader).toContainText('Tram fares will rise by 5 percent');

    const huge = path.join(workbench.dataDir, 'huge-page.html');
    await fs.writeFile(huge, Buffer.alloc(50 * 1024 * 1024 + 10, 0x61));
    await page.getByLabel('Article file').setInputFiles(huge);
    await expect(page.getByRole('alert').filter({ hasText: 'huge-page.html' })).toContainText('50 MB limit');
    await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(2);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // Only the pasted handler was refused: nothing of the app's own needed an exception.
    expect(violations.filter((v) => !/inline event handler/.test(v))).toEqual([]);
  });
});

test('a long import shows progress and can be cancelled; its late result is dropped and the window stays usable', async ({ page, workbench }) => {
  await newProject(page, workbench.url, 'Progress check');
  // Hold the import call on the way to the host until the test lets it go, whatever the machine's speed.
  const release = await holdHostCall(page, 'importArticle');
  await page.getByLabel('Article file').setInputFiles({ name: 'slow-page.html', mimeType: 'text/html', buffer: Buffer.from(PAGE_HTML) });
  const progress = page.getByRole('group', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('Importing slow-page.html');
  await page.screenshot({ path: path.join(SHOTS, 'progress.png') });
  await progress.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Import cancelled.' })).toBeVisible();
  await expect(progress).toBeHidden();
  // The held call completes later; its result is dropped. The host has answered once its response is in.
  await release();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))));
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(0);
  await expect(progress).toBeHidden();
  // The window is still usable: a second import goes through.
  await page.getByLabel('Article file').setInputFiles({ name: 'after-cancel.html', mimeType: 'text/html', buffer: Buffer.from(PAGE_HTML) });
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
});

test('importing a page with the same canonical URL adds a new version of that article', async ({ page, workbench }) => {
  await newProject(page, workbench.url, 'Versions check');
  await page.getByLabel('Article file').setInputFiles({ name: 'bridge.html', mimeType: 'text/html', buffer: Buffer.from(PAGE_HTML) });
  const reader = page.getByRole('region', { name: 'Article' });
  await expect(reader).toContainText('finished two weeks ahead of schedule');
  await markClaim(page, 'replaced 140 steel cables', 1);
  const newer = PAGE_HTML.replace('two weeks ahead of schedule', 'three weeks ahead of schedule');
  await page.getByLabel('Article file').setInputFiles({ name: 'bridge-updated.html', mimeType: 'text/html', buffer: Buffer.from(newer) });
  await expect(reader).toContainText('Article updated — claims re-anchored');
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
  await expect(reader).toContainText('three weeks ahead of schedule');
  await expect(page.getByRole('list', { name: 'Claims' }).getByRole('listitem')).toHaveCount(1);

  // Metadata corrected by hand, undoably.
  await reader.getByRole('button', { name: 'Edit details' }).click();
  const details = page.getByRole('form', { name: 'Article details' });
  await details.getByLabel('Byline').fill('Maria Jones');
  await details.getByLabel('Site name').fill('Example Gazette');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details).toBeHidden();
  await expect(reader.locator('.reader-credits')).toHaveText('Maria Jones · Example Gazette');
  await page.screenshot({ path: path.join(SHOTS, 'details.png') });
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(reader.locator('.reader-credits')).toHaveCount(0);
});
