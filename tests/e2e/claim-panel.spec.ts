/**
 * The claim panel in daily use: the state bar stays in view while the panel scrolls (a screenshot at
 * 1280×720 shows it), another claim opens at its top, sources collapse to one line and a new one
 * opens expanded with no stance; deleting a claim or removing an article offers Undo in a toast;
 * History names the claim, shows before → after and selects the claim on a click; Ctrl+Z in a text
 * field undoes typing there and adds nothing to the history. The panel drawn ahead while the window is idle
 * (so the first selection is quick) leaves nothing in the page and sends nothing.
 */
import type { Page } from '@playwright/test';
import { expect, savedStatus, test } from './fixtures/workbench';
import { claimList, historyCount, markWithMouse, newProjectWithArticle, readProjectFile } from './flows/workspaceFlow';
import { snap } from './fixtures/screens';
import { DRAFT_MAX_WAIT_MS } from '../../renderer/src/claims/draftTimer';
import { WARM_UP_WITHIN_MS } from '../../renderer/src/claims/ClaimPanelWarmUp';
import { CHECKED_BEFORE_DEBOUNCE_MS } from '../../renderer/src/archive/CheckedBefore';


/** Top of an element relative to the claim panel's scroller. */
function offsetInPanel(page: Page, selector: string): Promise<number> {
  return page.evaluate((selector) => {
    const scroller = document.querySelector('.claim-panel-wrap')!;
    return document.querySelector(selector)!.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  }, selector);
}

async function addSource(page: Page, number: number, url: string, title: string, publisher: string): Promise<void> {
  await page.getByRole('button', { name: 'Add source', exact: true }).click();
  const card = page.getByRole('listitem', { name: new RegExp(`^Source ${number}`) });
  // A new source opens expanded, its address field focused, and without a stance.
  await expect(card.getByRole('textbox', { name: 'Source URL' })).toBeFocused();
  await expect(card.getByRole('combobox', { name: 'Stance' })).toHaveValue('');
  await card.getByRole('textbox', { name: 'Source URL' }).fill(url);
  await card.getByRole('textbox', { name: 'Source title' }).fill(title);
  await card.getByRole('textbox', { name: 'Publisher' }).fill(publisher);
  await card.getByRole('textbox', { name: 'Publisher' }).press('Tab');
}

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the state bar stays visible while the panel scrolls; another claim opens at its top', async ({ page, workbench }) => {
    await newProjectWithArticle(page, workbench.url);
    await markWithMouse(page, 'at least 75 people');
    await addSource(page, 1, 'https://example.org/union', 'Union statement on the strike', 'Ferry Workers Union');
    await addSource(page, 2, 'https://example.org/operator', 'Operator timetable notice', 'Island Ferries');
    await markWithMouse(page, 'hire 40 more crew');
    await claimList(page).getByRole('listitem').filter({ hasText: 'at least 75 people' }).click();
    await expect(page.getByLabel('Quoted text')).toHaveText('at least 75 people');

    // Scroll the panel down to the discussion: the state bar is still at its top, in view.
    const scroller = page.locator('.claim-panel-wrap');
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    expect(await scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(300);
    await expect(page.getByRole('button', { name: 'Ready for review' })).toBeInViewport();
    await expect(page.getByLabel('Review state')).toBeInViewport();
    expect(Math.abs(await offsetInPanel(page, '.claim-state-bar'))).toBeLessThan(2);
    await expect(page.getByLabel('Quoted text')).not.toBeInViewport();
    await snap(page, 'claim-panel-scrolled-1280x720');

    // Another claim opens at its top.
    await claimList(page).getByRole('listitem').filter({ hasText: 'hire 40 more crew' }).click();
    await expect(page.getByLabel('Quoted text')).toHaveText('hire 40 more crew');
    expect(await scroller.evaluate((element) => element.scrollTop)).toBe(0);
    await expect(page.getByLabel('Quoted text')).toBeInViewport();
  });
});

