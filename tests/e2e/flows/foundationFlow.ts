/**
 * The foundation flow, shared by the browser-mode suite (tests/e2e) and the Electron suite
 * (tests/e2e-electron): new project → add an article → select a passage with the mouse → Mark claim
 * → statement, source, verdict → "Saved" and on disk → reload → all still there → undo until the
 * claim is gone → redo brings it back. Drives the UI by roles and names only.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { sharedFixture } from '../../unit/testPaths';
import { createProjectInWindow, expect, projectFiles, savedStatus, selectTextWithMouse } from '../fixtures/workbench';

export const FIXTURE_ARTICLE = sharedFixture('articles', 'petro-intel-sharing.txt');
const QUOTE = 'at least 75 people';
const STATEMENT = 'At least 75 people have been killed in the US strikes on boats in the Caribbean';
const SOURCE_URL = 'https://example.org/reports/caribbean-strikes-toll';

interface DiskProject {
  claims: { statement: string; target: { quote: { exact: string } }; verdict: { levelId: string | null } }[];
  sources: { url: string }[];
  links: unknown[];
}

async function readProject(file: string): Promise<DiskProject> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as DiskProject;
}

export async function runFoundationFlow(page: Page, projectsDir: string): Promise<void> {
  await createProjectInWindow(page, 'Caribbean strikes check');

  await page.getByLabel('Article file').setInputFiles(FIXTURE_ARTICLE);
  const reader = page.getByRole('region', { name: 'Article' });
  await expect(reader).toContainText(QUOTE);

  const claims = page.getByRole('list', { name: 'Claims' });
  await expect(claims.getByRole('listitem')).toHaveCount(0);

  await selectTextWithMouse(page, '[aria-label="Article"]', QUOTE);
  await page.getByRole('button', { name: 'Mark claim' }).click();
  await expect(claims.getByRole('listitem')).toHaveCount(1);

  const statement = page.getByRole('textbox', { name: 'Claim statement' });
  await statement.fill(STATEMENT);
  await statement.press('Tab');

  await page.getByRole('button', { name: 'Add source' }).click();
  const sourceUrl = page.getByRole('textbox', { name: 'Source URL' });
  await sourceUrl.fill(SOURCE_URL);
  await sourceUrl.press('Tab');

  await page.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'Mostly true' });
  await expect(savedStatus(page)).toBeVisible();

  // The file on disk holds the claim, its source and the verdict.
  const files = await projectFiles(projectsDir, ['sample.factcheck.json']);
  expect(files, `project files in ${projectsDir}`).toHaveLength(1);
  const file = files[0]!;
  await expect
    .poll(async () => {
      const project = await readProject(file);
      return {
        quotes: project.claims.map((c) => c.target.quote.exact),
        statements: project.claims.map((c) => c.statement),
        verdicts: project.claims.map((c) => c.verdict.levelId),
        urls: project.sources.map((s) => s.url),
        links: project.links.length,
      };
    })
    .toEqual({ quotes: [QUOTE], statements: [STATEMENT], verdicts: ['mostly-true'], urls: [SOURCE_URL], links: 1 });

  // Reload: everything comes back from the main side.
  await page.reload();
  await expect(reader).toContainText(QUOTE);
  await expect(claims.getByRole('listitem')).toHaveCount(1);
  await claims.getByRole('listitem').first().click();
  await expect(page.getByRole('textbox', { name: 'Claim statement' })).toHaveValue(STATEMENT);
  await expect(page.getByRole('textbox', { name: 'Source URL' })).toHaveValue(SOURCE_URL);
  await expect(page.getByRole('combobox', { name: 'Verdict' }).locator('option:checked')).toHaveText('Mostly true');
  await expect(savedStatus(page)).toBeVisible();

  // Undo step by step until the claim is gone; redo brings it back.
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  for (let i = 0; i < 10 && (await claims.getByRole('listitem').count()) > 0; i++) {
    await expect(undo).toBeEnabled();
    await undo.click();
  }
  await expect(claims.getByRole('listitem')).toHaveCount(0);
  await expect(reader).toContainText(QUOTE);
  await expect(savedStatus(page)).toBeVisible();
  await expect.poll(async () => (await readProject(file)).claims.length).toBe(0);

  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(claims.getByRole('listitem')).toHaveCount(1);
  await expect(savedStatus(page)).toBeVisible();
  // One redo re-does the "Mark claim" step (later edits stay undone until redone too).
  await expect.poll(async () => (await readProject(file)).claims.map((c) => c.target.quote.exact)).toEqual([QUOTE]);
}
