/**
 * The research and review workflow (issue 6), driven by accessible names only: checker A researches
 * a claim with two sources (one with an attached saved page whose text gives the excerpt), proposes
 * "Mostly false", marks it ready; editor B requests changes with a comment; A answers and
 * resubmits; B approves; the claim is locked; History shows the six steps with A and B; reload
 * restores everything; the attachment survives moving the project folder. Hostile content in the
 * free-text fields renders inert and nothing outside the app's own origin is ever requested.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { callHost, sendBelowTheUi } from './fixtures/hostApi';
import { createProjectInWindow, expect, projectFiles, savedStatus, selectTextWithMouse, test } from './fixtures/workbench';
import { FIXTURE_ARTICLE } from './flows/foundationFlow';
import { setUser } from './fixtures/userSettings';

const QUOTE = 'at least 75 people';
const SHOTS = path.resolve(import.meta.dirname, '../.tmp/screenshots');
const SAVED_PAGE = '# Ministry of Defence briefing\n\nThe ministry counted 61 deaths in the strikes up to 20 November.\n\nOther figures were not confirmed.\n';
const EXCERPT = 'The ministry counted 61 deaths in the strikes up to 20 November.';
const HOSTILE_MARKDOWN = [
  'Raw HTML: <img src="http://evil.example/raw.png" onerror="window.__pwned=1"><script>window.__pwned=2</script><iframe src="http://evil.example/frame"></iframe>',
  '',
  '[click me](javascript:window.__pwned=3) and [data](data:text/html,<b>x</b>) and [fine](https://example.org/ok)',
  '',
  '![remote image](http://evil.example/remote.png)',
  '',
  '<a href="http://evil.example/">html link</a>',
].join('\n');

async function expectInert(page: Page) {
  const panel = page.getByRole('region', { name: 'Claim' });
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(panel.locator('img, script, iframe')).toHaveCount(0);
  await expect(panel.locator('a[href^="javascript"], a[href^="data"], a[href*="evil.example"]')).toHaveCount(0);
}

test('checker and editor review a claim; history, reload and a moved project keep everything', async ({ page, workbench }) => {
  test.setTimeout(180_000);
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(workbench.origin)) foreign.push(request.url());
  });
  await fs.mkdir(SHOTS, { recursive: true });
  const attachmentFile = path.join(workbench.dataDir, 'mod-briefing.md');
  await fs.writeFile(attachmentFile, SAVED_PAGE);

  await page.goto(workbench.url);
  await setUser(page, 'A', 'Checker');

  await createProjectInWindow(page, 'Review check');
  await expect(page.getByRole('region', { name: 'Article', exact: true })).toContainText('Add an article to start');
  await page.getByLabel('Article file', { exact: true }).first().setInputFiles(FIXTURE_ARTICLE);
  await expect(page.getByRole('region', { name: 'Article' })).toContainText(QUOTE);

  // A researches the claim.
  await selectTextWithMouse(page, '[aria-label="Article"]', QUOTE);
  await page.getByRole('button', { name: 'Mark claim' }).click();
  const claims = page.getByRole('list', { name: 'Claims' });
  await expect(claims.getByRole('listitem')).toHaveCount(1);
  const statement = page.getByRole('textbox', { name: 'Claim statement' });
  await statement.fill('At least 75 people have been killed in the US strikes');
  await statement.press('Tab');

  // Source 1: an official record with an attached saved page; the excerpt is selected from its text.
  await page.getByRole('button', { name: 'Add source' }).click();
  const first = page.getByRole('listitem', { name: /^Source 1/ });
  await first.getByRole('textbox', { name: 'Source URL' }).fill('https://example.gov/briefing');
  await first.getByRole('textbox', { name: 'Source title' }).fill('Ministry briefing');
  await first.getByRole('combobox', { name: 'Stance' }).selectOption({ label: 'Refutes' });
  await first.getByRole('combobox', { name: 'Kind of source' }).selectOption({ label: 'Official record' });
  await first.getByRole('textbox', { name: 'Location in source' }).fill('para. 2');
  await first.getByRole('textbox', { name: 'Location in source' }).press('Tab');
  await first.getByLabel('Attachment file').setInputFiles(attachmentFile);
  await expect(first.getByRole('list', { name: 'Attachments' })).toContainText('mod-briefing.md');
  await first.getByRole('button', { name: 'Show text' }).click();
  await expect(first.getByLabel('Attachment text')).toContainText(EXCERPT);
  await selectTextWithMouse(page, '[aria-label="Attachment text"]', EXCERPT);
  await first.getByRole('button', { name: 'Use selection as excerpt' }).click();
  await expect(first.getByRole('textbox', { name: 'Excerpt' })).toHaveValue(EXCERPT);

  // Source 2: a news report, with 100k characters of notes.
  await page.getByRole('button', { name: 'Add source' }).click();
  const second = page.getByRole('listitem', { name: /^Source 2/ });
  await second.getByRole('textbox', { name: 'Source URL' }).fill('https://news.example.org/toll');
  await second.getByRole('combobox', { name: 'Stance' }).selectOption({ label: 'Mixed' });
  const notes = second.getByRole('textbox', { name: 'Notes' });
  await notes.fill(`${'Very long note. '.repeat(6250)}<img src="http://evil.example/n.png">`);
  await notes.press('Tab');

  // The proposal: Mostly false, a conclusion and a rationale full of hostile Markdown.
  await page.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'Mostly false' });
  const conclusion = page.getByRole('textbox', { name: 'Conclusion' });
  await conclusion.fill('In short: the ministry counted 61 deaths, not 75.');
  await conclusion.press('Tab');
  const rationale = page.getByRole('textbox', { name: 'Rationale' });
  await rationale.fill(HOSTILE_MARKDOWN);
  await rationale.press('Tab');
  await expect(page.getByRole('group', { name: 'Rationale preview' })).toContainText('[image: remote image]');
  await expectInert(page);
  await page.getByRole('button', { name: 'Ready for review' }).click();
  await expect(page.getByLabel('Review state')).toHaveText('Ready for review');
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  // B, an editor, asks for changes with a comment.
  await setUser(page, 'B', 'Editor');
  await page.getByRole('textbox', { name: 'Comment' }).fill(`Where does the 61 come from? Cite the page.\n\n${HOSTILE_MARKDOWN}`);
  await page.getByRole('button', { name: 'Request changes' }).click();
  // The request has its own dialog; what was typed in the Comment box is taken over.
  const request = page.getByRole('dialog', { name: 'Request changes' });
  await expect(request.getByRole('textbox', { name: 'What should change' })).toHaveValue(/^Where does the 61 come from\?/);
  await request.getByRole('button', { name: 'Send to the checker' }).click();
  await expect(request).toBeHidden();
  await expect(page.getByLabel('Review state')).toHaveText('Changes requested');
  await expect(page.getByRole('list', { name: 'Comments' })).toContainText('Where does the 61 come from?');
  await expectInert(page);

  // A answers and resubmits.
  await setUser(page, 'A', 'Checker');
  await page.getByRole('textbox', { name: 'Comment' }).fill('Page 2 of the briefing, now attached and quoted.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Ready for review' }).click();
  await expect(page.getByLabel('Review state')).toHaveText('Ready for review');

  // B approves; the claim is locked.
  await setUser(page, 'B', 'Editor');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByLabel('Review state')).toHaveText('Approved');
  await expect(page.getByRole('textbox', { name: 'Claim statement' })).toBeDisabled();
  await expect(page.getByRole('combobox', { name: 'Verdict' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Add source' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await expect(savedStatus(page)).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'review-claim-panel.png') });
  await page.getByRole('region', { name: 'Discussion' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'review-discussion.png') });
  await page.getByRole('group', { name: 'Review', exact: true }).scrollIntoViewIfNeeded();

  // History: the six steps with their authors.
  const expectSixSteps = async () => {
    await page.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('region', { name: 'History' });
    const rows = history.getByRole('listitem');
    await expect(rows.first()).toBeVisible();
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const steps = texts.filter((t) => /^(Set verdict|Ready for review|Request changes|Post comment|Approve) /.test(t)).reverse();
    expect(steps.map((t) => t.split(' ').slice(0, -0 || undefined).join(' ').replace(/ [A-Z][a-z]{2} \d.*$/, ''))).toEqual([
      'Set verdict A',
      'Ready for review A',
      'Request changes B',
      'Post comment A',
      'Ready for review A',
      'Approve B',
    ]);
    return history;
  };
  const history = await expectSixSteps();
  await page.screenshot({ path: path.join(SHOTS, 'review-history.png') });
  await history.getByRole('button', { name: 'Close history' }).click();

  await page.getByRole('button', { name: 'Overview' }).click();
  const overview = page.getByRole('region', { name: 'Overview' });
  await expect(overview.getByRole('list', { name: 'Overview results' }).getByRole('listitem')).toHaveCount(1);
  await overview.getByRole('searchbox', { name: 'Search claims' }).fill('ministry');
  await expect(overview.getByRole('list', { name: 'Overview results' }).getByRole('listitem')).toHaveCount(1);
  await overview.getByRole('searchbox', { name: 'Search claims' }).fill('zebra');
  await expect(overview.getByRole('list', { name: 'Overview results' }).getByRole('listitem')).toHaveCount(0);
  await overview.getByRole('searchbox', { name: 'Search claims' }).fill('');
  await page.screenshot({ path: path.join(SHOTS, 'review-overview.png') });
  await overview.getByRole('button', { name: 'Close overview' }).click();

  // Reload restores all.
  await page.reload();
  await claims.getByRole('listitem').first().click();
  await expect(page.getByLabel('Review state')).toHaveText('Approved');
  await expect(page.getByRole('list', { name: 'Comments' }).getByRole('listitem')).toHaveCount(2);
  await expectInert(page);
  await (await expectSixSteps()).getByRole('button', { name: 'Close history' }).click();

  // Move the project and its assets folder, then open it by path: the attachment is still there.
  const [file] = await projectFiles(workbench.projectsDir, ['sample.factcheck.json']);
  const assets = file!.replace(/\.factcheck\.json$/, '.assets');
  expect((await fs.readdir(assets)).some((name) => /^[0-9a-f]{64}\.md$/.test(name))).toBe(true);
  await page.getByRole('button', { name: 'Close project' }).click();
  const movedDir = path.join(workbench.dataDir, 'moved-folder');
  await fs.mkdir(movedDir);
  await fs.rename(file!, path.join(movedDir, path.basename(file!)));
  await fs.rename(assets, path.join(movedDir, path.basename(assets)));
  await page.getByRole('button', { name: 'Open project' }).first().click();
  const openDialog = page.getByRole('dialog', { name: 'Open project' });
  await openDialog.getByRole('textbox', { name: 'Project file path' }).fill(path.join(movedDir, path.basename(file!)));
  await openDialog.getByRole('button', { name: 'Open', exact: true }).click();
  await claims.getByRole('listitem').first().click();
  const moved = page.getByRole('listitem', { name: /^Source 1/ });
  // A source the checker opened stays open in this window, also once the project has moved (a click would close it).
  await expect(moved.getByRole('button', { name: /Ministry briefing/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(moved.getByRole('list', { name: 'Attachments' })).toContainText('mod-briefing.md');
  // The text is read from the moved assets folder (also while the claim is locked).
  await moved.getByRole('button', { name: 'Show text' }).click();
  await expect(moved.getByLabel('Attachment text')).toContainText(EXCERPT);

  // Reopen is recorded.
  await page.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.getByLabel('Review state')).toHaveText('Researching');
  await expect(page.getByRole('textbox', { name: 'Claim statement' })).toBeEnabled();
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem').first()).toContainText('Reopen');

  expect(foreign, 'requests outside the app origin').toEqual([]);
});

test('a checker cannot approve; a locked claim refuses edits with a clear message', async ({ page, workbench, request: api }) => {
  await page.goto(workbench.url);
  await setUser(page, 'C', 'Checker');
  await createProjectInWindow(page, 'Rules');
  await expect(page.getByRole('region', { name: 'Article', exact: true })).toContainText('Add an article to start');
  await page.getByLabel('Article file', { exact: true }).first().setInputFiles(FIXTURE_ARTICLE);
  await expect(page.getByRole('region', { name: 'Article' })).toContainText(QUOTE);
  await selectTextWithMouse(page, '[aria-label="Article"]', QUOTE);
  await page.getByRole('button', { name: 'Mark claim' }).click();
  await page.getByRole('combobox', { name: 'Verdict' }).selectOption({ label: 'False' });
  await expect(page.getByRole('group', { name: 'Review', exact: true })).toContainText('No source');
  await page.getByRole('button', { name: 'Ready for review' }).click();
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Request changes' })).toHaveCount(0);
  await setUser(page, 'D', 'Editor');
  await expect(page.getByRole('group', { name: 'Review', exact: true })).toContainText('No source');
  // Request changes needs a comment.
  await page.getByRole('button', { name: 'Request changes' }).click();
  const request = page.getByRole('dialog', { name: 'Request changes' });
  await request.getByRole('button', { name: 'Send to the checker' }).click();
  await expect(request.getByRole('alert')).toContainText('Write what should change');
  await request.getByRole('button', { name: 'Cancel' }).click();
  // Without a source Approve is not offered; an override with a reason is.
  await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Review', exact: true })).toContainText('Approve needs at least one source');
  await page.getByRole('button', { name: 'Skip the checks…' }).click();
  const override = page.getByRole('dialog', { name: 'Skip the checks' });
  await override.getByRole('textbox', { name: 'Reason for skipping the checks' }).fill('The official record is quoted in the rationale.');
  await override.getByRole('button', { name: 'Confirm override' }).click();
  await expect(page.getByText('Locked: reopen it to make changes; the reopening is recorded.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Verdict' })).toBeDisabled();
  // The main side refuses edits too: a change sent past the disabled field is turned down with the reason.
  const open = await callHost<{ project: { claims: { id: string }[] } }>(api, workbench, 'getOpenProject');
  const locked = open.value.project.claims[0]!;
  expect(await sendBelowTheUi(api, workbench, [{ kind: 'do', op: { type: 'setVerdict', claimId: locked.id, levelId: 'true' } }])).toMatch(/approved and locked; reopen/);
  await expect(page.getByRole('combobox', { name: 'Verdict' })).toHaveValue('false');
  await page.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.getByRole('combobox', { name: 'Verdict' })).toBeEnabled();

  // History filtered by the claim; the project-wide entries (Add article) drop out.
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem').filter({ hasText: 'Add article' })).toHaveCount(1);
  await history.getByRole('combobox', { name: 'Show changes of' }).selectOption({ label: 'The selected claim' });
  await expect(history.getByRole('listitem').filter({ hasText: 'Add article' })).toHaveCount(0);
  await expect(history.getByRole('listitem').first()).toContainText('Reopen');
  await expect(history.getByRole('listitem').first()).toContainText('D');
  await history.getByRole('button', { name: 'Close history' }).click();

  // Switch the project to the six-level scale with "Pants on fire": "False" maps by id and is kept.
  await page.getByRole('button', { name: 'Overview' }).click();
  const overview = page.getByRole('region', { name: 'Overview' });
  await overview.getByRole('tab', { name: 'Rating scale & methodology' }).click();
  await overview.getByRole('combobox', { name: 'Scale preset' }).selectOption({ label: 'Six-level truth scale (Pants on fire)' });
  await expect(overview.getByRole('textbox', { name: 'Name of level 6' })).toHaveValue('Pants on fire');
  await expect(overview.getByRole('combobox', { name: 'New level for False' })).toHaveValue('false');
  await overview.getByRole('textbox', { name: 'Methodology', exact: true }).fill('We rate with **six levels**. <img src="http://evil.example/m.png">');
  await page.screenshot({ path: path.join(SHOTS, 'review-scale.png') });
  await overview.getByRole('button', { name: /^Apply scale/ }).click();
  await overview.getByRole('button', { name: 'Close overview' }).click();
  await expect(page.getByRole('combobox', { name: 'Verdict' })).toHaveValue('false');
  await expect(page.getByRole('combobox', { name: 'Verdict' }).getByRole('option', { name: 'Pants on fire' })).toHaveCount(1);
  await expect(page.locator('img')).toHaveCount(0);
});
