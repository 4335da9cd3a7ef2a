/**
 * Layout at the sizes people use (1280×720 and 1920×1080, light and dark): nothing in the top bar
 * overlaps or is cut (a 37-character project title and a long user name included: "Saved" used to
 * cover Settings), the article header gives a long title and the details editor the full width, and
 * every screen is photographed for a look (tests/.tmp/screenshots/layout-*, when
 * FACTCHECK_SCREENSHOTS=1; dark mode changes colours only, so its run is part of that look).
 */
import type { Page } from '@playwright/test';
import { snap, TAKE_SCREENSHOTS } from './fixtures/screens';
import { createProjectInWindow, expect, test } from './fixtures/workbench';
import { newProjectWithArticle } from './flows/workspaceFlow';
import { setUser } from './fixtures/userSettings';

const TITLE_37 = 'Caribbean strikes: who saw the boats?';
const LONG_NAME = 'Samantha Okafor-Lindqvist';

/** Boxes of the top bar's visible parts that overlap each other or leave the window. */
function topBarProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bar = document.querySelector('header.topbar')!;
    const parts = [
      ...bar.querySelectorAll<HTMLElement>('.project-title, .toolbar > button, .toolbar .export-tools > button, .user-identity, .save-status'),
    ].filter((element) => element.getClientRects().length > 0);
    const problems: string[] = [];
    const name = (element: HTMLElement) => element.getAttribute('aria-label') || element.textContent?.trim() || element.className;
    const boxes = parts.map((element) => ({ element, box: element.getBoundingClientRect() }));
    for (const { element, box } of boxes) {
      if (box.left < 0 || box.right > window.innerWidth + 0.5) problems.push(`${name(element)} leaves the window`);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.box;
        const b = boxes[j]!.box;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
          problems.push(`${name(boxes[i]!.element)} overlaps ${name(boxes[j]!.element)}`);
        }
      }
    }
    for (const selector of ['.project-title', '.user-identity-name']) {
      const element = bar.querySelector<HTMLElement>(selector);
      if (element && element.scrollWidth > element.clientWidth + 1) problems.push(`${selector} is cut: "${element.textContent}"`);
    }
    return problems;
  });
}

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the top bar shows a 37-character title, the whole user name and "Saved" without covering Settings', async ({ page, workbench }) => {
    expect(TITLE_37).toHaveLength(37);
    await page.goto(workbench.url);
    await setUser(page, LONG_NAME);
    await createProjectInWindow(page, TITLE_37);
    await expect(page.getByRole('heading', { name: TITLE_37 })).toBeVisible();
    await expect(page.getByLabel('Signed in as')).toHaveText(`${LONG_NAME} · Checker`);
    expect(await topBarProblems(page)).toEqual([]);
    // "Saved" and Settings sit side by side, each where a click reaches it.
    const settings = (await page.getByRole('button', { name: 'Settings', exact: true }).boundingBox())!;
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.textContent, { x: settings.x + settings.width / 2, y: settings.y + settings.height / 2 });
    expect(hit).toBe('Settings');
    await snap(page, 'layout-topbar-long-title-1280', { x: 0, y: 0, width: 1280, height: 60 });
  });

  test('an untitled text article gets a full-width details editor; a long title is not squeezed beside the actions', async ({ page, workbench }) => {
    await newProjectWithArticle(page, workbench.url, 'Header check');
    const header = page.locator('.reader-header');
    await header.getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('form', { name: 'Article details' });
    const formBox = (await form.boundingBox())!;
    const headerBox = (await header.boundingBox())!;
    expect(formBox.width).toBeGreaterThan(headerBox.width * 0.95);
    const input = (await form.getByLabel('Byline').boundingBox())!;
    expect(input.height).toBeGreaterThanOrEqual(28);
    expect(input.width).toBeGreaterThan(300);
    await snap(page, 'layout-details-untitled-1280');
    await form.getByRole('button', { name: 'Cancel' }).click();

    // A web page whose title is long and not its first paragraph: the title has the header's width.
    const longTitle = 'Colombia halts intelligence sharing with the United States over strikes on boats in the Caribbean, officials say';
    const html = `<!doctype html><html><head><title>${longTitle}</title></head><body><article><h1>${longTitle}</h1><p>By a correspondent</p><p>${'The suspension will remain in force as long as the attacks continue. '.repeat(8)}</p><p>${'Officials gave no further details on Tuesday. '.repeat(6)}</p></article></body></html>`;
    await page.getByLabel('Article file', { exact: true }).setInputFiles({ name: 'long-title.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    const title = page.locator('.reader-header .reader-title, .reader-body .reader-title-block').first();
    await expect(title).toContainText('Colombia halts intelligence sharing');
    const titleBox = (await title.boundingBox())!;
    const page1 = (await page.locator('.reader-page').boundingBox())!;
    expect(titleBox.width).toBeGreaterThan((page1.width - 64) * 0.9);
    await snap(page, 'layout-long-title-1280');
  });
});

