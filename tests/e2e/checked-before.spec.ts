/**
 * "Checked before": a published fact-check imported on the command line into the data folder shows
 * in the claim panel once the checker types a statement of the same claim, with its verdict,
 * publisher, date and link; "Use as source" adds it to the claim's sources. Before the import the
 * region shows its empty state.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { importFeed } from './fixtures/archiveFeed';
import { createProjectInWindow, expect, selectTextWithMouse, test } from './fixtures/workbench';
import { FIXTURE_ARTICLE } from './flows/foundationFlow';

const QUOTE = 'at least 75 people';
const ARCHIVED = 'US military strikes on boats have killed at least 75 people';

test('a statement already in the archive shows under Checked before with its verdict, and can be used as a source', async ({ page, workbench }) => {
  test.setTimeout(180_000);
  const feed = path.join(workbench.dataDir, 'feed.json');
  await fs.writeFile(
    feed,
    JSON.stringify({
      dataFeedElement: [
        {
          item: [
            {
              '@type': 'ClaimReview',
              claimReviewed: ARCHIVED,
              url: 'https://checks.example/boat-strikes',
              author: { '@type': 'Organization', name: 'Harbour Check' },
              datePublished: '2025-11-20',
              reviewRating: { '@type': 'Rating', alternateName: 'Mostly true', ratingValue: 4, bestRating: 5, worstRating: 1 },
            },
            {
              '@type': 'ClaimReview',
              claimReviewed: 'The city library lends more e-books than paper books',
              url: 'https://checks.example/library',
              author: { name: 'Harbour Check' },
              reviewRating: { alternateName: 'False' },
            },
          ],
        },
      ],
    }),
  );
  await page.goto(workbench.url);
  await createProjectInWindow(page, 'Archive check');
  await page.getByLabel('Article file', { exact: true }).first().setInputFiles(FIXTURE_ARTICLE);
  await expect(page.getByRole('region', { name: 'Article' })).toContainText(QUOTE);
  await selectTextWithMouse(page, '[aria-label="Article"]', QUOTE);
  await page.getByRole('button', { name: 'Mark claim' }).click();

  const checked = page.getByRole('region', { name: 'Checked before' });
  const statement = page.getByRole('textbox', { name: 'Claim statement' });

  // Nothing in the archive yet: the empty state.
  await statement.fill('Volcanic glass conducts sound faster than granite');
  await statement.press('Tab');
  await expect(checked).toContainText('No earlier fact-check of this claim');

  // Published fact-checks imported on the command line while the app runs.
  expect((await importFeed(feed, workbench.dataDir)).split('\n').at(-1)).toBe('imported 2, skipped 0, invalid 0');

  // The same claim, worded differently.
  await statement.fill('At least 75 people have been killed in US strikes on boats');
  await statement.press('Tab');
  const item = checked.getByRole('listitem').filter({ hasText: ARCHIVED });
  await expect(item).toBeVisible();
  await expect(item).toContainText('Mostly true');
  await expect(item).toContainText('Same claim');
  await expect(item).toContainText('Harbour Check');
  await expect(item).toContainText('2025-11-20');
  await expect(item.getByRole('link', { name: /Open fact-check/ })).toHaveAttribute('href', 'https://checks.example/boat-strikes');
  await expect(checked).not.toContainText('e-books');

  await item.getByRole('button', { name: /Use as source/ }).click();
  const source = page.getByRole('listitem', { name: /^Source 1/ });
  // The new source shows as one line (title and stance); opening it shows its fields.
  const summary = source.getByRole('button', { name: /Fact-check: US military strikes on boats/ });
  await expect(summary).toContainText('Adds context');
  await expect(summary).toContainText('Harbour Check');
  await summary.click();
  await expect(summary).toHaveAttribute('aria-expanded', 'true');
  await expect(source.getByRole('textbox', { name: 'Source URL' })).toHaveValue('https://checks.example/boat-strikes');
  await expect(item.getByRole('button', { name: /Added as source/ })).toBeDisabled();
});
