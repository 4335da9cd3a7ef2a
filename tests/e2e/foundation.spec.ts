/**
 * The foundation flow in browser mode (see flows/foundationFlow.ts): mark a claim with the mouse,
 * research it, save, reload, undo and redo — against the real host on a fresh data dir.
 */
import { expect, test } from './fixtures/workbench';
import { runFoundationFlow } from './flows/foundationFlow';

test('mark a claim, research it, save, reload, undo and redo', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await runFoundationFlow(page, workbench.projectsDir);
});

test('undo and redo from the keyboard', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  const claims = page.getByRole('list', { name: 'Claims' });
  await expect(claims.getByRole('listitem').first()).toBeVisible();
  const count = await claims.getByRole('listitem').count();

  // The sample's first claim is approved (locked); delete one that is still being researched.
  await claims.getByRole('listitem').filter({ hasText: 'Researching' }).first().click();
  await page.getByRole('button', { name: 'Delete claim' }).click();
  await expect(claims.getByRole('listitem')).toHaveCount(count - 1);

  await page.locator('body').focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(claims.getByRole('listitem')).toHaveCount(count);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(claims.getByRole('listitem')).toHaveCount(count - 1);
});
