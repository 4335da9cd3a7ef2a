/**
 * Dialogs and panels: every dialog makes the page behind it inert, keeps Tab inside, closes on
 * Escape (also after "Save export", when the focused button went away) and gives focus back to
 * where it was; the Overview and History panels close on Escape; one Escape closes one layer and a
 * further Escape does nothing surprising. Error messages show above a dialog and do not pile up.
 * A dialog's buttons do not move when what it loads (project lists, the report preview) arrives.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { holdHostCall } from './fixtures/hostApi';
import { lookAt } from './fixtures/screens';
import { expect, projectFiles, savedStatus, test } from './fixtures/workbench';
import { focusInside, newProjectWithArticle } from './flows/workspaceFlow';

const TABS = 14;

async function rootInert(page: Page): Promise<boolean> {
  return page.evaluate(() => document.getElementById('root')!.hasAttribute('inert'));
}

/** Tab and Shift+Tab many times: focus never leaves the dialog. */
async function expectFocusTrapped(page: Page, dialog: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  expect(await focusInside(page, '[role="dialog"]'), 'focus starts inside the dialog').toBe(true);
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < TABS; i++) {
      await page.keyboard.press(key);
      const inside = await focusInside(page, '[role="dialog"]');
      const where = inside ? '' : await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
      expect(inside, `after ${i + 1} × ${key} focus is on ${where}`).toBe(true);
    }
  }
}

/** Everything a dialog must do, from the moment it is open until a second Escape. */
async function checkDialog(page: Page, name: string, opener: Locator | null, open: () => Promise<void>): Promise<void> {
  await open();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  expect(await rootInert(page), `${name}: the page behind is inert`).toBe(true);
  await expectFocusTrapped(page, dialog);
  // The page behind takes no clicks: a forced click on the project title lands on the backdrop.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await rootInert(page), `${name}: the page is live again`).toBe(false);
  if (opener) await expect(opener, `${name}: focus is back on the opener`).toBeFocused();
  // A second Escape changes nothing: no dialog, no panel, the project stays open, focus stays.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Overview' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'History' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Dialog check' })).toBeVisible();
  if (opener) await expect(opener).toBeFocused();
}

test('every dialog traps focus, makes the page inert, closes on Escape and returns focus', async ({ page, workbench }) => {
  test.setTimeout(150_000);
  await newProjectWithArticle(page, workbench.url, 'Dialog check');

  const button = (name: string) => page.getByRole('button', { name, exact: true });
  for (const [name, opener] of [
    ['New project', 'New project'],
    ['Open project', 'Open project'],
    ['Save project as', 'Save as'],
    ['Settings', 'Settings'],
  ] as const) {
    await checkDialog(page, name, button(opener), () => button(opener).click());
  }

  // Export, opened from its menu: focus goes back to the Export button (the menu item is gone).
  await checkDialog(page, 'Export', button('Export'), async () => {
    await button('Export').click();
    await page.getByRole('menuitem', { name: /HTML report/ }).click();
  });

  // The shortcut sheet, from the keyboard in the reader: focus goes back to the reader.
  const reader = page.getByRole('region', { name: 'Article', exact: true });
  await reader.focus();
  await checkDialog(page, 'Keyboard shortcuts', reader, () => page.keyboard.press('?'));

  // Paste article (a paste outside any field) asks for the address and title in a dialog.
  await checkDialog(page, 'Paste article', null, () =>
    page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Bridge closed\n\nThe bridge will stay closed until March.');
      window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }),
  );
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
});

