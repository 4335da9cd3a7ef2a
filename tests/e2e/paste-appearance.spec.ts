/**
 * Paste article asks where the text comes from (URL and title) before adding it. The window
 * follows the system's dark setting unless Settings says otherwise, and the text size changes with
 * Ctrl+= / Ctrl+- / Ctrl+0; both are kept across a reload.
 */
import type { Page } from '@playwright/test';
import { createProjectInWindow, expect, savedStatus, test } from './fixtures/workbench';
import { newProjectWithArticle, readProjectFile } from './flows/workspaceFlow';

function pasteText(page: Page, text: string): Promise<void> {
  return page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}

test('Paste article asks for the source URL and title before the article is added', async ({ page, workbench }) => {
  await page.goto(workbench.url);
  await createProjectInWindow(page, 'Paste check');
  const articles = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');

  // Cancel adds nothing.
  await pasteText(page, 'Bridge closed\n\nThe bridge will stay closed until March, the council said.');
  const dialog = page.getByRole('dialog', { name: 'Paste article' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(articles).toHaveCount(0);

  await pasteText(page, 'Bridge closed\n\nThe bridge will stay closed until March, the council said.');
  await expect(dialog).toContainText('The bridge will stay closed until March');
  const url = dialog.getByRole('textbox', { name: 'Article URL' });
  const title = dialog.getByRole('textbox', { name: 'Article title' });
  await expect(url).toBeFocused();
  await expect(title).toHaveValue('Bridge closed');
  // Only a web address is taken.
  await url.fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Add pasted article' }).click();
  await expect(dialog).toContainText('Only web links');
  await expect(articles).toHaveCount(0);
  await url.fill('https://news.example.org/bridge-closed');
  await title.fill('Bridge to stay closed until March');
  await dialog.getByRole('button', { name: 'Add pasted article' }).click();
  await expect(dialog).toBeHidden();
  await expect(articles).toHaveCount(1);
  await expect(articles.first()).toContainText('Bridge to stay closed until March');
  await expect(page.getByRole('region', { name: 'Article', exact: true })).toContainText('The bridge will stay closed until March');
  await expect(savedStatus(page)).toBeVisible();
  const stored = (await readProjectFile(workbench.projectsDir)) as unknown as { articles: { format: string; metadata: { title: string; url?: string } }[] };
  expect(stored.articles[0]).toMatchObject({ format: 'paste', metadata: { title: 'Bridge to stay closed until March', url: 'https://news.example.org/bridge-closed' } });

  // The same address again is a newer version of that article, as the dialog says.
  await pasteText(page, 'Bridge closed\n\nThe bridge will stay closed until April, the council said.');
  await url.fill('https://news.example.org/bridge-closed');
  await expect(dialog).toContainText('Already in the project');
  await dialog.getByRole('button', { name: 'Add pasted article' }).click();
  await expect(page.getByRole('region', { name: 'Article', exact: true })).toContainText('until April');
  await expect(articles).toHaveCount(1);
});

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
/** Rough lightness of an rgb() colour, 0 (black) to 255 (white). */
const lightness = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.map(Number);
  return 0.299 * r! + 0.587 * g! + 0.114 * b!;
};

test('dark mode follows the system unless Settings picks a theme; the choice is kept', async ({ page, workbench }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await newProjectWithArticle(page, workbench.url, 'Theme check');
  expect(lightness(await background(page))).toBeLessThan(60);
  expect(lightness(await page.evaluate(() => getComputedStyle(document.querySelector('.reader-page')!).color))).toBeGreaterThan(180);

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Light' });
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(settings).toBeHidden();
  expect(lightness(await background(page))).toBeGreaterThan(200);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Article', exact: true })).toBeVisible();
  expect(lightness(await background(page))).toBeGreaterThan(200);

  // Dark while the system is light; back to the system's.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await settings.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
  // Previewed while choosing; Cancel puts the saved theme back.
  expect(lightness(await background(page))).toBeLessThan(60);
  await settings.getByRole('button', { name: 'Cancel' }).click();
  expect(lightness(await background(page))).toBeGreaterThan(200);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await settings.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Same as the system' });
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  expect(lightness(await background(page))).toBeGreaterThan(200);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(lightness(await background(page))).toBeLessThan(60);
});

test('Ctrl+= and Ctrl+- change the text size, Ctrl+0 resets it, and the size is kept', async ({ page, workbench }) => {
  await newProjectWithArticle(page, workbench.url, 'Zoom check');
  const barHeight = () => page.locator('header.topbar').evaluate((bar) => bar.getBoundingClientRect().height);
  const normal = await barHeight();
  await page.getByRole('region', { name: 'Article', exact: true }).focus();
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect.poll(barHeight).toBeCloseTo(normal * 1.25, 0);
  await page.keyboard.press('Control+-');
  await expect.poll(barHeight).toBeCloseTo(normal * 1.1, 0);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Article', exact: true })).toBeVisible();
  await expect.poll(barHeight).toBeCloseTo(normal * 1.1, 0);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Text size' })).toHaveValue('110');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+0');
  await expect.poll(barHeight).toBeCloseTo(normal, 0);
});
