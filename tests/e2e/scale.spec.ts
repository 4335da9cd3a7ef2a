/**
 * The claim list at newsroom scale: a generated project file with 5,000 claims in one article,
 * opened by the real host. The list is windowed, yet the keyboard reaches the last claim, Enter opens
 * a claim without taking the focus from the list for the claims selected after, a claim selected
 * elsewhere scrolls into the list's view, and each row keeps its accessible name and its position in
 * the whole list.
 */
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { expect, test } from '@playwright/test';
import { startWorkbench, type RunningWorkbench } from './fixtures/workbench';
import { writeLargeProject } from '../support/largeProject';

const CLAIMS = 5000;
let dir: string;
let host: RunningWorkbench;

test.beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-scale-e2e-'));
  const file = path.join(dir, 'scale.factcheck.json');
  await writeLargeProject(file, { articles: 1, claimsPerArticle: CLAIMS, paragraphs: 1250 });
  host = await startWorkbench({ extraArgs: [file] });
});

test.afterAll(async () => {
  await host?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

test('keyboard and selection through 5,000 claims in a windowed list', async ({ page }) => {
  await page.goto(host.url);
  const list = page.getByRole('list', { name: 'Claims', exact: true });
  const first = list.getByRole('listitem').first();
  await expect(first).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.claims-count')).toHaveText(String(CLAIMS));
  // Windowed: far fewer rows in the DOM than claims, each saying where it stands in the whole list.
  expect(await list.getByRole('listitem').count()).toBeLessThan(200);
  await expect(first).toHaveAttribute('aria-setsize', String(CLAIMS));
  await expect(first).toHaveAttribute('aria-posinset', '1');
  await expect(first.getByRole('button')).toHaveAccessibleName(/^“officials said 0 boats” .*Draft/);

  // Arrow keys move the selection and the focus, row by row.
  await first.getByRole('button').click();
  await expect(first.getByRole('button')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('j');
  const third = list.locator('li[aria-posinset="3"]');
  await expect(third.getByRole('button')).toBeFocused();
  await expect(third.getByRole('button')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('textbox', { name: 'Claim statement' })).toHaveValue(/^Claim 2 of article 0:/);

  // Enter opens the claim: its statement takes the focus. Back in the list, the arrow keys and a click select
  // other claims and the focus stays in the list (it went to each statement opened after the first Enter).
  const statement = page.getByRole('textbox', { name: 'Claim statement' });
  await page.keyboard.press('Enter');
  await expect(statement).toBeFocused();
  await third.getByRole('button').focus();
  await page.keyboard.press('ArrowDown');
  await expect(statement).toHaveValue(/^Claim 3 of article 0:/);
  const afterFrames = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await afterFrames();
  await expect(list.locator('li[aria-posinset="4"]').getByRole('button')).toBeFocused();
  await third.getByRole('button').click();
  await expect(statement).toHaveValue(/^Claim 2 of article 0:/);
  await afterFrames();
  await expect(third.getByRole('button')).toBeFocused();

  // End reaches the very last claim, in view and focused.
  await page.keyboard.press('End');
  const last = list.locator(`li[aria-posinset="${CLAIMS}"]`);
  await expect(last.getByRole('button')).toBeFocused();
  await expect(last.getByRole('button')).toHaveAttribute('aria-current', 'true');
  await expect(last).toBeInViewport();
  await expect(page.getByRole('textbox', { name: 'Claim statement' })).toHaveValue(`Claim ${CLAIMS - 1} of article 0: officials said ${(1249) * 7} boats`);
  await page.keyboard.press('ArrowUp');
  await expect(list.locator(`li[aria-posinset="${CLAIMS - 1}"]`).getByRole('button')).toBeFocused();

  // Selecting in the article (n / p there) scrolls the list to the selected claim.
  await page.keyboard.press('Home');
  await expect(first.getByRole('button')).toBeFocused();
  await page.getByRole('region', { name: 'Article' }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('n');
  await expect(list.locator('li[aria-posinset="4"] button')).toHaveAttribute('aria-current', 'true');
  await expect(list.locator('li[aria-posinset="4"]')).toBeInViewport();

  // A claim far down, selected from the article while the list shows its top, scrolls into view.
  await list.locator(`li[aria-posinset="4"] button`).focus();
  await page.keyboard.press('End');
  await expect(last.getByRole('button')).toBeFocused();
  await page.locator('.claims-list-wrap').evaluate((wrap) => wrap.scrollTo({ top: 0 }));
  await expect(first).toBeInViewport();
  await page.getByRole('region', { name: 'Article' }).focus();
  await page.keyboard.press('p');
  const beforeLast = list.locator(`li[aria-posinset="${CLAIMS - 1}"]`);
  await expect(beforeLast.getByRole('button')).toHaveAttribute('aria-current', 'true');
  await expect(beforeLast).toBeInViewport();
});