test('sources collapse to one line and expand on demand; a new source has no stance until one is chosen', async ({ page, workbench }) => {
  await newProjectWithArticle(page, workbench.url);
  await markWithMouse(page, 'at least 75 people');
  await addSource(page, 1, 'https://example.org/union', 'Union statement on the strike', 'Ferry Workers Union');
  const card = page.getByRole('listitem', { name: /^Source 1/ });
  const summary = card.getByRole('button', { name: /Union statement on the strike/ });
  await expect(summary).toHaveAttribute('aria-expanded', 'true');
  await expect(summary).toContainText('Stance not set');
  await expect(savedStatus(page)).toBeVisible();
  expect((await readProjectFile(workbench.projectsDir)).links[0]).not.toHaveProperty('stance');

  // Closed, it is one line (title · stance · publisher), and stays closed when the claim is reopened.
  await summary.click();
  await expect(summary).toHaveAttribute('aria-expanded', 'false');
  await expect(summary).toHaveText(/1\s*Union statement on the strike\s*·?\s*Stance not set\s*·?\s*Ferry Workers Union/);
  await expect(card.getByRole('textbox', { name: 'Source URL' })).toHaveCount(0);
  await markWithMouse(page, 'hire 40 more crew');
  await claimList(page).getByRole('listitem').filter({ hasText: 'at least 75 people' }).click();
  await expect(summary).toHaveAttribute('aria-expanded', 'false');
  await summary.click();
  await expect(summary).toHaveAttribute('aria-expanded', 'true');
  await card.getByRole('combobox', { name: 'Stance' }).selectOption({ label: 'Supports' });
  await expect(summary).toContainText('Supports');
  await expect(savedStatus(page)).toBeVisible();
  expect((await readProjectFile(workbench.projectsDir)).links[0]).toMatchObject({ stance: 'supports' });

  // The window remembers what is open across a reload; a source never opened starts closed.
  await page.reload();
  await claimList(page).getByRole('listitem').filter({ hasText: 'at least 75 people' }).click();
  await expect(summary).toHaveAttribute('aria-expanded', 'true');
  await summary.click();
  await page.reload();
  await claimList(page).getByRole('listitem').filter({ hasText: 'at least 75 people' }).click();
  await expect(summary).toHaveAttribute('aria-expanded', 'false');
});

test('deleting a claim and removing an article act at once and offer Undo', async ({ page, workbench }) => {
  await newProjectWithArticle(page, workbench.url);
  await markWithMouse(page, 'at least 75 people');
  await page.getByRole('textbox', { name: 'Claim statement' }).fill('At least 75 people were stranded');
  await page.getByRole('textbox', { name: 'Claim statement' }).press('Tab');

  await page.getByRole('button', { name: 'Delete claim' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(claimList(page).getByRole('listitem')).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: 'Claim deleted' });
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Claim statement' })).toHaveValue('At least 75 people were stranded');
  await expect(toast).toBeHidden();

  await page.getByRole('button', { name: 'Remove article' }).click();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(0);
  const removed = page.getByRole('status').filter({ hasText: 'Article removed' });
  await removed.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(1);
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1);
  await expect(savedStatus(page)).toBeVisible();
  expect((await readProjectFile(workbench.projectsDir)).claims.map((c) => c.statement)).toEqual(['At least 75 people were stranded']);
});

test('History names the claim, shows before → after, and a click selects the claim', async ({ page, workbench }) => {
  await newProjectWithArticle(page, workbench.url);
  await markWithMouse(page, 'at least 75 people');
  const statement = page.getByRole('textbox', { name: 'Claim statement' });
  await statement.fill('Union: 75 people stranded');
  await statement.press('Tab');
  await page.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'Mostly true' });
  await page.getByRole('button', { name: 'Ready for review' }).click();
  await expect(page.getByLabel('Review state')).toHaveText('Ready for review');
  await markWithMouse(page, 'hire 40 more crew');
  await expect(page.getByLabel('Quoted text')).toHaveText('hire 40 more crew');

  await page.getByRole('button', { name: 'History', exact: true }).click();
  const history = page.getByRole('region', { name: 'History' });
  const entries = history.getByRole('list', { name: 'Changes' }).getByRole('listitem');
  const edit = entries.filter({ hasText: 'Edit claim statement' });
  await expect(edit).toContainText('“Union: 75 people stranded”');
  await expect(edit).toContainText('Statement: “at least 75 people” → “Union: 75 people stranded”');
  await expect(entries.filter({ hasText: 'Set verdict' })).toContainText('Verdict: No verdict → Mostly true');
  await expect(entries.filter({ hasText: 'Ready for review' })).toContainText('Review state: Draft → Ready for review');
  await snap(page, 'history-details');

  // A click on an entry selects its claim (the other claim was selected).
  await edit.getByRole('link').click();
  await expect(history).toBeHidden();
  await expect(page.getByLabel('Quoted text')).toHaveText('at least 75 people');
  await expect(statement).toHaveValue('Union: 75 people stranded');

  // From the keyboard too.
  await claimList(page).getByRole('listitem').filter({ hasText: 'hire 40 more crew' }).click();
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await entries.filter({ hasText: 'Set verdict' }).getByRole('link').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Quoted text')).toHaveText('at least 75 people');
});