/** Every screen, photographed; each must fit the window (no sideways scrolling, no top bar overlaps). */
async function photographScreens(page: Page, name: string): Promise<void> {
  const shot = async (screen: string) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${screen}: sideways scrolling`).toBeLessThanOrEqual(0);
    expect(await topBarProblems(page), `${screen}: top bar`).toEqual([]);
    await snap(page, `layout-${name}-${screen}`);
  };
  const claims = page.getByRole('list', { name: 'Claims', exact: true });
  await claims.getByRole('listitem').nth(3).click();
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  await shot('workspace');
  await page.locator('.claim-panel-wrap').evaluate((element) => element.scrollTo({ top: 500 }));
  await shot('claim-scrolled');
  const sources = page.getByRole('list', { name: 'Sources' });
  if (await sources.count()) {
    await sources.getByRole('listitem').first().getByRole('button').first().click();
    await shot('source-expanded');
  }
  await page.getByRole('button', { name: 'Overview', exact: true }).click();
  await shot('overview');
  await page.getByRole('radio', { name: 'Table' }).check();
  await shot('overview-table');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await shot('export-menu-over-overview');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'History', exact: true }).click();
  // The panel is a chunk of its own: photograph its entries, not its loading frame.
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('list', { name: 'Changes' }).or(history.getByText('No changes recorded'))).toBeVisible();
  await shot('history');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: /HTML report/ }).click();
  await expect(page.getByTitle('Report preview')).toBeVisible();
  await shot('export-dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await shot('settings');
  await page.keyboard.press('Escape');
  await page.locator('body').press('?');
  // A chunk of its own too: photograph the list, not "Loading…".
  await expect(page.locator('.shortcut-list').first()).toBeVisible();
  await shot('shortcuts');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Edit details' }).click();
  await shot('edit-details');
  await page.getByRole('form', { name: 'Article details' }).getByRole('button', { name: 'Cancel' }).click();
  await page.keyboard.press('F7');
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+Control+ArrowRight');
  await shot('keyboard-selection');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Bridge closed\n\nThe bridge will stay closed until March.');
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await expect(page.getByRole('dialog', { name: 'Paste article' })).toBeVisible();
  await shot('paste-dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Delete claim' }).click();
  await shot('undo-toast');
}

for (const viewport of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  for (const colorScheme of TAKE_SCREENSHOTS ? (['light', 'dark'] as const) : (['light'] as const)) {
    test.describe(`${viewport.width}×${viewport.height} ${colorScheme}`, () => {
      test.use({ viewport, colorScheme });
      test('every screen fits and is photographed', async ({ page, workbench }) => {
        test.setTimeout(120_000);
        await page.goto(workbench.url);
        await expect(page.getByRole('list', { name: 'Claims', exact: true }).getByRole('listitem').first()).toBeVisible();
        await photographScreens(page, `${viewport.width}-${colorScheme}`);
      });
    });
  }
}
