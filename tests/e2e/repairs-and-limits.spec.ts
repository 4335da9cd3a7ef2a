/**
 * A project file edited outside the app opens with what was repaired said in a notice, and is not
 * written until the user changes something; long unbroken words (1 MB of notes in one word) wrap
 * inside the claim panel instead of pushing it sideways.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../../electron/services/intake/sha256';
import { parseProjectFile, serializeProject } from '../../shared/projectFile';
import { claimOn } from '../support/claimOn';
import { apply, projectWithArticle, source } from './fixtures/builtProject';
import { callHost } from './fixtures/hostApi';
import { expect, openProjectInWindow, savedStatus, test } from './fixtures/workbench';

test('a file edited outside the app opens repaired, says so, and is written only after a change', async ({ page, workbench }) => {
  let project = projectWithArticle('Edited by hand', ['The strikes have killed at least 75 people.', 'The minister said the budget grew by 4 percent.']);
  project = apply(project, { type: 'addClaim', claim: claimOn(project.articles[0]!, 'c1', 'at least 75 people') });
  project = apply(project, { type: 'addClaim', claim: claimOn(project.articles[0]!, 'c2', 'grew by 4 percent') });
  // Someone adds a line on top of the article in a text editor (and does not update the hash).
  const raw = JSON.parse(serializeProject(project));
  raw.articles[0].blocks.unshift({ type: 'paragraph', text: 'Updated on Tuesday.' });
  raw.articles[0].text = raw.articles[0].blocks.map((b: { text: string }) => b.text).join('\n\n');
  await fs.mkdir(workbench.projectsDir, { recursive: true });
  const file = path.join(workbench.projectsDir, 'edited.factcheck.json');
  const edited = `${JSON.stringify(raw, null, 2)}\n`;
  await fs.writeFile(file, edited);

  await page.goto(workbench.url);
  await openProjectInWindow(page, file);
  const notice = page.getByRole('alert').filter({ hasText: 'edited.factcheck.json' });
  await expect(notice).toContainText('2 claims re-anchored after the file was edited outside the app');
  await expect(notice).toContainText('hash');
  // The claims are where their words now are.
  await page.getByRole('list', { name: 'Claims' }).getByRole('button').first().click();
  await expect(page.getByRole('region', { name: 'Claim' }).getByLabel('Quoted text')).toHaveText('at least 75 people');

  // Opening wrote nothing and left nothing to write: the main side still reports the repairs (it
  // forgets them once it writes) and has no save pending.
  expect((await callHost<{ repairs: unknown[] }>(page.request, workbench, 'getOpenProject')).value.repairs).toHaveLength(2);
  expect((await callHost(page.request, workbench, 'getSaveStatus')).value).toMatchObject({ state: 'saved' });
  await expect(savedStatus(page)).toBeVisible();
  expect(await fs.readFile(file, 'utf8')).toBe(edited);

  // The first change writes the repaired project; it then opens with nothing to repair.
  const statement = page.getByRole('region', { name: 'Claim' }).getByRole('textbox', { name: 'Claim statement' });
  await statement.fill('At least 75 people were killed');
  await statement.blur();
  await expect(savedStatus(page)).toBeVisible();
  const reread = parseProjectFile(await fs.readFile(file, 'utf8'), sha256Hex);
  expect(reread.ok && reread.repairs).toEqual([]);
  // The file as it was is kept as the backup.
  expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe(edited);
});

test('long unbroken words wrap inside the claim panel (1 MB of notes in one word)', async ({ page, workbench }) => {
  const word = (n: number, letter = 'w') => letter.repeat(n);
  let project = projectWithArticle('Long words', ['The strikes have killed at least 75 people.']);
  project = apply(project, {
    type: 'addClaim',
    claim: claimOn(project.articles[0]!, 'c1', 'at least 75 people', {
      statement: word(10_000, 's'),
      claimant: word(2_000, 'c'),
      verdict: { levelId: null, rationale: word(200_000, 'r'), conclusion: word(2_000, 'k') },
    }),
  });
  project = apply(project, { type: 'addSource', source: source('s1', { notes: word(1_000_000, 'n'), title: word(2_000, 't') }) });
  project = apply(project, { type: 'linkSource', link: { id: 'l1', claimId: 'c1', sourceId: 's1', stance: 'supports', excerpt: word(100_000, 'e') } });
  project = apply(project, { type: 'postComment', comment: { id: 'm1', claimId: 'c1', author: 'Tester', at: '2026-11-25T10:00:00.000Z', text: word(100_000, 'm') } });
  await fs.mkdir(workbench.projectsDir, { recursive: true });
  const file = path.join(workbench.projectsDir, 'long-words.factcheck.json');
  await fs.writeFile(file, serializeProject(project));

  await page.goto(workbench.url);
  await openProjectInWindow(page, file);
  await page.getByRole('list', { name: 'Claims' }).getByRole('button').first().click();
  const panel = page.getByRole('region', { name: 'Claim' });
  // The source opens as one line; the checker opens it to read its notes.
  const summary = panel.getByRole('listitem', { name: /^Source 1/ }).getByRole('button', { name: /^1\s*t{2000}\s*·?\s*Supports/ });
  await expect(summary).toHaveAttribute('aria-expanded', 'false');
  await summary.click();
  await expect(summary).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.getByRole('textbox', { name: 'Notes' })).toHaveValue(word(1_000_000, 'n'));
  await expect(panel.getByRole('group', { name: 'Rationale preview' })).toBeVisible();

  // Nothing in the panel is wider than the panel: every long word wraps where it is shown.
  const overflowing = await panel.evaluate((root) => {
    const width = root.getBoundingClientRect().right;
    return [root, ...root.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 || el.scrollWidth > el.clientWidth + 1)
      .filter((el) => getComputedStyle(el).overflowX !== 'auto' && getComputedStyle(el).overflowX !== 'scroll')
      // Cut on purpose, inside the panel: one-line inputs scroll their value, a one-line summary ends in "…", screen-reader-only text is not shown.
      .filter((el) => el.getBoundingClientRect().right > width + 1 || !(el.matches('input, .visually-hidden') || getComputedStyle(el).textOverflow === 'ellipsis'))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className || '(no class)'}`);
  });
  expect(overflowing).toEqual([]);
});
