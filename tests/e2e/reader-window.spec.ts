/**
 * The windowed reader on a long article (a generated project file, 600,000 characters): only the
 * blocks near the view are in the DOM, yet a selection maps to exact offsets in the article's text,
 * a claim far down is reached by keyboard and highlighted, and "Find in article" reaches a match
 * near the end.
 */
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { savedStatus, selectTextWithMouse, startWorkbench, type RunningWorkbench } from './fixtures/workbench';
import { writeLongArticleProject, type LongArticleProject } from '../support/longArticle';
import { lookAt } from './fixtures/screens';

const CHARS = 600_000;
const CLAIMS = 40;
let dir: string;
let file: string;
let host: RunningWorkbench;
let made: LongArticleProject;

test.beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-reader-window-'));
  file = path.join(dir, 'long.factcheck.json');
  made = await writeLongArticleProject(file, CHARS, CLAIMS);
  host = await startWorkbench({ extraArgs: [file] });
});

test.afterAll(async () => {
  await host?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

/** The rule that colours a named highlight ('' when the page has none). */
function highlightRule(page: Page, name: string) {
  return page.evaluate(
    (name) =>
      document.adoptedStyleSheets
        .flatMap((sheet) => [...sheet.cssRules])
        .find((rule) => rule.cssText.startsWith(`::highlight(${name})`))?.cssText ?? '',
    name,
  );
}

/** The text of a named highlight's ranges, and whether the first lies inside the reader's view. */
function highlighted(page: Page, name: string) {
  return page.evaluate((name) => {
    const ranges = [...(CSS.highlights.get(name) ?? [])] as Range[];
    const view = document.querySelector('.reader')!.getBoundingClientRect();
    const box = ranges[0]?.getBoundingClientRect();
    return { text: ranges.map((r) => r.toString()).join('|'), inView: Boolean(box && box.height > 0 && box.top >= view.top && box.bottom <= view.bottom) };
  }, name);
}

test('a long article: windowed blocks, exact selection offsets, a far claim by keyboard, find far down', async ({ page }) => {
  const article = made.project.articles[0]!;
  const blockCount = article.blocks.length;
  await page.goto(host.url);
  const reader = page.getByRole('region', { name: 'Article' });
  await expect(reader.locator('[data-block-index="1"]')).toBeVisible({ timeout: 60_000 });
  // Windowed: a small part of the article's blocks is in the DOM.
  expect(await reader.locator('[data-block-index]').count()).toBeLessThan(blockCount / 10);

  // Scroll to the middle; select a passage there with the mouse and mark it: the claim's offsets are exact.
  await reader.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  // The blocks there are rendered after the scroll event (a frame later, later still on a busy machine).
  const blockInView = () =>
    reader.evaluate((el) => {
      const view = el.getBoundingClientRect();
      const block = [...el.querySelectorAll<HTMLElement>('[data-block-index]')].find((b) => b.getBoundingClientRect().top > view.top + 40 && b.getBoundingClientRect().top < view.bottom);
      return block ? Number(block.getAttribute('data-block-index')) : -1;
    });
  await expect.poll(blockInView, { timeout: 10_000 }).toBeGreaterThan(blockCount / 4);
  const middle = await blockInView();
  const blockText = article.blocks[middle]!.text;
  const passage = blockText.split(' ').slice(2, 7).join(' ');
  await selectTextWithMouse(page, `[data-block-index="${middle}"]`, passage);
  await page.getByRole('button', { name: 'Mark claim', exact: true }).click();
  await expect(page.locator('.claims-count')).toHaveText(String(CLAIMS + 1));
  await expect(savedStatus(page)).toBeVisible();
  const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { claims: { target: { position: { start: number; end: number }; quote: { exact: string } } }[] };
  const marked = saved.claims.find((claim) => claim.target.quote.exact === passage)!;
  const expectedStart = article.text.indexOf(blockText) + blockText.indexOf(passage);
  expect(marked.target.position).toEqual({ start: expectedStart, end: expectedStart + passage.length });
  expect(article.text.slice(marked.target.position.start, marked.target.position.end)).toBe(passage);

  // By keyboard: the claim list's End selects the last claim, far below; the reader brings it into view, highlighted.
  await reader.evaluate((el) => el.scrollTo({ top: 0 }));
  const list = page.getByRole('list', { name: 'Claims', exact: true });
  await list.getByRole('listitem').first().getByRole('button').focus();
  await page.keyboard.press('End');
  const lastLead = `Paragraph ${made.claimBlocks.at(-1)! - 1}.`;
  await expect.poll(() => highlighted(page, 'claim-selected')).toEqual({ text: lastLead, inView: true });
  // And p in the article goes back one claim, again out of the rendered window, again highlighted.
  await reader.evaluate((el) => el.scrollTo({ top: 0 }));
  await reader.focus();
  await page.keyboard.press('p');
  const previousLead = `Paragraph ${made.claimBlocks.at(-2)! - 1}.`;
  await expect.poll(() => highlighted(page, 'claim-selected')).toEqual({ text: previousLead, inView: true });

  // Find in article (Ctrl+F comes to it): a match only near the end is reached and drawn.
  await reader.evaluate((el) => el.scrollTo({ top: 0 }));
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in article' });
  await expect(find).toBeFocused();
  const nearEnd = `Paragraph ${blockCount - 3}.`;
  await find.fill(nearEnd);
  await expect(page.locator('.find-count')).toHaveText('1 of 1');
  await expect.poll(() => highlighted(page, 'find-current')).toEqual({ text: nearEnd, inView: true });
  // And coloured: the page carries the rule of each highlight that draws (and only of those).
  expect(await highlightRule(page, 'find-current')).toContain('background-color');
  expect(await highlightRule(page, 'claim-selected')).toContain('text-decoration');
  await lookAt(page, 'find-in-article');
  // Next and Previous step through many matches, counting them in the whole article.
  await find.fill('Parliament');
  const total = article.text.match(/parliament/gi)!.length;
  await expect(page.locator('.find-count')).toHaveText(`1 of ${total.toLocaleString('en')}`);
  await find.press('Enter');
  await find.press('Enter');
  await expect(page.locator('.find-count')).toHaveText(`3 of ${total.toLocaleString('en')}`);
  await expect.poll(async () => (await highlighted(page, 'find-current')).inView).toBe(true);
  await page.getByRole('button', { name: 'Previous match' }).click();
  await expect(page.locator('.find-count')).toHaveText(`2 of ${total.toLocaleString('en')}`);
  await find.fill('no such words anywhere');
  await expect(page.locator('.find-count')).toHaveText('No matches');
});
