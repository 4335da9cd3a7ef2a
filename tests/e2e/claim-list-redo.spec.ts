/**
 * Claims that come back all at once (Redo of an import or of a merged copy, after an Undo emptied
 * the list) fill the claim list's view in the frame that shows them: the list's area grows with its
 * claims, and its rows are not those of the small area the empty list had, completed a frame later.
 */
import { mkdirSync } from 'node:fs';
import { projectWithClaims, writeProjectFile } from '../support/projectFiles';
import { expect, openProjectInWindow, test } from './fixtures/workbench';

const CLAIMS = 300;
const paragraphs = Array.from({ length: 120 }, (_, i) => `Paragraph ${i}: officials said ${i * 7} boats were hit near the coast on Tuesday, and observers disputed the figures.`);

test.use({ viewport: { width: 1920, height: 1080 } });

test('claims brought back by Redo fill the list in the first frame', async ({ page, workbench }) => {
  mkdirSync(workbench.projectsDir, { recursive: true });
  await page.goto(workbench.url);
  await openProjectInWindow(page, writeProjectFile(workbench.projectsDir, 'redo-list', projectWithClaims({ title: 'Redo list', paragraphs, claims: CLAIMS })));
  const list = page.getByRole('list', { name: 'Claims', exact: true });
  await expect(list.getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.claims-count')).toHaveText(String(CLAIMS));

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByText('No claims in this article yet.')).toBeVisible();

  // In the first animation frame after the click (React has rendered the claims in the click's task), the rows
  // reach the bottom of the list's visible area.
  const firstFrame = page.evaluate(
    () =>
      new Promise<{ rows: number; rowsBottom: number; areaBottom: number }>((resolve) => {
        document.addEventListener(
          'click',
          () =>
            requestAnimationFrame(() => {
              const area = document.querySelector('.claims-list-wrap')!.getBoundingClientRect();
              const rows = [...document.querySelectorAll('.claim-list li.claim-item')];
              resolve({ rows: rows.length, rowsBottom: Math.max(0, ...rows.map((row) => row.getBoundingClientRect().bottom)), areaBottom: area.bottom });
            }),
          { capture: true, once: true },
        );
      }),
  );
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  const frame = await firstFrame;
  expect(frame.rows).toBeGreaterThan(0);
  expect(frame.rowsBottom).toBeGreaterThanOrEqual(frame.areaBottom);
  await expect(page.locator('.claims-count')).toHaveText(String(CLAIMS));
});
