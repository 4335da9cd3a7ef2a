/**
 * Error paths in the window, each through a real failure: the host process (and only it) loads
 * tests/support/fsFaults.cjs, which makes the file system refuse calls the test names (disk full,
 * permission denied, input/output error, a failed fsync, a lock file the folder refuses); folders
 * that cannot be made are real (a file where a folder is expected); the project file is really
 * deleted or replaced. Each shows the user why, and nothing typed is lost.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { parseProjectFile, serializeProject } from '../../shared/projectFile';
import { sha256Hex } from '../../electron/services/intake/sha256';
import { projectWithClaims, writeProjectFile } from '../support/projectFiles';
import { expect, openProjectInWindow, savedStatus, startWorkbench, test, type RunningWorkbench } from './fixtures/workbench';

const FAULTS_MODULE = fileURLToPath(new URL('../support/fsFaults.cjs', import.meta.url));
const PARAGRAPHS = [
  'The harbour authority said the new quay will open in March after two years of building work.',
  'Officials said 40 ships a week will use it, twice as many as the old quay could take.',
];

type Rule = { op: 'open' | 'rename' | 'mkdir' | 'link' | 'fsync'; match: string; code: string };

interface FaultyHost {
  host: RunningWorkbench;
  dir: string;
  file: string;
  inject(rules: Rule[]): Promise<void>;
}

/** A host on a fresh data folder with the fault module loaded, and a two-claim project open in the page. */
async function openWithFaults(page: Page, run: (h: FaultyHost) => Promise<void>): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-e2e-faults-'));
  const rulesFile = path.join(dir, 'faults.json');
  await fs.writeFile(rulesFile, '[]');
  const projectsDir = path.join(dir, 'data', 'projects');
  await fs.mkdir(projectsDir, { recursive: true });
  const file = writeProjectFile(projectsDir, 'harbour', projectWithClaims({ title: 'Harbour', paragraphs: PARAGRAPHS, claims: 2 }));
  const host = await startWorkbench({
    dataDir: path.join(dir, 'data'),
    env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${FAULTS_MODULE}`.trim(), FACTCHECK_TEST_FS_FAULTS: rulesFile },
  });
  try {
    await page.goto(host.url);
    await openProjectInWindow(page, file);
    // The rules are replaced in one step (a rename): the host never reads a half-written file, which would mean no faults.
    const inject = async (rules: Rule[]) => {
      await fs.writeFile(`${rulesFile}.next`, JSON.stringify(rules));
      await fs.rename(`${rulesFile}.next`, rulesFile);
    };
    await run({ host, dir, file, inject });
  } finally {
    await host.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The temp file a durable write of `file` opens first. */
const tempOf = (file: string) => `${escape(file)}\\.[0-9a-f]{12}\\.tmp$`;

async function readProject(file: string) {
  const parsed = parseProjectFile(await fs.readFile(file, 'utf8'), sha256Hex);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.project;
}

async function editStatement(page: Page, text: string): Promise<void> {
  const statement = page.getByRole('textbox', { name: 'Claim statement' });
  await statement.fill(text);
  await statement.press('Tab');
}

function selectFirstClaim(page: Page) {
  return page.getByRole('list', { name: 'Claims', exact: true }).getByRole('listitem').first().click();
}

const notSaved = (page: Page) => page.getByRole('status').filter({ hasText: /^Not saved: / });

test('a save the disk refuses says why (full, forbidden, I/O error, failed fsync); every edit reaches the file once it works again', async ({ page }) => {
  await openWithFaults(page, async ({ file, inject }) => {
    await selectFirstClaim(page);
    const name = path.basename(file);
    const cases: Array<[Rule, string]> = [
      [{ op: 'open', match: tempOf(file), code: 'ENOSPC' }, 'the disk is full.'],
      [{ op: 'open', match: tempOf(file), code: 'EACCES' }, 'permission denied.'],
      [{ op: 'rename', match: `${escape(file)}$`, code: 'EIO' }, 'the disk reported an input/output error.'],
      [{ op: 'fsync', match: tempOf(file), code: 'EIO' }, 'the disk reported an input/output error.'],
      [{ op: 'open', match: tempOf(file), code: 'EROFS' }, 'the disk is read-only.'],
    ];
    const before = await fs.readFile(file, 'utf8');
    // Each case's fault fails the save first; the file's rename fails in every case too, so a retry of the case
    // before (its fault gone) cannot reach the file while the next one is set up.
    const renameRefused: Rule = { op: 'rename', match: `${escape(file)}$`, code: 'EIO' };
    for (const [index, [rule, reason]] of cases.entries()) {
      await inject([rule, renameRefused]);
      await editStatement(page, `Statement written while the disk refused (${index + 1}).`);
      await expect(notSaved(page)).toHaveText(`Not saved: Could not save "${name}": ${reason}`);
      // The file on disk is the last good one, untouched.
      expect(await fs.readFile(file, 'utf8')).toBe(before);
    }
    await inject([]);
    await editStatement(page, 'The quay opens in March, the authority says.');
    await expect(savedStatus(page)).toBeVisible();
    const saved = await readProject(file);
    expect(saved.claims[0]!.statement).toBe('The quay opens in March, the authority says.');
    // Every edit made during the failures is in the saved history, in order.
    const statements = saved.history.flatMap((e) => (e.op.type === 'editClaim' && e.op.changes.statement ? [e.op.changes.statement] : []));
    expect(statements).toEqual([...cases.map((_, i) => `Statement written while the disk refused (${i + 1}).`), 'The quay opens in March, the authority says.']);
    // Nothing half-written is left beside the project.
    // (polled: a save that is finishing may hold its temp file for a moment)
    await expect.poll(async () => (await fs.readdir(path.dirname(file))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

test('export into a folder that cannot be made, or onto a full disk, says why; the export then works elsewhere', async ({ page }) => {
  await openWithFaults(page, async ({ dir, inject }) => {
    const notAFolder = path.join(dir, 'notes.txt');
    await fs.writeFile(notAFolder, 'a file where the export expects a folder');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: 'Markdown report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const target = dialog.getByRole('textbox', { name: 'Export to path' });
    await target.fill(path.join(notAFolder, 'report.md'));
    await dialog.getByRole('button', { name: 'Save export' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(`Export failed: Cannot write ${path.join(notAFolder, 'report.md')}: the folder cannot be made: a file is in the way where a folder is expected.`);

    const good = path.join(dir, 'exports', 'report.md');
    await inject([{ op: 'open', match: tempOf(good), code: 'ENOSPC' }]);
    await target.fill(good);
    await dialog.getByRole('button', { name: 'Save export' }).click();
    await expect(dialog.getByRole('alert')).toHaveText(`Export failed: Cannot write ${good}: the disk is full.`);
    await expect(fs.stat(good)).rejects.toMatchObject({ code: 'ENOENT' });

    await inject([]);
    await dialog.getByRole('button', { name: 'Save export' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Saved' })).toContainText(good);
    expect(await fs.readFile(good, 'utf8')).toContain('Harbour');
    expect(await fs.readFile(notAFolder, 'utf8')).toBe('a file where the export expects a folder');
  });
});

test('an attachment the disk refuses is not attached and says why; attaching again works', async ({ page }) => {
  await openWithFaults(page, async ({ file, inject }) => {
    await selectFirstClaim(page);
    await page.getByRole('button', { name: 'Add source' }).click();
    const source = page.getByRole('listitem', { name: /^Source 1/ });
    const assets = file.replace(/\.factcheck\.json$/, '.assets');
    await inject([{ op: 'open', match: `^${escape(assets)}/[0-9a-f]{64}\\.md\\.[0-9a-f]{12}\\.tmp$`, code: 'ENOSPC' }]);
    const upload = { name: 'toll.md', mimeType: 'text/markdown', buffer: Buffer.from('# Toll\n\n80 people.\n') };
    await source.getByLabel('Attachment file').setInputFiles(upload);
    await expect(page.getByRole('alert').filter({ hasText: 'toll.md' })).toHaveText(
      /"toll\.md" could not be attached: Cannot store the attachment "toll\.md": the disk is full\./,
    );
    await expect(source.getByRole('list', { name: 'Attachments' })).toHaveCount(0);
    await expect(savedStatus(page)).toBeVisible();

    await inject([]);
    await source.getByLabel('Attachment file').setInputFiles(upload);
    await expect(source.getByRole('list', { name: 'Attachments' })).toContainText('toll.md');
    await expect(savedStatus(page)).toBeVisible();
    const saved = await readProject(file);
    expect(saved.sources.flatMap((s) => s.attachments ?? []).map((a) => a.name)).toEqual(['toll.md']);
    expect((await fs.readdir(assets)).filter((n) => n.endsWith('.md'))).toHaveLength(1);
  });
});

async function saveAs(page: Page, target: string): Promise<void> {
  await page.getByRole('button', { name: 'Save as', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save project as' });
  await dialog.getByRole('textbox', { name: 'Save to path' }).fill(target);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
}

test('Save as into a missing folder makes it; into a folder that cannot be made, or where its lock is refused, says why and the project stays where it was', async ({ page }) => {
  await openWithFaults(page, async ({ dir, file, inject }) => {
    await selectFirstClaim(page);
    await editStatement(page, 'Edited before Save as.');
    await expect(savedStatus(page)).toBeVisible();

    const blocked = path.join(dir, 'notes.txt');
    await fs.writeFile(blocked, 'not a folder');
    await saveAs(page, path.join(blocked, 'copy'));
    await expect(page.getByRole('alert').filter({ hasText: 'Could not save the project' })).toContainText(
      `Could not save the project to ${path.join(blocked, 'copy')}: Cannot save as "copy.factcheck.json": the folder cannot be made: a file is in the way where a folder is expected.`,
    );
    // A folder that refuses the new file's lock: the copy is not made.
    const unlockable = path.join(dir, 'locked-copy');
    await inject([{ op: 'link', match: `${escape(unlockable)}\\.factcheck\\.json\\.lock\\.`, code: 'EACCES' }]);
    // The dialog stays open after a refusal: the user types another path into it.
    const dialog = page.getByRole('dialog', { name: 'Save project as' });
    await dialog.getByRole('textbox', { name: 'Save to path' }).fill(unlockable);
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'locked-copy' })).toContainText(
      `Could not save the project to ${unlockable}: Cannot save as "locked-copy.factcheck.json": permission denied.`,
    );
    await inject([]);
    await expect(fs.stat(`${unlockable}.factcheck.json`)).rejects.toMatchObject({ code: 'ENOENT' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // Still open at its old path: a further edit is saved there.
    await editStatement(page, 'Edited after the refused Save as.');
    await expect(savedStatus(page)).toBeVisible();
    expect((await readProject(file)).claims[0]!.statement).toBe('Edited after the refused Save as.');

    const copy = path.join(dir, 'new', 'deeper', 'copy.factcheck.json');
    await saveAs(page, copy);
    await expect(page.getByRole('dialog', { name: 'Save project as' })).toBeHidden();
    await editStatement(page, 'Edited in the copy.');
    await expect(savedStatus(page)).toBeVisible();
    expect((await readProject(copy)).claims[0]!.statement).toBe('Edited in the copy.');
    expect((await readProject(file)).claims[0]!.statement).toBe('Edited after the refused Save as.');
  });
});

test('the project file deleted while open: "Not saved" says so, and Save as onto its name writes every edit back', async ({ page }) => {
  await openWithFaults(page, async ({ file }) => {
    await selectFirstClaim(page);
    await fs.rm(file);
    await editStatement(page, 'Written after the file was deleted.');
    await expect(notSaved(page)).toHaveText(
      `Not saved: Could not save "${path.basename(file)}": the file was deleted or moved by another program while it was open. Use Save as to keep your version.`,
    );
    await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    await saveAs(page, file);
    await expect(savedStatus(page)).toBeVisible();
    expect((await readProject(file)).claims[0]!.statement).toBe('Written after the file was deleted.');
  });
});

test('the project file replaced while open: the other file is kept, "Not saved" says so, and Save as keeps the edits', async ({ page }) => {
  await openWithFaults(page, async ({ dir, file }) => {
    await selectFirstClaim(page);
    const other = serializeProject(projectWithClaims({ title: 'Someone else’s copy', paragraphs: PARAGRAPHS, claims: 1 }));
    await fs.writeFile(`${file}.incoming`, other);
    await fs.rename(`${file}.incoming`, file);
    await editStatement(page, 'Written after the file was replaced.');
    await expect(notSaved(page)).toHaveText(
      `Not saved: Could not save "${path.basename(file)}": another program replaced or changed the file while it was open; that file is left as it is. Use Save as to keep your version.`,
    );
    expect(await fs.readFile(file, 'utf8')).toBe(other);
    const mine = path.join(dir, 'mine.factcheck.json');
    await saveAs(page, mine);
    await expect(savedStatus(page)).toBeVisible();
    expect((await readProject(mine)).claims[0]!.statement).toBe('Written after the file was replaced.');
    expect(await fs.readFile(file, 'utf8')).toBe(other);
  });
});
