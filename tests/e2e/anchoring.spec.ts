/**
 * Re-anchoring in the real UI (browser mode): update an article with a revised copy → the
 * re-anchoring summary, a changed claim shows old and new wording with the difference marked,
 * accept it; and highlights never touch the article DOM while 1,000 claims (a generated project
 * file, opened through the window) are removed and added again by Undo and Redo.
 */
import { promises as fs } from 'node:fs';
import type { Page } from '@playwright/test';
import { projectWithClaims, writeProjectFile } from '../support/projectFiles';
import { createProjectInWindow, expect, openProjectInWindow, selectTextWithMouse, test } from './fixtures/workbench';
import { snap } from './fixtures/screens';

const para = (n: number) => `Paragraph ${n} gives the wider background of the dispute in some detail, with filler words for the reader.`;
const ORIGINAL = [
  'Strikes in the Caribbean',
  'The strikes have killed at least 75 people, officials said on Tuesday.',
  para(1),
  'The minister did not deny that the order came from the capital.',
  para(2),
  'Senator Maria Lopez said the navy acted alone in the operation.',
  para(3),
].join('\n\n');
const REVISED = [
  'Strikes in the Caribbean',
  'Editor’s note: this article was updated with new figures.',
  'The strikes have killed at least 80 people, officials said on Tuesday.',
  para(1),
  'The minister denied that the order came from the capital.',
  para(2),
  para(3),
].join('\n\n');

