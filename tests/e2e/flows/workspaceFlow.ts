/**
 * Small steps the ergonomics specs share: a new project with one text article, marking a passage
 * with the mouse, the claim list, the on-disk project, and where keyboard focus is.
 */
import { promises as fs } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { createProjectInWindow, expect, projectFiles, selectTextWithMouse } from '../fixtures/workbench';

export const ARTICLE_TEXT = [
  'Ferry strike ends after three days',
  'The strike that stopped the island ferries ended on Friday after the operator agreed to hire 40 more crew.',
  'Union officials said at least 75 people had been stranded on the outer islands since Tuesday.',
  'The operator said services would return to the normal timetable by Sunday evening.',
].join('\n\n');

export async function newProjectWithArticle(page: Page, url: string, title = 'Ergonomics check', text = ARTICLE_TEXT, fileName = 'ferry.txt'): Promise<void> {
  await page.goto(url);
  await createProjectInWindow(page, title);
  await page.getByLabel('Article file', { exact: true }).setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(page.getByRole('region', { name: 'Article', exact: true })).toContainText(text.split('\n\n')[1]!.slice(0, 40));
}

export function claimList(page: Page): Locator {
  return page.getByRole('list', { name: 'Claims', exact: true });
}

export async function markWithMouse(page: Page, quote: string): Promise<void> {
  const before = await claimList(page).getByRole('listitem').count();
  await selectTextWithMouse(page, '[aria-label="Article"] .reader-body', quote);
  await page.getByRole('button', { name: 'Mark claim', exact: true }).click();
  await expect(claimList(page).getByRole('listitem')).toHaveCount(before + 1);
  await expect(page.getByLabel('Quoted text')).toHaveText(quote);
}

/** The one project file the test made (the sample left out). */
export async function readProjectFile(projectsDir: string): Promise<{
  articles: { text: string }[];
  claims: { id: string; statement: string; target: { position: { start: number; end: number }; quote: { exact: string } }; dueDate?: string; assignee?: string }[];
  links: { stance?: string }[];
  history: unknown[];
  [key: string]: unknown;
}> {
  const [file] = await projectFiles(projectsDir, ['sample.factcheck.json']);
  if (!file) throw new Error(`No project file in ${projectsDir}`);
  return JSON.parse(await fs.readFile(file, 'utf8'));
}

/** Describes the focused element (tag, role, accessible-ish name) and whether it is inside `selector`. */
export function focusInside(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((selector) => {
    const active = document.activeElement;
    return Boolean(active && active !== document.body && active.closest(selector));
  }, selector);
}

/** The history entries the window shows (count), read from the History panel and closed again. */
export async function historyCount(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'History', exact: true }).click();
  const history = page.getByRole('region', { name: 'History' });
  // The panel's content is a chunk of its own: wait for the list (or its absence) rather than the frame.
  await expect(history.getByRole('list', { name: 'Changes' }).or(history.getByText('No changes recorded'))).toBeVisible();
  const empty = await history.getByText('No changes recorded').count();
  const count = empty ? 0 : await history.getByRole('list', { name: 'Changes' }).getByRole('listitem').count();
  await history.getByRole('button', { name: 'Close history' }).click();
  await expect(history).toBeHidden();
  return count;
}