test('Escape after Save export closes the Export dialog; layers close one per Escape', async ({ page, workbench }) => {
  await newProjectWithArticle(page, workbench.url, 'Dialog check');
  const button = (name: string) => page.getByRole('button', { name, exact: true });

  // Overview open, then the Export menu over it: Escape closes the menu only.
  await button('Overview').click();
  const overview = page.getByRole('region', { name: 'Overview' });
  await expect(overview).toBeVisible();
  // The panel's own content (a lazily loaded chunk) is in place before the menu opens over it.
  await expect(overview.getByRole('tab', { name: 'Claims' })).toBeVisible();
  await button('Export').click();
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu).toBeVisible();
  // The menu is drawn above the panel: its first item is what is under the pointer there.
  const item = menu.getByRole('menuitem').first();
  const box = (await item.boundingBox())!;
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="menu"]') !== null, { x: box.x + box.width / 2, y: box.y + box.height / 2 })).toBe(true);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(overview).toBeVisible();
  await expect(button('Export')).toBeFocused();

  // The Export dialog over the panel; save, then Escape closes the dialog and nothing else.
  await button('Export').click();
  await page.getByRole('menuitem', { name: /Markdown report/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('button', { name: 'Save export' }).click();
  await expect(dialog.getByText('Saved', { exact: false }).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(overview).toBeVisible();
  // The next Escape closes the panel (focus stays where it is, outside it), the one after that does nothing.
  await page.keyboard.press('Escape');
  await expect(overview).toBeHidden();
  await expect(button('Export')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Dialog check' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // A panel takes focus when it opens and gives it back to its button on Escape.
  await button('History').click();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(history).toBeHidden();
  await expect(button('History')).toBeFocused();
  // Escape closes it wherever focus is.
  await button('History').click();
  await page.getByRole('region', { name: 'Article', exact: true }).focus();
  await page.keyboard.press('Escape');
  await expect(history).toBeHidden();
});

test('an error while a dialog is open shows above it, once', async ({ page, workbench }) => {
  await newProjectWithArticle(page, workbench.url, 'Dialog check');
  await page.getByRole('button', { name: 'Save as', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save project as' });
  // Below a file there can be no folder: saving there fails, and says so.
  const path = dialog.getByRole('textbox').first();
  const [projectFile] = await projectFiles(workbench.projectsDir, ['sample.factcheck.json']);
  await path.fill(`${projectFile}/inside-a-file.factcheck.json`);
  const save = dialog.getByRole('button', { name: 'Save', exact: true });
  for (let i = 0; i < 3; i++) {
    await save.click();
    await expect(page.getByRole('alert')).toHaveCount(1);
    await expect(save).toBeEnabled();
  }
  const alert = page.getByRole('alert');
  const box = (await alert.boundingBox())!;
  const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="alert"]') !== null, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  expect(onTop, 'the message is drawn above the dialog and its backdrop').toBe(true);
  await alert.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(alert).toHaveCount(0);
  await expect(dialog).toBeVisible();
});

test('a dialog\'s buttons stay where they are while its lists and the report preview arrive', async ({ page, workbench }) => {
  await newProjectWithArticle(page, workbench.url, 'Dialog check');
  await expect(savedStatus(page)).toBeVisible();
  const [saved] = await projectFiles(workbench.projectsDir);
  for (let i = 1; i <= 8; i++) await fs.copyFile(saved, path.join(workbench.projectsDir, `copy-${i}.factcheck.json`));

  const openDialog = page.getByRole('dialog', { name: 'Open project' });
  const mergeDialog = page.getByRole('dialog', { name: 'Merge a copy' });
  const exportDialog = page.getByRole('dialog', { name: 'Export' });
  const cases = [
    {
      what: 'Open, when the project files were listed',
      held: 'listProjectFiles',
      open: () => page.getByRole('button', { name: 'Open project', exact: true }).first().click(),
      button: openDialog.getByRole('button', { name: 'Open', exact: true }),
      arrived: openDialog.getByRole('list', { name: 'Project files' }),
      screen: 'open-project-listed',
    },
    {
      what: 'Merge, when the copies were listed',
      held: 'listProjectFiles',
      open: () => page.getByRole('button', { name: 'Merge a copy…' }).click(),
      button: mergeDialog.getByRole('button', { name: 'Merge', exact: true }),
      arrived: mergeDialog.getByRole('list', { name: 'Project files to merge' }),
      screen: 'merge-copy-listed',
    },
    {
      what: 'Save export, when the preview arrived',
      held: 'previewReport',
      open: async () => {
        await page.getByRole('button', { name: 'Export', exact: true }).click();
        await page.getByRole('menuitem', { name: /HTML report/ }).click();
      },
      button: exportDialog.getByRole('button', { name: 'Save export' }),
      arrived: exportDialog.locator('iframe[title="Report preview"]'),
      screen: 'export-preview-arrived',
    },
  ];
  // The button's box while the dialog's call is held on its way to the host, and once the dialog shows its answer.
  for (const { what, held, open, button, arrived, screen } of cases) {
    const release = await holdHostCall(page, held);
    await open();
    await expect(button).toBeVisible();
    const before = await button.boundingBox();
    await release();
    await expect(arrived).toBeVisible();
    expect(await button.boundingBox(), `${what}: it did not move`).toEqual(before);
    await lookAt(page, screen);
    await page.keyboard.press('Escape');
  }
});
