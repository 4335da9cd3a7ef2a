/**
 * Keyboard alone: from the moment the article is open, a passage is found, selected and marked as a
 * claim with keys only (F7 caret mode, word steps, Shift to select, M to mark), and the claim's
 * offsets are exactly the passage's; m marks the passage selected at that moment. "?" shows every
 * shortcut. A mouse selection also gets a "Mark selection as claim" button beside it.
 */
import type { Page } from '@playwright/test';
import { expect, savedStatus, selectTextWithMouse, test } from './fixtures/workbench';
import { ARTICLE_TEXT, claimList, newProjectWithArticle, readProjectFile } from './flows/workspaceFlow';

const QUOTE = 'at least 75 people';

const selectedText = (page: Page) => page.evaluate(() => (window.getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim());

test('a passage is selected and marked as a claim with the keyboard alone, at exact offsets', async ({ page, workbench }) => {
  await newProjectWithArticle(page, workbench.url);
  const reader = page.getByRole('region', { name: 'Article', exact: true });
  // From here on: keys only. Focus is nowhere in particular; F7 switches the caret on in the reader.
  await page.keyboard.press('F7');
  await expect(reader).toBeFocused();
  await expect(page.getByRole('button', { name: 'Select text with keyboard' })).toHaveAttribute('aria-pressed', 'true');

  // A line down moves the caret below the title.
  const caretTop = () => page.locator('.reader-caret').evaluate((caret) => caret.getBoundingClientRect().top);
  const top = await caretTop();
  await page.keyboard.press('ArrowDown');
  await expect.poll(caretTop).toBeGreaterThan(top);
  await page.keyboard.press('Control+Home');
  await expect.poll(caretTop).toBe(top);

  // Word by word, as a reader looking at the screen would: select the next word; if it is not where
  // the passage starts, drop the selection (Escape) and go on from its end.
  let found = false;
  for (let word = 0; word < 80 && !found; word++) {
    await page.keyboard.press('Shift+Control+ArrowRight');
    if ((await selectedText(page)) === 'at') {
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight');
      found = (await selectedText(page)) === QUOTE;
    }
    if (!found) await page.keyboard.press('Escape');
  }
  expect(found, 'the passage was reached with word steps').toBe(true);
  await expect(page.getByRole('button', { name: 'Mark claim', exact: true })).toBeEnabled();
  await page.keyboard.press('m');

  await expect(claimList(page).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByLabel('Quoted text')).toHaveText(QUOTE);
  await expect(savedStatus(page)).toBeVisible();
  const project = await readProjectFile(workbench.projectsDir);
  const { start, end } = project.claims[0]!.target.position;
  expect(project.articles[0]!.text.slice(start, end)).toBe(QUOTE);
  expect(start).toBe(ARTICLE_TEXT.indexOf(QUOTE));

  // The caret stays on; Escape leaves the mode (and closes nothing else).
  await reader.focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Select text with keyboard' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.reader-caret')).toHaveCount(0);
});

test('m marks the passage selected right then, though the browser tells of the change a task later', async ({ page, workbench }) => {
  await newProjectWithArticle(page, workbench.url);
  const reader = page.getByRole('region', { name: 'Article', exact: true });
  await selectTextWithMouse(page, '[aria-label="Article"] .reader-body', 'at least');
  await expect(page.getByRole('button', { name: 'Mark claim', exact: true })).toBeEnabled();
  // In one task, as a fast hand on the keys does: the selection grows to the whole passage, and m is pressed
  // before the browser's selectionchange event for it has run.
  await reader.evaluate((element, quote) => {
    const selection = document.getSelection()!;
    const range = selection.getRangeAt(0);
    selection.setBaseAndExtent(range.startContainer, range.startOffset, range.startContainer, range.startOffset + quote.length);
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'm', bubbles: true, cancelable: true }));
  }, QUOTE);
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByLabel('Quoted text')).toHaveText(QUOTE);
});

test('? shows the sheet of every shortcut; a mouse selection gets its own Mark button', async ({ page, workbench }) => {
  await newProjectWithArticle(page, workbench.url);
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const keys of ['Ctrl+M', 'F7', 'Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y)', 'Ctrl+= / Ctrl+- / Ctrl+0', 'Escape']) {
    await expect(sheet.locator('kbd').filter({ hasText: keys }).first()).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await selectTextWithMouse(page, '[aria-label="Article"] .reader-body', 'hire 40 more crew');
  const beside = page.getByRole('button', { name: 'Mark selection as claim' });
  await expect(beside).toBeVisible();
  // It sits at the end of the selection, within the article's column.
  const box = (await beside.boundingBox())!;
  const column = (await page.locator('.reader-page').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(column.x);
  expect(box.x + box.width).toBeLessThanOrEqual(column.x + column.width + 1);
  // "Mark claim" stays the toolbar's button alone.
  await expect(page.getByRole('button', { name: 'Mark claim' })).toHaveCount(1);
  await beside.click();
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByLabel('Quoted text')).toHaveText('hire 40 more crew');
  await expect(beside).toHaveCount(0);
});
