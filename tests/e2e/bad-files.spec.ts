/**
 * Opening files that are not valid projects: each shows an alert naming the file and the problem,
 * the file is never written to, and the app stays usable.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createProjectInWindow, expect, projectFiles, test } from './fixtures/workbench';

const validProject = {
  format: 'factcheck-workbench',
  schemaVersion: 1,
  id: 'p1',
  title: 'Fine project',
  createdAt: '2026-01-01T00:00:00.000Z',
  ratingScale: { id: 's', name: 'Scale', levels: [{ id: 'true', label: 'True', color: '#2e7d5b', description: '', rating: 5 }] },
  articles: [],
  claims: [],
  sources: [],
  links: [],
  history: [],
};

const badFiles: { name: string; content: string; problem: RegExp }[] = [
  {
    name: 'truncated.factcheck.json',
    content: JSON.stringify(validProject, null, 2).slice(0, 120),
    problem: /not valid JSON|truncated/i,
  },
  {
    name: 'other-program.factcheck.json',
    content: JSON.stringify({ name: 'my-package', version: '1.0.0', dependencies: {} }, null, 2),
    problem: /not a .*project/i,
  },
  {
    name: 'from-the-future.factcheck.json',
    content: JSON.stringify({ ...validProject, schemaVersion: 2 }, null, 2),
    problem: /newer version/i,
  },
  { name: 'empty.factcheck.json', content: '', problem: /empty/i },
];

test('invalid project files are reported, left untouched, and the app stays usable', async ({ page, workbench }) => {
  await fs.mkdir(workbench.projectsDir, { recursive: true });
  for (const bad of badFiles) await fs.writeFile(path.join(workbench.projectsDir, bad.name), bad.content);

  await page.goto(workbench.url);

  const mtimes = new Map<string, number>();
  for (const bad of badFiles) {
    const file = path.join(workbench.projectsDir, bad.name);
    const before = await fs.readFile(file);
    const mtimeBefore = (await fs.stat(file)).mtimeMs;

    await page.getByRole('button', { name: 'Open project', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Open project' });
    await dialog.getByRole('textbox', { name: 'Project file path' }).fill(file);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();

    const alert = page.getByRole('alert').filter({ hasText: bad.name });
    await expect(alert, `alert for ${bad.name}`).toBeVisible();
    await expect(alert).toContainText(bad.problem);

    expect((await fs.readFile(file)).equals(before), `${bad.name} unchanged`).toBe(true);
    expect((await fs.stat(file)).mtimeMs).toBe(mtimeBefore);
    mtimes.set(bad.name, mtimeBefore);
    await expect(page.getByRole('status').filter({ hasText: /Not saved/ })).toHaveCount(0);

    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    // Dismiss the message so the next file's alert is the only one.
    const dismiss = alert.getByRole('button', { name: 'Dismiss message' });
    if (await dismiss.count()) await dismiss.click();
  }

  // Still usable: create a project and see it saved. A stray write to a refused file would have
  // been queued before this save, so once it is on disk the refused files are checked again.
  const before = await projectFiles(workbench.projectsDir);
  await createProjectInWindow(page, 'After the bad files');
  await expect(page.getByRole('button', { name: 'Add article' }).first()).toBeVisible();
  await expect.poll(async () => (await projectFiles(workbench.projectsDir)).length).toBe(before.length + 1);
  await expect(page.getByRole('status').filter({ hasText: /^\s*Saved\s*$/ })).toBeVisible();
  for (const bad of badFiles) {
    const file = path.join(workbench.projectsDir, bad.name);
    expect(await fs.readFile(file, 'utf8')).toBe(bad.content);
    expect((await fs.stat(file)).mtimeMs, `${bad.name} not written`).toBe(mtimes.get(bad.name));
  }
});
