import { test } from '@playwright/test';
import { startWorkbench } from '../../e2e/fixtures/workbench';

test('screens', async ({ page }) => {
  test.setTimeout(600_000);
  const host = await startWorkbench({ extraArgs: [process.env.DBG_FILE!] });
  for (const [w, h] of [[1280, 720], [1920, 1080]]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(host.url);
      await page.waitForSelector('.reader-body [data-block-index="1"]', { timeout: 120000 });
      await page.getByRole('searchbox', { name: 'Find in article' }).fill('parliament');
      await page.getByRole('searchbox', { name: 'Find in article' }).press('Enter');
      await page.waitForTimeout(800);
      await page.screenshot({ path: `/tmp/screen-${w}-${scheme}.png` });
    }
  }
  await host.stop();
});
