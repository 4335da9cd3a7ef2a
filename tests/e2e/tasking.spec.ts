/**
 * Tasking: the assignee is picked from the people the project has seen (or typed new), a claim has
 * a due date; the overview filters "Assigned to me" and "Overdue", its count chips filter by state
 * and verdict, and a table of claims sorts by every column.
 */
import type { Page } from '@playwright/test';
import { expect, savedStatus, test } from './fixtures/workbench';
import { claimList, markWithMouse, newProjectWithArticle, readProjectFile } from './flows/workspaceFlow';
import { setUser } from './fixtures/userSettings';

async function assign(page: Page, quote: string, assignee: string, due: string): Promise<void> {
  await claimList(page).getByRole('listitem').filter({ hasText: quote }).click();
  await expect(page.getByLabel('Quoted text')).toHaveText(quote);
  const field = page.getByRole('combobox', { name: 'Assignee', exact: true });
  await field.fill(assignee);
  await field.press('Enter');
  await page.getByLabel('Due date', { exact: true }).fill(due);
  await page.getByLabel('Due date', { exact: true }).press('Enter');
}

test('assignee from the people seen, due dates, "Assigned to me", "Overdue", count chips and the sortable table', async ({ page, workbench }) => {
  test.setTimeout(150_000);
  await page.goto(workbench.url);
  await setUser(page, 'Sam Okafor');
  await newProjectWithArticle(page, workbench.url);
  await markWithMouse(page, 'at least 75 people');
  await markWithMouse(page, 'hire 40 more crew');
  await markWithMouse(page, 'by Sunday evening');

  // The assignee field offers the people the project has seen: the user, who marked the claims.
  const options = await page.locator(`#${await page.getByRole('combobox', { name: 'Assignee', exact: true }).getAttribute('list')} option`).evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
  expect(options).toContain('Sam Okafor');

  await assign(page, 'at least 75 people', 'Sam Okafor', '2020-01-15');
  await assign(page, 'hire 40 more crew', 'Bo Lindqvist', '2099-12-31');
  await assign(page, 'by Sunday evening', 'Sam Okafor', '2099-06-01');
  await expect(savedStatus(page)).toBeVisible();
  const stored = await readProjectFile(workbench.projectsDir);
  expect(Object.fromEntries(stored.claims.map((c) => [c.target.quote.exact, [c.assignee, c.dueDate]]))).toEqual({
    'at least 75 people': ['Sam Okafor', '2020-01-15'],
    'hire 40 more crew': ['Bo Lindqvist', '2099-12-31'],
    'by Sunday evening': ['Sam Okafor', '2099-06-01'],
  });
  // A name typed once is offered on every claim.
  const list = await page.getByRole('combobox', { name: 'Assignee', exact: true }).getAttribute('list');
  await expect(page.locator(`#${list} option[value="Bo Lindqvist"]`)).toHaveCount(1);
  await expect(page.getByText('Overdue', { exact: true })).toHaveCount(0);
  await claimList(page).getByRole('listitem').filter({ hasText: 'at least 75 people' }).click();
  await expect(page.getByText('Overdue', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Overview', exact: true }).click();
  const overview = page.getByRole('region', { name: 'Overview' });
  const results = overview.getByRole('list', { name: 'Overview results' }).getByRole('listitem');
  await expect(results).toHaveCount(3);
  await overview.getByRole('checkbox', { name: 'Assigned to me' }).check();
  await expect(results).toHaveCount(2);
  await overview.getByRole('checkbox', { name: 'Overdue' }).check();
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('at least 75 people');
  await overview.getByRole('checkbox', { name: 'Assigned to me' }).uncheck();
  await overview.getByRole('checkbox', { name: 'Overdue' }).uncheck();
  await expect(results).toHaveCount(3);

  // Count chips are filters: "Draft 3", then "No verdict" too; clicking again lifts the filter.
  await page.getByRole('button', { name: 'Close overview' }).click();
  await claimList(page).getByRole('listitem').filter({ hasText: 'hire 40 more crew' }).click();
  await page.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'True' });
  await page.getByRole('button', { name: 'Start research' }).click();
  await page.getByRole('button', { name: 'Overview', exact: true }).click();
  const draft = overview.getByRole('checkbox', { name: /^Draft\s*2$/ });
  await draft.check();
  await expect(results).toHaveCount(2);
  await expect(overview.getByRole('combobox', { name: 'State' })).toHaveValue('draft');
  await overview.getByRole('checkbox', { name: /^True\s*1$/ }).check();
  await expect(results).toHaveCount(0);
  await overview.getByRole('checkbox', { name: /^Researching\s*1$/ }).check();
  await expect(draft).not.toBeChecked();
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('hire 40 more crew');
  await overview.getByRole('checkbox', { name: /^Researching\s*1$/ }).uncheck();
  await overview.getByRole('checkbox', { name: /^True\s*1$/ }).uncheck();
  await expect(results).toHaveCount(3);

  // The table, sorted by each column.
  await overview.getByRole('radio', { name: 'Table' }).check();
  const table = overview.getByRole('table', { name: 'Claims table' });
  const firstColumn = () => table.locator('tbody tr td:first-child').allInnerTexts();
  await expect(table.getByRole('columnheader')).toHaveText(['Statement', 'State', 'Verdict', 'Assignee', 'Due', 'Last change'].map((t) => new RegExp(`^${t}`)));
  const sortBy = async (name: string) => table.getByRole('columnheader', { name }).getByRole('button').click();
  await sortBy('Due');
  await expect(table.getByRole('columnheader', { name: 'Due' })).toHaveAttribute('aria-sort', 'ascending');
  expect(await firstColumn()).toEqual(['at least 75 people', 'by Sunday evening', 'hire 40 more crew']);
  await sortBy('Due');
  await expect(table.getByRole('columnheader', { name: 'Due' })).toHaveAttribute('aria-sort', 'descending');
  expect(await firstColumn()).toEqual(['hire 40 more crew', 'by Sunday evening', 'at least 75 people']);
  await sortBy('Assignee');
  expect(await firstColumn()).toEqual(['hire 40 more crew', 'at least 75 people', 'by Sunday evening']);
  await sortBy('Verdict');
  expect((await firstColumn())[0]).toBe('hire 40 more crew');
  await sortBy('Last change');
  await expect(table.getByRole('columnheader', { name: 'Last change' })).toHaveAttribute('aria-sort', 'descending');
  expect((await firstColumn())[0]).toBe('hire 40 more crew');
  await expect(table.locator('tbody tr').filter({ hasText: 'at least 75 people' })).toContainText('overdue');

  // A statement in the table opens its claim.
  await table.getByRole('button', { name: 'by Sunday evening' }).click();
  await expect(overview).toBeHidden();
  await expect(page.getByLabel('Quoted text')).toHaveText('by Sunday evening');
});
