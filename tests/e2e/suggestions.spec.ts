/**
 * Claim suggestions in the reader: toggled on the sample, highlighted with their own highlight and
 * listed with reasons; the pointer over a suggested passage finds it; s / Shift+S move between them;
 * accepting one makes a claim on exactly that span (undo takes it back); a dismissed one stays gone
 * after a reload; a sentence the fact-check archive holds is marked "Checked before". Screenshots: fixtures/screens.ts.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { lookAt } from './fixtures/screens';
import { importFeed } from './fixtures/archiveFeed';
import { expect, test } from './fixtures/workbench';

const toggle = (page: Page) => page.getByRole('button', { name: 'Suggestions', exact: true });
const suggestionList = (page: Page) => page.getByRole('list', { name: 'Suggestion list' });
const claimList = (page: Page) => page.getByRole('list', { name: 'Claims', exact: true });

/** The suggested passages painted in the reader, as text. */
function paintedSuggestions(page: Page, name = 'claim-suggestion'): Promise<string[]> {
  return page.evaluate((name) => [...(CSS.highlights.get(name) ?? [])].map((range) => (range as Range).toString()), name);
}

/** Whole count from the "N suggestions" status. */
async function suggestionCount(page: Page): Promise<number> {
  const text = await page.getByRole('status').filter({ hasText: /^\d+ suggestions?$/ }).textContent();
  return Number.parseInt(text ?? '', 10);
}

test.use({ viewport: { width: 1280, height: 720 } });