async function newProjectWithArticle(page: Page, text: string): Promise<void> {
  await createProjectInWindow(page, 'Re-anchoring check');
  await page.getByLabel('Article file').setInputFiles({ name: 'strikes.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await expect(page.getByRole('region', { name: 'Article' })).toContainText('at least 75 people');
}

async function mark(page: Page, quote: string): Promise<void> {
  await selectTextWithMouse(page, '[aria-label="Article"]', quote);
  await page.getByRole('button', { name: 'Mark claim' }).click();
}

test('update an article: summary, old and new wording side by side, accept the new span', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await newProjectWithArticle(page, ORIGINAL);
  const claims = page.getByRole('list', { name: 'Claims', exact: true });
  const orphanFlag = page.locator('.claim-item-flag.is-orphaned');
  await mark(page, 'at least 75 people');
  await page.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'True' });
  // A source with an offline copy, so the claim's history has attachment steps too.
  await page.getByRole('button', { name: 'Add source' }).click();
  const source = page.getByRole('listitem', { name: /^Source 1/ });
  await source.getByLabel('Attachment file').setInputFiles({ name: 'toll.md', mimeType: 'text/markdown', buffer: Buffer.from('# Toll\n\n80 people.\n') });
  await expect(source.getByRole('list', { name: 'Attachments' })).toContainText('toll.md');
  await mark(page, 'did not deny that the order');
  await mark(page, 'the navy acted alone');
  await mark(page, 'wider background of the dispute');
  await expect(claims.getByRole('listitem')).toHaveCount(4);

  await page.getByRole('button', { name: 'Update article…' }).click();
  await page.getByLabel('Newer copy to update from').setInputFiles({ name: 'strikes-v2.txt', mimeType: 'text/plain', buffer: Buffer.from(REVISED) });

  const review = page.getByRole('region', { name: 'Re-anchoring review' });
  await expect(review.getByTestId('reanchor-summary')).toHaveText('0 exact · 1 moved · 2 changed · 1 orphaned');
  const reader = page.getByRole('region', { name: 'Article' });
  await expect(reader).toContainText('at least 80 people');

  const changed = review.getByRole('listitem', { name: 'Changed claim' });
  await expect(changed).toHaveCount(2);
  const number = changed.filter({ hasText: 'Changed: number' });
  await expect(number.getByLabel('Old wording')).toContainText('at least 75 people');
  await expect(number.getByLabel('New wording')).toContainText('at least 80 people');
  await expect(number.getByLabel('Old wording').locator('del')).toHaveText('75');
  await expect(number.getByLabel('New wording').locator('ins')).toHaveText('80');
  await expect(changed.filter({ hasText: 'Changed: negation' })).toHaveCount(1);

  const orphan = review.getByRole('listitem', { name: 'Orphaned claim' });
  await expect(orphan).toContainText('the navy acted alone');
  await expect(claims.getByRole('listitem').filter({ has: orphanFlag })).toHaveCount(1);
  await expect(claims.getByRole('listitem')).toHaveCount(4); // nothing dropped
  // the claim with a verdict whose wording changed needs a re-check
  await expect(claims.getByRole('listitem').filter({ has: page.locator('.claim-item-flag.is-recheck') })).toHaveCount(1);
  await claims.getByRole('listitem').filter({ hasText: 'at least 75 people' }).click();
  await expect(page.getByRole('note', { name: 'Article update' })).toContainText('Needs re-check');
  await snap(page, 'reanchor-review');

  await number.getByRole('button', { name: 'Accept new span' }).click();
  await expect(changed).toHaveCount(1);
  await expect(claims.getByRole('listitem').filter({ hasText: 'at least 80 people' })).toHaveCount(1);

  await orphan.getByRole('button', { name: 'Keep as orphaned' }).click();
  await expect(review.getByRole('listitem', { name: 'Orphaned claim' })).toHaveCount(0);
  await expect(claims.getByRole('listitem').filter({ has: orphanFlag })).toHaveCount(1);

  // History filtered by the claim shows its re-anchoring and attachment steps, and none of another claim's.
  await claims.getByRole('listitem').filter({ hasText: 'at least 80 people' }).click();
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('region', { name: 'History' });
  await history.getByRole('combobox', { name: 'Show changes of' }).selectOption({ label: 'The selected claim' });
  const steps = history.getByRole('listitem');
  for (const step of ['Mark claim', 'Set verdict', 'Add source', 'Attach file', 'Update article', 'Accept new claim span']) {
    await expect(steps.filter({ hasText: step }), step).toHaveCount(1);
  }
  await expect(steps.filter({ hasText: 'Keep claim orphaned' })).toHaveCount(0);
  await expect(steps.filter({ hasText: 'Add article' })).toHaveCount(0);
  await history.getByRole('button', { name: 'Close history' }).click();

  // Each decision is undoable; the update itself too (one step restores the old text and claims).
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(review.getByRole('listitem', { name: 'Orphaned claim' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(reader).toContainText('at least 75 people');
  await expect(claims.getByRole('listitem').filter({ has: orphanFlag })).toHaveCount(0);
});

test('the article DOM is not changed while 1,000 claims are removed and added again', async ({ page, workbench }) => {
  const paragraphs = [
    'at least 75 people.',
    ...Array.from({ length: 60 }, (_, i) => `Paragraph ${i} reports that officials said ${i * 7} boats were hit near the coast, and that the figures are disputed by observers in the region.`),
  ];
  await fs.mkdir(workbench.projectsDir, { recursive: true });
  const file = writeProjectFile(workbench.projectsDir, 'thousand-claims', projectWithClaims({ title: 'Thousand claims', paragraphs, claims: 1000 }));
  await page.goto(workbench.url);
  await openProjectInWindow(page, file);
  const rangeCount = () => page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
  // With this many claims the reader draws highlights in and near view only: every claim there has its range.
  const drawnClaims = () =>
    page.evaluate(() => {
      const detail = (performance.getEntriesByName('claim-highlights').at(-1) as PerformanceMeasure | undefined)?.detail as { count: number; painted: number } | undefined;
      const ranges = [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
      return detail && detail.count === 1000 && ranges >= detail.painted ? detail.painted : 0;
    });
  await expect.poll(drawnClaims).toBeGreaterThan(0);
  expect(await drawnClaims()).toBeLessThan(1000);
  expect(await page.evaluate(() => document.querySelectorAll('.reader-body span, .reader-body mark').length)).toBe(0);

  await page.evaluate(() => {
    const body = document.querySelector('.reader-body')!;
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(body, { subtree: true, childList: true, characterData: true, attributes: true });
    (window as unknown as { __mutations: () => number }).__mutations = () => records.length + observer.takeRecords().length;
  });
  const claims = page.getByRole('list', { name: 'Claims', exact: true });
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(rangeCount).toBe(0);
  await expect(claims.getByRole('listitem')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect.poll(drawnClaims).toBeGreaterThan(0);
  // The list is windowed: the rows in view are rendered, each saying its place among all 1,000.
  await expect(claims.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '1000');
  expect(await page.evaluate(() => (window as unknown as { __mutations: () => number }).__mutations())).toBe(0);
  // Scrolled to the end, the claims further down are drawn as they come near.
  const lastDrawnBlock = () =>
    page.evaluate(() => Math.max(-1, ...[...CSS.highlights.values()].flatMap((h) => [...h].map((range) => Number((range as Range).startContainer.parentElement?.getAttribute('data-block-index') ?? -1)))));
  const before = await lastDrawnBlock();
  await page.locator('.reader').evaluate((reader) => reader.scrollTo(0, reader.scrollHeight));
  await expect.poll(lastDrawnBlock).toBeGreaterThan(before);
});

test('keyboard in the reader: next / previous claim, open claim, mark claim', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await newProjectWithArticle(page, ORIGINAL);
  const claims = page.getByRole('list', { name: 'Claims', exact: true });
  // marked out of reading order on purpose: the keyboard follows the text
  await mark(page, 'the navy acted alone');
  await mark(page, 'at least 75 people');
  await expect(claims.getByRole('listitem')).toHaveCount(2);
  const reader = page.getByRole('region', { name: 'Article' });
  await reader.focus();
  // the claim just marked ("at least 75 people") is selected; next in reading order is the navy claim
  await expect(claims.locator('[aria-current="true"]')).toContainText('at least 75 people');
  await page.keyboard.press('n');
  await expect(claims.locator('[aria-current="true"]')).toContainText('the navy acted alone');
  await page.keyboard.press('p');
  await expect(claims.locator('[aria-current="true"]')).toContainText('at least 75 people');
  await page.keyboard.press('j');
  await expect(claims.locator('[aria-current="true"]')).toContainText('the navy acted alone');
  await selectTextWithMouse(page, '[aria-label="Article"]', 'wider background of the dispute');
  await page.keyboard.press('m');
  await expect(claims.getByRole('listitem')).toHaveCount(3);
  await reader.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Claim statement' })).toBeFocused();
});
