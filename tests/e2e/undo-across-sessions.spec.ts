/**
 * Undo works across sessions: an edit made in one session is undone after the project was closed,
 * the host stopped and started again on the same data folder, and the project opened anew.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseProjectFile } from '../../shared/projectFile';
import { projectWithClaims, writeProjectFile } from '../support/projectFiles';
import { expect, openProjectInWindow, savedStatus, startWorkbench, test } from './fixtures/workbench';
import { sha256Hex } from '../../electron/services/intake/sha256';

const PARAGRAPHS = [
  'The harbour authority said the new quay will open in March after two years of building work.',
  'Officials said 40 ships a week will use it, twice as many as the old quay could take.',
];

/** The first claim's statement as saved in the project file. */
async function statementOnDisk(file: string): Promise<string | undefined> {
  const parsed = parseProjectFile(await fs.readFile(file, 'utf8'), sha256Hex);
  return parsed.ok ? parsed.project.claims[0]?.statement : undefined;
}

test('an edit made before the host stopped is undone after it starts again', async ({ page }) => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-e2e-undo-'));
  try {
    const projectsDir = path.join(dataDir, 'projects');
    await fs.mkdir(projectsDir, { recursive: true });
    const file = writeProjectFile(projectsDir, 'harbour', projectWithClaims({ title: 'Harbour', paragraphs: PARAGRAPHS, claims: 2 }));
    const statement = page.getByRole('textbox', { name: 'Claim statement' });
    const claims = page.getByRole('list', { name: 'Claims', exact: true });

    // First session: change a claim's statement and see it saved.
    const first = await startWorkbench({ dataDir });
    let original = '';
    try {
      await page.goto(first.url);
      await openProjectInWindow(page, file);
      await claims.getByRole('listitem').first().click();
      original = await statement.inputValue();
      expect(original).not.toBe('');
      await statement.fill('The quay opens in March, the authority says.');
      await statement.press('Tab');
      await expect.poll(() => statementOnDisk(file)).toBe('The quay opens in March, the authority says.');
      await expect(savedStatus(page)).toBeVisible();
      await page.getByRole('button', { name: 'Close project' }).click();
      await expect(claims).toHaveCount(0);
    } finally {
      await first.stop();
    }

    // Second session, a new host process on the same data folder: open and undo.
    const second = await startWorkbench({ dataDir });
    try {
      await page.goto(second.url);
      await openProjectInWindow(page, file);
      await claims.getByRole('listitem').first().click();
      await expect(statement).toHaveValue('The quay opens in March, the authority says.');
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      await expect(statement).toHaveValue(original);
      // The undo is saved like any edit: the file holds the original statement again.
      await expect.poll(() => statementOnDisk(file)).toBe(original);
      await expect(savedStatus(page)).toBeVisible();
      // Undo again reaches the change made before either session (the claims' batch).
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      await expect(claims.getByRole('listitem')).toHaveCount(0);
    } finally {
      await second.stop();
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
});