test('suggestions: toggle, hover, keys, accept as claim with undo, dismiss survives a reload', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await expect(claimList(page).getByRole('listitem')).not.toHaveCount(0);
  const claimsBefore = await claimList(page).getByRole('listitem').count();

  // Off at first: no suggestion painted, no list.
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(suggestionList(page)).toHaveCount(0);

  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: /^\d+ suggestions?$/ })).toBeVisible();
  const count = await suggestionCount(page);
  expect(count).toBeGreaterThan(3);
  const items = suggestionList(page).getByRole('listitem');
  await expect(items).toHaveCount(count);
  // Every listed suggestion is painted in the reader with the suggestion highlight, and shows its reasons.
  await expect.poll(() => paintedSuggestions(page).then((t) => t.length)).toBe(count);
  await expect(items.first().locator('.suggestion-reason').first()).toBeVisible();
  // Passages already marked as claims are not suggested again.
  for (const text of await paintedSuggestions(page)) expect(text).not.toContain('the largest evacuation');

  // The pointer over a suggested passage (a highlight, not an element) marks it in the list.
  await lookAt(page, 'suggestions');
  const target = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('claim-suggestion') ?? [])][1] as Range;
    const rect = range.getClientRects()[0];
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: range.toString() };
  });
  await page.mouse.move(target.x, target.y);
  await expect(suggestionList(page).locator('.suggestion-item.is-hovered')).toHaveCount(1);
  await expect.poll(() => paintedSuggestions(page, 'claim-suggestion-active')).toEqual([target.text]);
  await page.mouse.move(5, 5);
  await expect(suggestionList(page).locator('.suggestion-item.is-hovered')).toHaveCount(0);

  // Keys in the reader: s selects the next suggestion, Shift+S the previous; n stays for claims.
  const reader = page.getByRole('region', { name: 'Article' });
  await reader.focus();
  await page.keyboard.press('s');
  await expect(items.nth(0).getByRole('button').first()).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('s');
  await page.keyboard.press('s');
  await expect(items.nth(2).getByRole('button').first()).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Shift+S');
  await expect(items.nth(1).getByRole('button').first()).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('n');
  await expect(claimList(page).locator('.claim-item.is-selected')).toHaveCount(1);
  await expect(items.nth(1).getByRole('button').first()).toHaveAttribute('aria-current', 'true');

  // Accept as claim: a claim on exactly that sentence; the suggestion leaves the list; undo brings it back.
  const accepted = (await paintedSuggestions(page, 'claim-suggestion-active'))[0];
  await suggestionList(page).getByRole('button', { name: 'Accept as claim' }).click();
  await expect(claimList(page).getByRole('listitem')).toHaveCount(claimsBefore + 1);
  await expect(page.getByRole('textbox', { name: 'Claim statement' })).toHaveValue(accepted);
  await expect(items).toHaveCount(count - 1);
  expect(await paintedSuggestions(page)).not.toContain(accepted);
  await lookAt(page, 'suggestions-accepted');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(claimList(page).getByRole('listitem')).toHaveCount(claimsBefore);
  await expect(items).toHaveCount(count);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(claimList(page).getByRole('listitem')).toHaveCount(claimsBefore + 1);
  await expect(items).toHaveCount(count - 1);

  // Dismiss suggestion: gone now, and after a reload.
  await items.first().getByRole('button').first().click();
  const dismissed = (await paintedSuggestions(page, 'claim-suggestion-active'))[0];
  await suggestionList(page).getByRole('button', { name: 'Dismiss suggestion' }).click();
  await expect(items).toHaveCount(count - 2);
  expect(await paintedSuggestions(page)).not.toContain(dismissed);
  await expect(page.getByRole('status').filter({ hasText: /^\s*Saved\s*$/ })).toBeVisible();

  await page.reload();
  await expect(claimList(page).getByRole('listitem')).toHaveCount(claimsBefore + 1);
  await toggle(page).click();
  await expect(items).toHaveCount(count - 2);
  expect(await paintedSuggestions(page)).not.toContain(dismissed);
  expect(await paintedSuggestions(page)).not.toContain(accepted);
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${count - 2} suggestions$`) })).toBeVisible();

  // The screens, light and dark, at both sizes.
  await items.nth(1).getByRole('button').first().click();
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  await lookAt(page, 'suggestions');
});

test('a suggested sentence the fact-check archive already holds is marked "Checked before" with its verdict', async ({ page, workbench }) => {
  test.setTimeout(180_000);
  await page.goto(workbench.url);
  await expect(claimList(page).getByRole('listitem')).not.toHaveCount(0);
  await toggle(page).click();
  const items = suggestionList(page).getByRole('listitem');
  await expect.poll(() => paintedSuggestions(page).then((t) => t.length)).toBeGreaterThan(1);
  const [first, second] = await paintedSuggestions(page);
  // Nothing imported yet: no mark once the lookups have had their time.
  await expect(items.first()).toBeVisible();
  await expect(suggestionList(page)).not.toContainText('Checked before');

  const feed = path.join(workbench.dataDir, 'suggested-feed.json');
  await fs.writeFile(
    feed,
    JSON.stringify([
      {
        '@type': 'ClaimReview',
        claimReviewed: first,
        url: 'https://checks.example/suggested',
        author: { '@type': 'Organization', name: 'Harbour Check' },
        datePublished: '2025-10-02',
        reviewRating: { '@type': 'Rating', alternateName: 'Misleading' },
      },
    ]),
  );
  expect((await importFeed(feed, workbench.dataDir)).split('\n').at(-1)).toBe('imported 1, skipped 0, invalid 0');

  // Turned on again, the list asks the archive afresh: the imported sentence is marked, the next is not.
  await toggle(page).click();
  await toggle(page).click();
  const marked = items.filter({ hasText: 'Checked before: Misleading' });
  await expect(marked).toHaveCount(1);
  await expect(marked).toContainText(first.slice(0, 40));
  await expect(items.filter({ hasText: second.slice(0, 40) })).not.toContainText('Checked before');
  await expect(marked.locator('.suggestion-checked')).toHaveAttribute('title', /Harbour Check, 2025-10-02/);
  await marked.scrollIntoViewIfNeeded();
  await lookAt(page, 'suggestions-checked-before');
});
