/**
 * First start on a fresh data dir opens the bundled sample project, its claims highlighted in the
 * reader and listed. Saves the README's screenshot of the main window (1440×900).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/workbench';

const SAMPLE = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../resources/sample/sample.factcheck.json'), 'utf8'),
) as { title: string; claims: { statement: string; target: { quote: { exact: string } } }[] };
/**
 * The README's picture. Written there when missing or when FACTCHECK_UPDATE_SCREENSHOTS=1; otherwise
 * to tests/.tmp so a test run leaves the working tree clean.
 */
const README_SCREENSHOT = path.resolve(import.meta.dirname, '../../resources/screenshots/main-window.png');
const SCREENSHOT =
  process.env.FACTCHECK_UPDATE_SCREENSHOTS === '1' || !existsSync(README_SCREENSHOT)
    ? README_SCREENSHOT
    : path.resolve(import.meta.dirname, '../.tmp/screenshots/main-window.png');

test.use({ viewport: { width: 1440, height: 900 } });

test('the sample project opens on first start with its claims highlighted', async ({ page, workbench }) => {
  await page.goto(workbench.url);

  const claims = page.getByRole('list', { name: 'Claims' });
  await expect(claims.getByRole('listitem')).toHaveCount(SAMPLE.claims.length);
  await expect(page.getByRole('region', { name: 'Article' })).toContainText('Kessner Valley');
  await expect(page).toHaveTitle(new RegExp(SAMPLE.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

  // Highlights are drawn with the CSS Custom Highlight API: one range per claim at least.
  await expect
    .poll(() =>
      page.evaluate(() => {
        let ranges = 0;
        CSS.highlights.forEach((highlight) => (ranges += highlight.size));
        return ranges;
      }),
    )
    .toBeGreaterThanOrEqual(SAMPLE.claims.length);

  // Open a claim with sources and a verdict for the picture.
  await claims.getByRole('listitem').nth(3).click();
  await expect(page.getByRole('textbox', { name: 'Claim statement' })).toHaveValue(SAMPLE.claims[3]!.statement);
  // Selecting a claim in the list scrolls its passage into view (smoothly: wait for it to settle).
  await expect.poll(() => passageInView(page, SAMPLE.claims[3]!.target.quote.exact)).toBe(true);
  await expect.poll(() => scrollSettled(page)).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: /^\s*Saved\s*$/ })).toBeVisible();
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  await page.screenshot({ path: SCREENSHOT });
});

/** Whether every scrolled box in the page kept its scroll position across two animation frames. */
function scrollSettled(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const positions = () => [...document.querySelectorAll('*')].filter((el) => el.scrollHeight > el.clientHeight).map((el) => el.scrollTop).join(',');
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    const first = positions();
    await frame();
    await frame();
    return positions() === first;
  });
}

/** Whether `text` in the reader lies inside the reader's visible box. */
function passageInView(page: Page, text: string): Promise<boolean> {
  return page.evaluate((text) => {
    const reader = document.querySelector('[aria-label="Article"]');
    if (!reader) return false;
    const walker = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const rect = range.getBoundingClientRect();
      const box = reader.getBoundingClientRect();
      return rect.top >= box.top && rect.bottom <= box.bottom;
    }
    return false;
  }, text);
}
