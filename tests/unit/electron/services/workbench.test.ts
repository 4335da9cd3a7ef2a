import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbench, slugify, type WorkbenchDeps } from '../../../../electron/services/workbench';
import { callNames, dispatchCall } from '../../../../shared/api';
import type { Article } from '../../../../shared/model';
import type { Change } from '../../../../shared/operations';
import { parseProjectFile } from '../../../../shared/projectFile';
import { REPO } from '../../testPaths';
import { exists, sampleClaim, tempDir } from './helpers';
import { sha256Hex } from '../../../../electron/services/intake/sha256';

async function setup(extra: Partial<WorkbenchDeps> = {}) {
  const dataDir = path.join(await tempDir(), 'data');
  const workbench = createWorkbench({ dataDir, mode: 'browser', version: '9.9.9', resourcesDir: path.join(dataDir, 'none'), ...extra });
  // Every change is recorded with its author: the workbench refuses changes until a name is set.
  await workbench.updateSettings({ userName: 'Test Checker' });
  return { dataDir, projectsDir: path.join(dataDir, 'projects'), workbench };
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('createWorkbench', () => {
  it('implements every call of the contract', async () => {
    const { workbench } = await setup();
    // Exactly the contract's calls (and the host's lifecycle: dispose, prepareIdentity): none missing, none the contract does not know.
    const lifecycle = new Set(['dispose', 'prepareIdentity']);
    const own = Object.keys(workbench).filter((key) => !lifecycle.has(key) && typeof (workbench as unknown as Record<string, unknown>)[key] === 'function');
    expect(own.sort()).toEqual([...callNames].sort());
    expect(await workbench.getAppInfo({})).toMatchObject({ version: '9.9.9', mode: 'browser' });
    await workbench.dispose();
  });

  it('end to end: create → import → add article and claim → save → close → reopen equal', async () => {
    const { workbench, projectsDir, dataDir } = await setup();
    await workbench.updateSettings({ userName: 'Ana Checker' });
    const created = await workbench.createProject({ title: 'Strikes: a check' });
    expect(created.path).toBe(path.join(projectsDir, 'strikes-a-check.factcheck.json'));
    expect(await exists(`${created.path}.lock`)).toBe(true);

    const version = await workbench.importArticle({
      fileName: 'strikes.md',
      dataBase64: base64('# Strikes\n\nAt least 75 people have been killed in the strikes, officials said.\n'),
    });
    expect(version.format).toBe('markdown');
    const article: Article = { ...version, id: 'article-1', previousVersions: [] };
    const result = await workbench.applyChanges({
      projectId: created.project.id,
      baseSeq: 0,
      changes: [
        { kind: 'do', op: { type: 'addArticle', article } },
        { kind: 'do', op: { type: 'addClaim', claim: sampleClaim(article) } },
      ],
    });
    expect(result.seq).toBe(2);
    expect(result.entries[0]).toMatchObject({ seq: 0, author: 'Ana Checker', kind: 'do' });
    expect(result.entries[0].id).not.toBe(result.entries[1].id);
    expect(Number.isNaN(Date.parse(result.entries[1].at))).toBe(false);

    expect(await workbench.waitForSave({ seq: 2 })).toEqual({ state: 'saved', savedSeq: 2 });
    const open = await workbench.getOpenProject({});
    expect(open?.project.claims).toHaveLength(1);

    await workbench.closeProject({});
    expect(await workbench.getOpenProject({})).toBeNull();
    expect(await workbench.getSaveStatus({})).toEqual({ state: 'idle', savedSeq: 0 });
    expect(await exists(`${created.path}.lock`)).toBe(false);

    const reopened = await workbench.openProject({ path: created.path });
    expect(reopened.project).toEqual(open!.project);
    const onDisk = parseProjectFile(await fs.readFile(created.path, 'utf8'), sha256Hex);
    expect(onDisk.ok && onDisk.project).toEqual(open!.project);

    expect((await workbench.listRecent({}))[0]).toMatchObject({ path: created.path, title: 'Strikes: a check' });
    const files = await workbench.listProjectFiles({});
    expect(files).toEqual([expect.objectContaining({ path: created.path, title: 'Strikes: a check' })]);
    await workbench.dispose();
    expect(await exists(`${created.path}.lock`)).toBe(false);
    // The user's name outlives the session: it is in the data folder's settings file.
    expect(JSON.parse(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ userName: 'Ana Checker' });
  });

  it('numbers new project files instead of overwriting, and refuses an explicit existing path', async () => {
    const { workbench, projectsDir } = await setup();
    const a = await workbench.createProject({ title: 'Same title' });
    const b = await workbench.createProject({ title: 'Same title' });
    expect(path.basename(a.path)).toBe('same-title.factcheck.json');
    expect(path.basename(b.path)).toBe('same-title-2.factcheck.json');
    expect(await exists(`${a.path}.lock`)).toBe(false);

    const taken = path.join(projectsDir, 'taken.factcheck.json');
    await fs.writeFile(taken, 'keep me');
    await expect(workbench.createProject({ title: 'X', path: taken })).rejects.toMatchObject({ code: 'io-error' });
    expect(await fs.readFile(taken, 'utf8')).toBe('keep me');
    expect((await workbench.getOpenProject({}))?.path).toBe(b.path);

    const explicit = await workbench.createProject({ title: 'Named', path: path.join(projectsDir, 'sub', 'named') });
    expect(explicit.path).toBe(path.join(projectsDir, 'sub', 'named.factcheck.json'));
    await workbench.dispose();
  });

  it('keeps the current project when opening an invalid file fails, naming the file', async () => {
    const { workbench, projectsDir } = await setup();
    const current = await workbench.createProject({ title: 'Current' });
    const bad = path.join(projectsDir, 'bad.factcheck.json');
    await fs.writeFile(bad, '{"format": "factcheck-workbench", "schemaVersion": 1, "id": ');
    await expect(workbench.openProject({ path: bad })).rejects.toMatchObject({ code: 'invalid-project', message: expect.stringContaining('bad.factcheck.json') });
    expect((await workbench.getOpenProject({}))?.path).toBe(current.path);
    expect(await exists(`${bad}.lock`)).toBe(false);
    await workbench.dispose();
  });

  it('checks projectId and baseSeq on applyChanges, and needs an open project', async () => {
    const { workbench } = await setup();
    const change = { kind: 'do' as const, op: { type: 'renameProject' as const, title: 'x' } };
    await expect(workbench.applyChanges({ projectId: 'p', baseSeq: 0, changes: [change] })).rejects.toMatchObject({ code: 'no-project' });
    const { project } = await workbench.createProject({ title: 'P' });
    await expect(workbench.applyChanges({ projectId: 'other', baseSeq: 0, changes: [change] })).rejects.toMatchObject({ code: 'out-of-sync' });
    await expect(workbench.applyChanges({ projectId: project.id, baseSeq: 5, changes: [change] })).rejects.toMatchObject({ code: 'out-of-sync' });
    await expect(workbench.applyChanges({ projectId: project.id, baseSeq: 0, changes: [] })).rejects.toMatchObject({ code: 'invalid-arguments' });
    await workbench.dispose();
  });

  it('refuses new editClaim{state} and renameArticle changes, but opens, undoes and redoes a file that holds them', async () => {
    const { workbench, dataDir } = await setup();
    await workbench.updateSettings({ role: 'editor' });
    const file = path.join(dataDir, 'legacy.factcheck.json');
    await fs.mkdir(dataDir, { recursive: true });
    await fs.copyFile(path.join(REPO, 'tests', 'fixtures', 'projects', 'legacy-history.factcheck.json'), file);
    const { project } = await workbench.openProject({ path: file });
    const send = (changes: Change[], baseSeq: number) => workbench.applyChanges({ projectId: project.id, baseSeq, changes });
    const seq = project.history.length;
    await expect(send([{ kind: 'do', op: { type: 'editClaim', claimId: 'claim-1', changes: { state: 'draft' } } }], seq)).rejects.toMatchObject({
      code: 'invalid-arguments',
      message: expect.stringContaining('changeState'),
    });
    await expect(send([{ kind: 'do', op: { type: 'renameArticle', articleId: 'article-1', title: 'New' } }], seq)).rejects.toMatchObject({
      code: 'invalid-arguments',
      message: expect.stringContaining('editArticleMetadata'),
    });
    const undo = { kind: 'undo' as const };
    const undone = await send([undo, undo, undo, undo, undo], seq);
    expect(undone.entries.map((e) => e.op.type)).toEqual(['deleteComment', 'changeState', 'editClaim', 'renameArticle', 'editClaim']);
    await send([{ kind: 'redo' }, { kind: 'redo' }], undone.seq);
    await workbench.closeProject({});
    const reopened = parseProjectFile(await fs.readFile(file, 'utf8'), sha256Hex);
    expect(reopened.ok && reopened.project.articles[0].metadata.title).toBe('Strikes: the toll');
    expect(reopened.ok && reopened.project.claims[0].state).toBe('readyForReview');
    await workbench.dispose();
  });

  it('saveProjectAs moves to the new file and refuses to overwrite a different project', async () => {
    const { workbench, projectsDir } = await setup();
    const other = await workbench.createProject({ title: 'Other' });
    const { project } = await workbench.createProject({ title: 'Mine' });
    await expect(workbench.saveProjectAs({ path: other.path })).rejects.toMatchObject({ code: 'io-error' });
    const saved = await workbench.saveProjectAs({ path: 'copy' });
    expect(saved.path).toBe(path.join(projectsDir, 'copy.factcheck.json'));
    expect(saved.project.id).toBe(project.id);
    expect((await workbench.listRecent({}))[0].path).toBe(saved.path);
    await workbench.dispose();
  });

  it('pickPath and openExternal use the injected dialogs and URL opener, after the URL check', async () => {
    const openedUrls: string[] = [];
    const plain = await setup();
    expect(await plain.workbench.pickPath({ purpose: 'openProject' })).toEqual({ supported: false, path: null });
    expect(await plain.workbench.openExternal({ url: 'https://example.com/' })).toMatchObject({ opened: false });

    const { workbench, projectsDir } = await setup({
      dialogs: { pick: async (purpose, defaultPath) => `${purpose}:${defaultPath}` },
      openUrl: async (url) => {
        openedUrls.push(url);
      },
    });
    expect(await workbench.pickPath({ purpose: 'importArticle' })).toEqual({ supported: true, path: `importArticle:${projectsDir}` });
    const refused = await workbench.openExternal({ url: 'javascript:alert(1)' });
    expect(refused.opened).toBe(false);
    expect(refused.reason).toBe('Only web links (http:// or https://) can be opened.');
    expect(await workbench.openExternal({ url: 'https://example.com/a' })).toEqual({ opened: true });
    expect(openedUrls).toEqual(['https://example.com/a']);
  });

  it('refuses unsupported article files through the envelope', async () => {
    const { workbench } = await setup();
    const envelope = await dispatchCall(workbench, 'importArticle', { fileName: 'x.docx', dataBase64: base64('PK') });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'unsupported-file' } });
  });

  it('slugifies titles for file names', () => {
    expect(slugify('Café: the “largest” carrier!')).toBe('cafe-the-largest-carrier');
    expect(slugify('***')).toBe('project');
  });
});
