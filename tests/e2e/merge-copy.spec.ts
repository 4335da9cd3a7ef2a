/**
 * "Merge a copy…" in the real UI (browser mode): the copy is picked in the window's dialog (there is
 * no native file dialog in the browser), merged through the contract, the CLI's result line is shown
 * and a concurrent edit of the same field lands in the Conflicts region until someone picks a value.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { membersCommand } from '../../electron/cli/teamCommands';
import { loadOrCreateIdentity } from '../../electron/services/sync/identity';
import { createWorkbench } from '../../electron/services/workbench';
import type { Operation } from '../../shared/operations';
import { projectWithClaims, writeProjectFile } from '../support/projectFiles';
import { expect, openProjectInWindow, test } from './fixtures/workbench';
import { snap } from './fixtures/screens';

/** Changes made by someone else on their own machine (their data folder, their key pair). */
async function editAs(name: string, dataDir: string, file: string, ops: Operation[]): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ userName: name, role: 'checker' }));
  const workbench = createWorkbench({ dataDir, mode: 'browser', version: 't', resourcesDir: path.join(dataDir, 'none') });
  try {
    const { project } = await workbench.openProject({ path: file });
    await workbench.applyChanges({ projectId: project.id, baseSeq: project.history.length, changes: ops.map((op) => ({ kind: 'do', op })) });
  } finally {
    await workbench.dispose();
  }
}

test('Merge a copy…: picks the copy, shows the result line and the conflict, which a pick settles', async ({ page, workbench }) => {
  mkdirSync(workbench.projectsDir, { recursive: true });
  const mine = writeProjectFile(workbench.projectsDir, 'harbour', projectWithClaims({
    title: 'Harbour story',
    paragraphs: ['The harbour board awarded the dredging contract in March.', 'Dredging will cost 40 million over four years.'],
    claims: 2,
    levels: [null],
  }));
  // Sam shares the project with Bob (by Bob's public key) and sends him a copy.
  const home = path.join(workbench.dataDir, '..', `${path.basename(workbench.dataDir)}-bob`);
  const bob = await loadOrCreateIdentity(home);
  const lines: string[] = [];
  const added = await membersCommand([mine, 'add', 'Bob', bob.publicKey, '--role', 'checker', '--data-dir', workbench.dataDir], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  expect(added, lines.join('\n')).toBe(0);
  const theirs = path.join(workbench.projectsDir, 'harbour-from-bob.factcheck.json');
  copyFileSync(mine, theirs);
  await editAs('Bob', home, theirs, [
    { type: 'editClaim', claimId: 'claim-1', changes: { statement: 'Bob’s wording' } },
    { type: 'editClaim', claimId: 'claim-2', changes: { claimant: 'Harbour board' } },
  ]);
  // Meanwhile, on this machine, the same field of claim-1 changes too.
  await editAs('Sam Tester', workbench.dataDir, mine, [{ type: 'editClaim', claimId: 'claim-1', changes: { statement: 'Sam’s wording' } }]);

  await page.goto(workbench.url);
  await openProjectInWindow(page, mine);
  const result = page.getByRole('status', { name: 'Last merge' });
  await expect(result).toHaveText('');

  // A path that is not there: said so, nothing merged.
  await page.getByRole('button', { name: 'Merge a copy…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Merge a copy' });
  await dialog.getByRole('textbox', { name: 'Path of the copy' }).fill(path.join(workbench.projectsDir, 'nowhere.factcheck.json'));
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.getByText(/There is no file at .*nowhere\.factcheck\.json/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(page.getByRole('region', { name: 'Conflicts' })).toHaveCount(0);

  // The keyboard (the File menu's item sends it in the desktop app) opens the same dialog; the open project is not offered.
  await page.locator('body').press('Control+Shift+M');
  dialog = page.getByRole('dialog', { name: 'Merge a copy' });
  const choices = dialog.getByRole('list', { name: 'Project files to merge' }).getByRole('button');
  await expect(choices).toHaveCount(1);
  await expect(choices).toContainText('harbour-from-bob.factcheck.json');
  await snap(page, 'merge-dialog');
  await choices.click();
  await expect(dialog).toBeHidden();

  await expect(result).toContainText('merged: 2 new, 3 already present, 1 conflicts');
  const conflicts = page.getByRole('region', { name: 'Conflicts' });
  await expect(conflicts).toContainText('statement was changed on two copies at once');
  await expect(conflicts).toContainText('Bob’s wording');
  await expect(conflicts).toContainText('Sam’s wording');
  await snap(page, 'merge-result');

  await conflicts.getByRole('button', { name: 'Keep “Bob’s wording” by Bob for statement of claim-1' }).click();
  await expect(conflicts).toHaveCount(0);
  await page.getByRole('button', { name: 'Dismiss the merge result' }).click();
  await expect(result).toHaveText('');
});
