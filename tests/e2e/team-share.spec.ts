/**
 * The Share project dialog in the real UI (browser mode) with a sync folder: its fields by their
 * accessible names, a too-short passphrase refused with the reason, sharing that ends in "Synced",
 * and "Offline — N changes waiting" once the folder is gone. Screenshots at 1280×720 and 1920×1080,
 * light and dark.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { lookAt } from './fixtures/screens';
import { createProjectInWindow, expect, test } from './fixtures/workbench';


test('Share…: a sync folder, the passphrase rule, Synced, then Offline when the folder is gone', async ({ page, workbench }) => {
  test.setTimeout(180_000);
  const folder = path.join(workbench.dataDir, 'team-folder');
  await fs.mkdir(folder);
  await page.goto(workbench.url);
  await createProjectInWindow(page, 'Shared by folder');

  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share project' });
  for (const name of ['Folder or server URL', 'User']) await expect(dialog.getByRole('textbox', { name, exact: true })).toHaveCount(1);
  for (const name of ['Password', 'Passphrase']) await expect(dialog.getByLabel(name, { exact: true })).toHaveCount(1);
  await dialog.getByRole('textbox', { name: 'Folder or server URL' }).fill(folder);
  await dialog.getByLabel('Passphrase', { exact: true }).fill('short');
  await lookAt(page, 'share-dialog');

  await dialog.getByRole('button', { name: 'Start sharing' }).click();
  await expect(dialog.getByRole('alert')).toContainText('at least 8 characters');
  await dialog.getByLabel('Passphrase', { exact: true }).fill('a longer team passphrase');
  await dialog.getByRole('button', { name: 'Start sharing' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toHaveText('Synced');
  await expect(page.getByText('Shared with 1 member')).toBeVisible();
  // Nothing of the passphrase in the folder or the project file.
  const projectFile = (await fs.readdir(workbench.projectsDir)).find((n) => n.startsWith('shared-by-folder'))!;
  expect(await fs.readFile(path.join(workbench.projectsDir, projectFile), 'utf8')).not.toContain('a longer team passphrase');

  // The folder goes away (a USB stick pulled): the next change waits and the status says so.
  await fs.rename(folder, `${folder}-unplugged`);
  await page.getByLabel('Article file', { exact: true }).setInputFiles({ name: 'offline.txt', mimeType: 'text/plain', buffer: Buffer.from('Offline article\n\nWritten while the folder was away.') });
  await expect(page.getByRole('region', { name: 'Article', exact: true })).toContainText('Written while the folder was away.', { timeout: 90_000 });
  await expect(status).toHaveText(/^Offline — [1-9]\d* changes waiting$/, { timeout: 30_000 });
  await lookAt(page, 'sync-status-offline');
  await fs.rename(`${folder}-unplugged`, folder);
  await expect(status).toHaveText('Synced', { timeout: 30_000 });
});
