/**
 * With claim highlights on the page, Chromium repaints every highlight after any write to the page,
 * even one that changes nothing (an input's name set again). So what the main side sends back for a
 * change (its recorded entry, which re-renders the claim panel) and the save that follows must not
 * write to the page beyond the save state.
 */
import type { Page } from '@playwright/test';
import { expect, savedStatus, test } from './fixtures/workbench';
import { markWithMouse, newProjectWithArticle } from './flows/workspaceFlow';

/** Starts recording the page's writes, one batch per task: what was written, where. */
async function recordWrites(page: Page): Promise<void> {
  await page.evaluate(() => {
    const batches: string[][] = [];
    const where = (node: Node): string => {
      const element = node instanceof Element ? node : node.parentElement;
      if (!element) return '?';
      const named = element.closest('[aria-label], .save-status');
      return `${element.tagName.toLowerCase()} in ${named?.getAttribute('aria-label') ?? named?.className ?? 'page'}`;
    };
    new MutationObserver((records) => {
      batches.push(records.map((record) => `${record.type}${record.attributeName ? ` ${record.attributeName}` : ''}: ${where(record.target)}`));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    (window as unknown as { __writes: string[][] }).__writes = batches;
  });
}

const writes = (page: Page) => page.evaluate(() => (window as unknown as { __writes: string[][] }).__writes);

test('a change writes the page once: the reply and the save write only the save state', async ({ page, workbench }) => {
  await newProjectWithArticle(page, workbench.url);
  await markWithMouse(page, 'at least 75 people');
  await expect(savedStatus(page)).toBeVisible();
  // The archive has answered for the new claim (its answer is a write of its own).
  await expect(page.getByRole('region', { name: 'Checked before' })).toContainText('No earlier fact-check');

  await recordWrites(page);
  await page.getByRole('combobox', { name: 'Verdict' }).selectOption({ index: 1 });
  await expect(page.getByRole('status').filter({ hasText: /Saving…/ })).toBeVisible();
  await expect(savedStatus(page)).toBeVisible();
  // A moment for anything late (a second reply, a re-render after the save).
  await page.waitForTimeout(300);

  const [change, ...later] = await writes(page);
  // The change itself: the verdict shows in the list.
  expect(change!.some((write) => write.includes('Claims'))).toBe(true);
  // After it: only the save state ("Saving…" → "Saved"); the reply re-rendered the claim panel, which wrote nothing.
  expect(later.flat().filter((write) => !write.includes('save-status'))).toEqual([]);
  expect(later.flat().length).toBeGreaterThan(0);
});