test('Ctrl+Z in a text field undoes the typing there and adds nothing to History; outside fields it undoes the project', async ({ page, workbench }) => {
  // The page's timers run on a clock the test moves, so a pause costs no real time.
  await page.clock.install();
  await newProjectWithArticle(page, workbench.url);
  await markWithMouse(page, 'at least 75 people');
  const statement = page.getByRole('textbox', { name: 'Claim statement' });
  await statement.fill('First wording');
  await statement.press('Tab');
  await expect(savedStatus(page)).toBeVisible();
  const before = await historyCount(page);

  // Type, pause (as people do, short of the field's maximum wait), and undo the typing with Ctrl+Z:
  // the field goes back, History stays.
  await statement.click();
  await statement.press('End');
  await page.keyboard.type(' and more');
  await expect(statement).toHaveValue('First wording and more');
  await page.clock.runFor(DRAFT_MAX_WAIT_MS - 2_000);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(statement).toHaveValue('First wording');
  // The maximum wait then passes: the draft is the stored wording again, so nothing is committed.
  await page.clock.runFor(DRAFT_MAX_WAIT_MS);
  await statement.press('Tab');
  await expect(savedStatus(page)).toBeVisible();
  expect(await historyCount(page)).toBe(before);
  expect((await readProjectFile(workbench.projectsDir)).claims[0]!.statement).toBe('First wording');

  // Outside a field, Ctrl+Z undoes the last change of the project (the statement edit).
  await page.getByRole('region', { name: 'Article', exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(statement).toHaveValue('at least 75 people');
});

test('the claim panel drawn ahead while idle leaves nothing in the page and sends nothing; the first claim selected shows in full', async ({ page, workbench }) => {
  const calls: string[] = [];
  page.on('request', (request) => {
    const call = /^\/api\/([^/]+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (call) calls.push(decodeURIComponent(call));
  });
  // The sample project opens with no claim selected: the window draws one claim's panel ahead when idle.
  await page.goto(workbench.url);
  const claims = claimList(page);
  await expect(claims.getByRole('listitem').first()).toBeVisible();
  await expect(page.getByText('Select a passage in the article and press Mark claim')).toBeVisible();
  const history = await historyCount(page);
  await page.waitForTimeout(WARM_UP_WITHIN_MS + CHECKED_BEFORE_DEBOUNCE_MS + 500);

  // Nothing of it in the page (no second verdict select, no panel), no lookup sent, no change made.
  expect(await page.locator('.claim-panel, [id$="-verdict"], .checked-before').count()).toBe(0);
  expect(calls.filter((call) => call === 'checkedBefore' || call === 'applyChanges')).toEqual([]);
  expect(await historyCount(page)).toBe(history);

  // The first claim selected: its whole panel, and its lookup sent now.
  const first = claims.getByRole('listitem').first();
  const quote = (await first.locator('.claim-item-quote').textContent())!.replace(/^“/, '').slice(0, 20);
  await first.getByRole('button').click();
  await expect(page.getByRole('region', { name: 'Claim' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Verdict' })).toHaveCount(1);
  await expect(page.getByLabel('Quoted text')).toContainText(quote);
  await expect.poll(() => calls.includes('checkedBefore')).toBe(true);
});
