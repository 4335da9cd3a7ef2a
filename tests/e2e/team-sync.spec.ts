/**
 * Two people, two copies, one CouchDB-compatible server (pouchdb-server on 127.0.0.1, in memory, in
 * a temporary folder; stopped after): two browser-mode hosts with their own data folders and key
 * pairs. The editor shares the project and adds the checker; the checker joins, marks a claim and
 * sends it for review; the editor sees it arrive in the open window and approves it; the checker's
 * window shows it approved by the editor and locked — no reload anywhere. An approval forged with
 * the checker's own key is refused and listed in Conflicts on both sides.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { openProjectStore } from '../../electron/services/projectStore';
import { loadOrCreateIdentity } from '../../electron/services/sync/identity';
import { EntryStamper } from '../../electron/services/sync/stamper';
import { transportFor } from '../../electron/services/sync/backgroundSync';
import { syncKeyFor, syncRound, SyncStateFile } from '../../electron/services/sync/teamSync';
import { serializeProject } from '../../shared/projectFile';
import { startPouchServer, type PouchServer } from '../support/pouchServer';
import { REPO_ROOT } from './fixtures/buildApp';
import { projectWithArticle } from './fixtures/builtProject';
import { lookAt } from './fixtures/screens';
import { expect, openProjectInWindow, startWorkbench, test, type RunningWorkbench } from './fixtures/workbench';
import { markWithMouse } from './flows/workspaceFlow';

const PARAGRAPHS = [
  'Ferry strike ends after three days',
  'Union officials said at least 75 people had been stranded on the outer islands since Tuesday.',
  'The operator agreed to hire 40 more crew, officials said.',
];
const FIRST = 'at least 75 people';
const SECOND = 'hire 40 more crew';
const PASSPHRASE = 'ferry desk passphrase 2026';
const ADMIN = { name: 'admin', password: 'admin-secret' };
const USER = { name: 'newsroom', password: 'newsroom-secret' };

async function person(root: string, userName: string, role: 'checker' | 'editor') {
  const dataDir = path.join(root, `home-${role}`);
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ userName, role }));
  const printed = execFileSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'factcheck.js'), 'identity', '--data-dir', dataDir, '--json'], { encoding: 'utf8' });
  const { publicKey } = JSON.parse(printed) as { publicKey: string };
  return { dataDir, publicKey, userName };
}

async function openWindow(browser: Browser, host: RunningWorkbench, file: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(host.url);
  await openProjectInWindow(page, file);
  return page;
}

async function share(page: Page, url: string) {
  await page.getByRole('button', { name: 'Share…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share project' });
  await dialog.getByRole('textbox', { name: 'Folder or server URL' }).fill(url);
  await dialog.getByRole('textbox', { name: 'User' }).fill(USER.name);
  await dialog.getByLabel('Password', { exact: true }).fill(USER.password);
  await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Start sharing' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

/** A cited source (an approval needs one), then a verdict, then Ready for review. */
async function sendForReview(page: Page, sourceUrl: string) {
  await page.getByRole('button', { name: 'Add source' }).click();
  const source = page.getByRole('listitem', { name: /^Source 1/ });
  await source.getByRole('textbox', { name: 'Source URL' }).fill(sourceUrl);
  await source.getByRole('combobox', { name: 'Stance' }).selectOption({ label: 'Supports' });
  await source.getByRole('textbox', { name: 'Source URL' }).press('Tab');
  await page.getByRole('combobox', { name: 'Verdict' }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Ready for review' }).click();
  await expect(page.getByLabel('Review state')).toHaveText('Ready for review');
}

const syncStatus = (page: Page) => page.getByRole('status', { name: 'Sync status' });
const claims = (page: Page) => page.getByRole('list', { name: 'Claims', exact: true });

test('checker and editor on two copies review a claim through a CouchDB server; a forged approval is refused', async ({ browser }) => {
  test.setTimeout(240_000);
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-team-sync-'));
  let server: PouchServer | null = null;
  const hosts: RunningWorkbench[] = [];
  try {
    server = await startPouchServer({ inMemory: true });
    await server.addAdmin(ADMIN.name, ADMIN.password);
    await server.addUser(USER.name, USER.password, ADMIN);
    await server.createDatabase('ferry-desk', { admin: ADMIN, members: [USER.name] });
    const dbUrl = `${server.url}/ferry-desk`;

    const checker = await person(root, 'Ana Checker', 'checker');
    const editor = await person(root, 'Ed Editor', 'editor');
    const project = projectWithArticle('Ferry desk', PARAGRAPHS);
    const fileA = path.join(root, 'laptop', 'ferry.factcheck.json');
    const fileB = path.join(root, 'desk', 'ferry.factcheck.json');
    for (const file of [fileA, fileB]) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, serializeProject(project));
    }
    const hostA = await startWorkbench({ dataDir: checker.dataDir, identity: null });
    hosts.push(hostA);
    const hostB = await startWorkbench({ dataDir: editor.dataDir, identity: null });
    hosts.push(hostB);

    // B, the editor: adds the checker (becoming owner) and shares the project through the server.
    const pageB = await openWindow(browser, hostB, fileB);
    await pageB.getByRole('button', { name: 'Members…' }).click();
    const members = pageB.getByRole('dialog', { name: 'Members' });
    await members.getByRole('textbox', { name: 'Public key' }).fill(checker.publicKey);
    await members.getByRole('textbox', { name: 'Name' }).fill(checker.userName);
    await members.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Checker' });
    await members.getByRole('button', { name: 'Add member' }).click();
    await expect(members.getByRole('region', { name: 'Member list' }).getByRole('listitem')).toHaveCount(2);
    await members.getByRole('button', { name: 'Close' }).click();
    await share(pageB, dbUrl);
    await expect(syncStatus(pageB)).toHaveText('Synced');

    // A, the checker, on her own copy: joins, marks a claim, gives a verdict and sends it for review.
    const pageA = await openWindow(browser, hostA, fileA);
    await share(pageA, dbUrl);
    await expect(syncStatus(pageA)).toHaveText('Synced');
    await expect(pageA.getByText('Shared with 2 members')).toBeVisible({ timeout: 30_000 });
    await markWithMouse(pageA, FIRST);
    await sendForReview(pageA, 'https://example.org/union-statement');

    // B sees it arrive in the open window, marked with who changed it, and approves it.
    await expect(claims(pageB).getByRole('listitem')).toHaveCount(1, { timeout: 60_000 });
    await expect(claims(pageB).getByRole('listitem').first()).toContainText('Ready for review', { timeout: 60_000 });
    await expect(claims(pageB).getByRole('listitem').first()).toContainText('Edited elsewhere by Ana Checker');
    await lookAt(pageB, 'team-sync-edited-elsewhere');
    await claims(pageB).getByRole('button').first().click();
    await pageB.getByRole('button', { name: 'Approve' }).click();
    await expect(pageB.getByLabel('Review state')).toHaveText('Approved');

    // A: approved by the editor and locked, in the same window.
    await expect(pageA.getByLabel('Review state')).toHaveText('Approved', { timeout: 60_000 });
    await expect(pageA.getByRole('region', { name: 'Claim' })).toContainText('Approved by Ed Editor');
    await expect(pageA.getByRole('textbox', { name: 'Claim statement' })).toBeDisabled();
    await expect(pageA.getByRole('combobox', { name: 'Verdict' })).toBeDisabled();
    await expect(syncStatus(pageA)).toHaveText('Synced');

    // A second claim, sent for review, then an approval of it signed with the checker's own key,
    // pushed to the server by hand (the app would refuse to make it).
    await markWithMouse(pageA, SECOND);
    await sendForReview(pageA, 'https://example.org/operator-release');
    await expect(claims(pageB).getByRole('listitem')).toHaveCount(2, { timeout: 60_000 });
    await expect(claims(pageB).getByRole('listitem').nth(1)).toContainText('Ready for review', { timeout: 60_000 });

    const forgeFile = path.join(root, 'forger', 'ferry.factcheck.json');
    await fs.mkdir(path.dirname(forgeFile), { recursive: true });
    await expect.poll(async () => (await fs.readFile(fileA, 'utf8')).includes(SECOND), { timeout: 30_000 }).toBe(true);
    await fs.copyFile(fileA, forgeFile);
    const store = await openProjectStore(forgeFile);
    try {
      const stamper = new EntryStamper(await loadOrCreateIdentity(checker.dataDir));
      stamper.observe(store.project);
      const second = store.project.claims.find((c) => c.target.quote.exact === SECOND)!;
      store.apply(
        store.project.history.length,
        [{ kind: 'do', op: { type: 'changeState', claimId: second.id, state: 'approved', action: 'approve' } }],
        () => stamper.meta({ author: checker.userName, at: new Date().toISOString(), id: `forged-${Date.now()}` }),
        undefined,
        (entry) => stamper.seal(entry),
      );
      const transport = transportFor({ target: dbUrl, user: USER.name, password: USER.password, passphrase: PASSPHRASE }, 'forger-device');
      const key = await syncKeyFor(transport, store.project.id, PASSPHRASE);
      const round = await syncRound({ store, stamper, transport, key, state: new SyncStateFile(path.join(root, 'forger', 'state.json')) });
      expect(round.pushError).toBeUndefined();
      await transport.close();
    } finally {
      await store.close({ force: true });
    }

    for (const page of [pageB, pageA]) {
      const conflicts = page.getByRole('region', { name: 'Conflicts' });
      await expect(conflicts).toContainText('Not applied: a change by Ana Checker', { timeout: 60_000 });
      await expect(conflicts).toContainText('needs an editor or owner, and Ana Checker is a checker of this project');
      await expect(syncStatus(page)).toHaveText('Conflicts (1)');
    }
    await claims(pageB).getByRole('button').nth(1).click();
    await expect(pageB.getByLabel('Review state')).toHaveText('Ready for review');
    await lookAt(pageB, 'team-sync-conflicts');
  } finally {
    for (const host of hosts) await host.stop();
    await server?.stop();
    await fs.rm(root, { recursive: true, force: true });
  }
});
