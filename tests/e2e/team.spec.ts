/**
 * Team members in the real UI (browser mode): the Members dialog adds a person by their public key;
 * the first member added makes the person sharing the project its owner.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createProjectInWindow, expect, test } from './fixtures/workbench';

function publicKeyText(): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  return `ed25519:${publicKey.export({ format: 'jwk' }).x as string}`;
}

test('Members: add a checker by public key; the sharer becomes owner', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await createProjectInWindow(page, 'Shared check');
  await page.getByRole('button', { name: 'Members…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Members' });
  await expect(dialog).toContainText('This project is not shared yet');

  await dialog.getByRole('textbox', { name: 'Public key' }).fill('ed25519:not-a-key');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Bob');
  await dialog.getByRole('button', { name: 'Add member' }).click();
  await expect(dialog.getByRole('alert')).toContainText('incomplete or mistyped');

  await dialog.getByRole('textbox', { name: 'Public key' }).fill(publicKeyText());
  await dialog.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Checker' });
  await dialog.getByRole('button', { name: 'Add member' }).click();
  const list = dialog.getByRole('region', { name: 'Member list' }).getByRole('listitem');
  await expect(list).toHaveCount(2);
  await expect(list.nth(0)).toContainText('Owner');
  await expect(list.nth(1)).toContainText('Bob — Checker');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('Shared with 2 members')).toBeVisible();
});
