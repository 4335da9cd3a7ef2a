/**
 * The Overview and History at newsroom scale: a generated project file with 5,000 claims and 5,000
 * history entries, opened by the real host. Both panels are lazily loaded chunks and windowed, yet
 * the keyboard reaches the last row, the claim selected in the window is marked and scrolled into
 * view, and rows keep their accessible names and their place in the whole list or table.
 */
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startWorkbench, type RunningWorkbench } from './fixtures/workbench';
import { lookAt } from './fixtures/screens';
import { writeLargeProject } from '../support/largeProject';

const CLAIMS = 5000;
const ENTRIES = 5000;
let dir: string;
let host: RunningWorkbench;

test.beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-scale-panels-e2e-'));
  const file = path.join(dir, 'scale-panels.factcheck.json');
  await writeLargeProject(file, { articles: 1, claimsPerArticle: CLAIMS, paragraphs: 1250, historyEntries: ENTRIES });
  host = await startWorkbench({ extraArgs: [file] });
});

test.afterAll(async () => {
  await host?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Opens the project and selects its last claim from the claim list (End); returns the CSP messages seen. */
async function openWithLastClaimSelected(page: Page): Promise<string[]> {
  const policyMessages: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) policyMessages.push(message.text());
  });
  await page.goto(host.url);
  const claims = page.getByRole('list', { name: 'Claims', exact: true });
  await expect(claims.getByRole('listitem').first()).toBeVisible({ timeout: 60_000 });
  await claims.getByRole('listitem').first().getByRole('button').click();
  await page.keyboard.press('End');
  await expect(claims.locator(`li[aria-posinset="${CLAIMS}"] button`)).toHaveAttribute('aria-current', 'true');
  return policyMessages;
}

test('the Overview list and table through 5,000 claims', async ({ page }) => {
  const policyMessages = await openWithLastClaimSelected(page);
  await page.getByRole('button', { name: 'Overview', exact: true }).click();
  const overview = page.getByRole('region', { name: 'Overview' });
  const list = overview.getByRole('list', { name: 'Overview results' });

  // Opened with the selected (last) claim marked and in view; windowed, each row placed in the whole list.
  const last = list.locator(`li[aria-posinset="${CLAIMS}"]`);
  await expect(last.getByRole('button')).toHaveAttribute('aria-current', 'true');
  await expect(last).toBeInViewport();
  expect(await list.getByRole('listitem').count()).toBeLessThan(200);
  await expect(last).toHaveAttribute('aria-setsize', String(CLAIMS));
  await expect(last.getByRole('button')).toHaveAccessibleName(new RegExp(`^Claim ${CLAIMS - 1} of article 0: officials said ${1249 * 7} boats`));

  // The selected row is the tab stop; Home, arrows and End move focus through every row.
  await last.getByRole('button').focus();
  await page.keyboard.press('Home');
  const first = list.locator('li[aria-posinset="1"]');
  await expect(first.getByRole('button')).toBeFocused();
  await expect(first).toBeInViewport();
  await page.keyboard.press('ArrowDown');
  await expect(list.locator('li[aria-posinset="2"]').getByRole('button')).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(list.locator('li[aria-posinset="2"]').getByRole('button')).not.toBeFocused();
  await page.keyboard.press('End');
  await expect(last.getByRole('button')).toBeFocused();
  await expect(last).toBeInViewport();
  await lookAt(page, 'overview-5000-end');

  // The table: the same through its rows, each with its row index in the whole table.
  await overview.getByRole('radio', { name: 'Table' }).check();
  const table = overview.getByRole('table', { name: 'Claims table' });
  await expect(table).toHaveAttribute('aria-rowcount', String(CLAIMS + 1));
  const current = table.locator('tbody tr.is-selected');
  await expect(current).toBeInViewport();
  await expect(current.getByRole('button')).toHaveAccessibleName(new RegExp(`^Claim ${CLAIMS - 1} of article 0`));
  expect(await table.getByRole('row').count()).toBeLessThan(200);
  await current.getByRole('button').focus();
  await page.keyboard.press('Home');
  const top = table.locator('tr[aria-rowindex="2"]');
  await expect(top.getByRole('button')).toBeFocused();
  await page.keyboard.press('End');
  const bottom = table.locator(`tr[aria-rowindex="${CLAIMS + 1}"]`);
  await expect(bottom.getByRole('button')).toBeFocused();
  await expect(bottom).toBeInViewport();
  await lookAt(page, 'overview-table-5000-end');
  const bottomName = (await bottom.getByRole('button').textContent()) ?? '';

  // Enter opens the focused claim in the window.
  await page.keyboard.press('Enter');
  await expect(overview).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Claim statement' })).toHaveValue(bottomName);
  expect(policyMessages).toEqual([]);
});

test('History through 5,000 entries', async ({ page }) => {
  const policyMessages = await openWithLastClaimSelected(page);
  await page.getByRole('button', { name: 'History', exact: true }).click();
  const history = page.getByRole('region', { name: 'History' });
  const list = history.getByRole('list', { name: 'Changes' });
  const newest = list.locator('li[aria-posinset="1"]');
  await expect(newest).toBeVisible();
  await expect(newest).toHaveAttribute('aria-setsize', String(ENTRIES));
  expect(await list.getByRole('listitem').count()).toBeLessThan(200);
  // Newest first: the last generated entry edits claim (ENTRIES − 1) mod CLAIMS.
  await expect(newest.getByRole('link')).toHaveAccessibleName(new RegExp(`^Edit claimant .*Claim ${(ENTRIES - 1) % CLAIMS} of article 0`));

  await newest.getByRole('link').focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.locator('li[aria-posinset="2"]').getByRole('link')).toBeFocused();
  await page.keyboard.press('End');
  const oldest = list.locator(`li[aria-posinset="${ENTRIES}"]`);
  await expect(oldest.getByRole('link')).toBeFocused();
  await expect(oldest).toBeInViewport();
  await expect(oldest.getByRole('link')).toHaveAccessibleName(/^Edit claimant .*Claim 0 of article 0/);
  await lookAt(page, 'history-5000-end');

  // Enter on the oldest entry selects its claim (the first) and closes the panel.
  await page.keyboard.press('Enter');
  await expect(history).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Claim statement' })).toHaveValue(/^Claim 0 of article 0:/);
  expect(policyMessages).toEqual([]);
});
