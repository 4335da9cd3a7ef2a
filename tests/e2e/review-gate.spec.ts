/**
 * The review gate, driven by accessible names on the bundled sample: Approve only for a claim Ready
 * for review with a verdict and a source; an editor's override asks for a reason that History and
 * the banner keep; a checker's Ctrl+Z of an approval is refused, in the window and on the main side,
 * with the reason; the banner names who approved and when; Request changes has its own dialog with a
 * required comment and the checker sees it; a refusal clears once a change succeeds; the first start
 * asks for the name and role. Screens that changed are photographed (fixtures/screens.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { lookAt } from './fixtures/screens';
import { sendBelowTheUi } from './fixtures/hostApi';
import { expect, savedStatus, test } from './fixtures/workbench';
import { setUser } from './fixtures/userSettings';

interface SampleClaim {
  id: string;
  state: string;
  target: { quote: { exact: string } };
}
const SAMPLE = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../resources/sample/sample.factcheck.json'), 'utf8')) as {
  claims: SampleClaim[];
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "28 Nov 2026": the day as the banner shows it (the browser runs in this machine's time zone). */
function today(): string {
  const d = new Date();
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** The sample's claim in that review state (the sample has one of each it needs here). */
function sampleClaim(id: string): SampleClaim {
  return SAMPLE.claims.find((c) => c.id === id)!;
}

async function selectClaim(page: Page, id: string) {
  const quote = sampleClaim(id).target.quote.exact.slice(0, 40);
  await page.getByRole('list', { name: 'Claims' }).getByRole('listitem').filter({ hasText: quote }).getByRole('button').first().click();
}

test.use({ viewport: { width: 1280, height: 720 } });

test('Approve needs Ready for review, a verdict and a source; an override asks for a reason; a checker cannot undo an approval', async ({ page, workbench, request }) => {
  test.setTimeout(150_000);
  expect(sampleClaim('claim-3').state).toBe('researching');
  expect(sampleClaim('claim-4').state).toBe('changesRequested');
  expect(sampleClaim('claim-2').state).toBe('readyForReview');
  await page.goto(workbench.url);
  await setUser(page, 'Bo Lindqvist', 'Editor');
  const review = page.getByRole('group', { name: 'Review', exact: true });

  // Researching, no verdict: neither Approve nor an override, and the main side refuses it too.
  await selectClaim(page, 'claim-3');
  await expect(page.getByLabel('Review state')).toHaveText('Researching');
  await expect(review.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(review.getByRole('button', { name: 'Skip the checks…' })).toHaveCount(0);
  expect(await sendBelowTheUi(request, workbench, [{ kind: 'do', op: { type: 'changeState', claimId: 'claim-3', state: 'approved', action: 'approve' } }])).toContain(
    'A claim cannot be approved without a verdict',
  );
  const overrideWithoutVerdict = { reason: 'Urgent', skipped: ['readyForReview'] };
  expect(
    await sendBelowTheUi(request, workbench, [
      { kind: 'do', op: { type: 'changeState', claimId: 'claim-3', state: 'approved', action: 'approve', override: overrideWithoutVerdict } },
    ]),
  ).toContain('A claim cannot be approved without a verdict');

  // Changes requested, with a verdict and sources: no Approve; the override asks for a reason.
  await selectClaim(page, 'claim-4');
  await expect(page.getByLabel('Review state')).toHaveText('Changes requested');
  await expect(review.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  expect(await sendBelowTheUi(request, workbench, [{ kind: 'do', op: { type: 'changeState', claimId: 'claim-4', state: 'approved', action: 'approve' } }])).toContain(
    'Approve is possible only once the claim is Ready for review',
  );
  await review.getByRole('button', { name: 'Skip the checks…' }).click();
  const override = page.getByRole('dialog', { name: 'Skip the checks' });
  await expect(override).toContainText('not Ready for review');
  await expect(override.getByRole('textbox', { name: 'Reason for skipping the checks' })).toBeFocused();
  await lookAt(page, 'review-override-dialog');
  await override.getByRole('button', { name: 'Confirm override' }).click();
  await expect(override.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('Review state')).toHaveText('Changes requested');
  const reason = 'The desk chief re-read the gauge record by phone; publishing before the evening bulletin.';
  await override.getByRole('textbox', { name: 'Reason for skipping the checks' }).fill(reason);
  await override.getByRole('button', { name: 'Confirm override' }).click();
  await expect(override).toBeHidden();
  await expect(page.getByLabel('Review state')).toHaveText('Approved');
  await expect(review).toContainText(`Approved by Bo Lindqvist, ${today()}`);
  await expect(review).toContainText(`Checks skipped (not Ready for review): ${reason}`);
  await page.getByRole('button', { name: 'History', exact: true }).click();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('listitem').first()).toContainText(`Approve, checks skipped (not Ready for review): ${reason}`);
  await expect(history.getByRole('listitem').first()).toContainText('Bo Lindqvist');
  await history.getByRole('button', { name: 'Close history' }).click();
  // Reports show who approved, when, and the override with its reason.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'HTML report…' }).click();
  const preview = page.frameLocator('iframe[title="Report preview"]');
  await expect(preview.locator('#claim-claim-4')).toContainText(`Approved by Bo Lindqvist, ${today()}`);
  await expect(preview.locator('#claim-claim-4 .override')).toContainText(`Approved with checks skipped (not Ready for review). Reason: ${reason}`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeHidden();

  // Ready for review with a verdict and sources: Approve is offered, and the banner says who and when.
  await selectClaim(page, 'claim-2');
  await expect(page.getByLabel('Review state')).toHaveText('Ready for review');
  await review.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByLabel('Review state')).toHaveText('Approved');
  await expect(review).toContainText(`Approved by Bo Lindqvist, ${today()}`);
  await expect(savedStatus(page)).toBeVisible();
  await lookAt(page, 'review-approved-banner');

  // A checker: no Reopen, and Ctrl+Z of the approval is refused with the reason, here and on the main side.
  await setUser(page, 'Cleo Marsh', 'Checker');
  await selectClaim(page, 'claim-2');
  await expect(review.getByRole('button', { name: 'Reopen' })).toHaveCount(0);
  await expect(review).toContainText('Locked: an editor can reopen it to make changes.');
  await page.getByRole('list', { name: 'Claims' }).locator('button[aria-current="true"]').focus();
  await page.keyboard.press('Control+z');
  const refusal = page.getByRole('alert').filter({ hasText: 'Only an editor may undo an approval. Switch your role in Settings.' });
  await expect(refusal).toBeVisible();
  await expect(page.getByLabel('Review state')).toHaveText('Approved');
  expect(await sendBelowTheUi(request, workbench, [{ kind: 'undo' }])).toContain('Only an editor may undo an approval.');
  expect(await sendBelowTheUi(request, workbench, [{ kind: 'do', op: { type: 'changeState', claimId: 'claim-2', state: 'researching', action: 'reopen' } }])).toContain(
    'Only an editor may reopen an approved claim.',
  );
  await lookAt(page, 'review-undo-refused');

  // The editor's undo is allowed, and the stale refusal goes with that success.
  await setUser(page, 'Bo Lindqvist', 'Editor');
  await page.getByRole('list', { name: 'Claims' }).locator('button[aria-current="true"]').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Review state')).toHaveText('Ready for review');
  await expect(refusal).toHaveCount(0);
  // Redo is the editor's too.
  await setUser(page, 'Cleo Marsh', 'Checker');
  expect(await sendBelowTheUi(request, workbench, [{ kind: 'redo' }])).toContain('Only an editor may redo an approval.');
  await expect(page.getByLabel('Review state')).toHaveText('Ready for review');
});

test('Request changes asks for its comment in a dialog; the checker sees who asked and what', async ({ page, workbench }) => {
  test.setTimeout(120_000);
  await page.goto(workbench.url);
  await setUser(page, 'Bo Lindqvist', 'Editor');
  await selectClaim(page, 'claim-2');
  const review = page.getByRole('group', { name: 'Review', exact: true });
  const requestButton = review.getByRole('button', { name: 'Request changes' });

  // Escape closes the dialog and focus returns to the button.
  await requestButton.click();
  const dialog = page.getByRole('dialog', { name: 'Request changes' });
  await expect(dialog.getByRole('textbox', { name: 'What should change' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(requestButton).toBeFocused();
  await expect(page.getByLabel('Review state')).toHaveText('Ready for review');

  // The comment is required; the step goes with it.
  await requestButton.click();
  await dialog.getByRole('button', { name: 'Send to the checker' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Write what should change');
  await expect(page.getByLabel('Review state')).toHaveText('Ready for review');
  const request = 'Name the agency behind the 12,000 figure and link its bulletin.';
  await dialog.getByRole('textbox', { name: 'What should change' }).fill(request);
  await lookAt(page, 'review-request-changes-dialog');
  await dialog.getByRole('button', { name: 'Send to the checker' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('Review state')).toHaveText('Changes requested');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The checker's banner: who asked, when, and what.
  await setUser(page, 'Cleo Marsh', 'Checker');
  await selectClaim(page, 'claim-2');
  await expect(review).toContainText(`Changes requested by Bo Lindqvist, ${today()}`);
  await expect(review.getByLabel('Requested changes')).toHaveText(request);
  await expect(page.getByRole('list', { name: 'Comments' })).toContainText(request);
  await lookAt(page, 'review-changes-requested-banner');
});

test.describe('first start', () => {
  test.use({ identity: null });

  test('asks for the name and role before the first change; nothing is stamped with the OS account', async ({ page, workbench }) => {
    test.setTimeout(120_000);
    await page.goto(workbench.url);
    const dialog = page.getByRole('dialog', { name: 'Who is working?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'Your name' })).toBeFocused();
    await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveValue('checker');
    await lookAt(page, 'identity-dialog');

    // Put aside: the first change is not made and the question comes back.
    await dialog.getByRole('button', { name: 'Later' }).click();
    await expect(dialog).toBeHidden();
    await selectClaim(page, 'claim-6');
    const statement = page.getByRole('textbox', { name: 'Claim statement' });
    await statement.fill('Provincial flood spending in 2025 was the highest on record');
    await statement.press('Tab');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'History', exact: true }).click();
    await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveCount(0);
    await page.getByRole('region', { name: 'History' }).getByRole('button', { name: 'Close history' }).click();

    // A name is required; then the change is made under it.
    await statement.fill('Provincial flood spending in 2025 was the highest on record.');
    await statement.press('Tab');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await expect(dialog.getByRole('alert')).toContainText('Give your name');
    await dialog.getByRole('textbox', { name: 'Your name' }).fill('Bo Lindqvist');
    await dialog.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Editor' });
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel('Signed in as')).toHaveText('Bo Lindqvist · Editor');
    await statement.fill('Provincial flood spending in 2025 was the highest on record!');
    await statement.press('Tab');
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const rows = page.getByRole('region', { name: 'History' }).getByRole('listitem');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Bo Lindqvist');
    await expect(savedStatus(page)).toBeVisible();
    const settings = JSON.parse(readFileSync(path.join(workbench.dataDir, 'settings.json'), 'utf8')) as { userName?: string; role?: string };
    expect(settings).toMatchObject({ userName: 'Bo Lindqvist', role: 'editor' });
    expect(existsSync(path.join(workbench.projectsDir, 'sample.factcheck.json'))).toBe(true);
    const saved = JSON.parse(readFileSync(path.join(workbench.projectsDir, 'sample.factcheck.json'), 'utf8')) as { history: { author: string }[] };
    expect(saved.history.map((entry) => entry.author)).toEqual(['Bo Lindqvist']);
  });
});

test('Publication details give ClaimReview its author and url with no warning; a correction appears in the HTML report', async ({ page, workbench }) => {
  test.setTimeout(150_000);
  const publishedAt = 'https://checks.example.org/kessner-floods';
  await page.goto(workbench.url);
  await expect(page.getByRole('list', { name: 'Claims' }).getByRole('listitem')).toHaveCount(SAMPLE.claims.length);

  // The top bar's Publication dialog: Organisation and Published at, one undoable change.
  await page.getByRole('button', { name: 'Publication', exact: true }).click();
  const publication = page.getByRole('dialog', { name: 'Publication' });
  await expect(publication.getByRole('textbox', { name: 'Organisation' })).toBeFocused();
  await publication.getByRole('textbox', { name: 'Published at' }).fill('javascript:alert(1)');
  await expect(publication.getByRole('alert')).toBeVisible();
  await expect(publication.getByRole('button', { name: 'Save' })).toBeDisabled();
  await publication.getByRole('textbox', { name: 'Organisation' }).fill('Northline Checks');
  await publication.getByRole('textbox', { name: 'Published at' }).fill(publishedAt);
  await lookAt(page, 'publication-dialog');
  await publication.getByRole('button', { name: 'Save' }).click();
  await expect(publication).toBeHidden();
  await page.getByRole('button', { name: 'Publication', exact: true }).click();
  await expect(publication.getByRole('textbox', { name: 'Organisation' })).toHaveValue('Northline Checks');
  await expect(publication.getByRole('textbox', { name: 'Published at' })).toHaveValue(publishedAt);
  await page.keyboard.press('Escape');
  await expect(publication).toBeHidden();

  // A claim's own Fact-check URL.
  const ownUrl = 'https://checks.example.org/evacuation-record';
  await selectClaim(page, 'claim-2');
  // The statement's length as ClaimReview publishes it, with a hint past the recommended 75.
  const statement = page.getByRole('textbox', { name: 'Claim statement' });
  const length = (await statement.inputValue()).replace(/\s+/g, ' ').trim().length;
  expect(length).toBeGreaterThan(75);
  await expect(page.getByText(`${length} / 75 characters — ClaimReview recommends at most 75`)).toBeVisible();
  const factCheckUrl = page.getByRole('textbox', { name: 'Fact-check URL' });
  await factCheckUrl.fill(ownUrl);
  await factCheckUrl.press('Tab');

  // A correction on an approved claim: dated, with its author, in History.
  await selectClaim(page, 'claim-1');
  await expect(page.getByLabel('Review state')).toHaveText('Approved');
  await page.getByRole('button', { name: 'Add correction' }).click();
  const correction = page.getByRole('dialog', { name: 'Add correction' });
  await correction.getByRole('button', { name: 'Record correction' }).click();
  await expect(correction.getByRole('alert')).toBeVisible();
  const note = 'The toll was first given as 112; the ministry corrected it to 120 on 15 March.';
  await correction.getByRole('textbox', { name: 'Correction' }).fill(note);
  await correction.getByRole('button', { name: 'Record correction' }).click();
  await expect(correction).toBeHidden();
  await expect(page.getByRole('list', { name: 'Corrections' })).toContainText(note);
  await expect(page.getByRole('list', { name: 'Corrections' })).toContainText('Sam Tester');
  await page.getByRole('region', { name: 'Published fact-check' }).scrollIntoViewIfNeeded();
  await lookAt(page, 'claim-publication');
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem').first()).toContainText('Add correction');
  await page.getByRole('region', { name: 'History' }).getByRole('button', { name: 'Close history' }).click();
  await expect(savedStatus(page)).toBeVisible();

  // ClaimReview: author and url from the project, no warning about either, no flag named.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'ClaimReview JSON-LD…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('button', { name: 'Save export' }).click();
  const saved = dialog.getByRole('status').filter({ hasText: 'Saved' });
  await expect(saved).toBeVisible();
  const warnings = dialog.getByRole('list', { name: 'Export warnings' });
  if (await warnings.count()) {
    await expect(warnings).not.toContainText(/fact-check URL|organisation|--/i);
  }
  const claimReviewFile = (await saved.locator('code').textContent())!.trim();
  const reviews = JSON.parse(readFileSync(claimReviewFile, 'utf8')) as { url: string; author: { name: string }; claimReviewed: string }[];
  expect(reviews.length).toBeGreaterThan(0);
  for (const review of reviews) expect(review.author).toEqual({ '@type': 'Organization', name: 'Northline Checks' });
  const urls = reviews.map((review) => review.url);
  expect(urls).toContain(ownUrl);
  expect(urls).toContain(`${publishedAt}#claim-claim-1`);

  // The HTML report: the anchor ClaimReview points to exists, and the corrections log lists the correction.
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: 'HTML report' });
  await dialog.getByRole('button', { name: 'Save export' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Saved' }).locator('code')).toHaveText(/\.html$/);
  const htmlFile = (await dialog.getByRole('status').filter({ hasText: 'Saved' }).locator('code').textContent())!.trim();
  await page.goto(`file://${htmlFile}`);
  await expect(page.locator('#claim-claim-1')).toHaveCount(1);
  const log = page.getByRole('region', { name: 'Corrections' });
  await expect(log).toContainText(note);
  await expect(log).toContainText('Sam Tester');
  await expect(page.locator('#claim-claim-1')).toContainText(note);
  await lookAt(page, 'html-report-corrections');
});
