/**
 * Team sync as the window sees it, through the contract: two people with their own data folders
 * and copies of one project, shared through a sync folder; a change on one copy reaches the other
 * copy's change feed without reopening; the status line says Synced, Offline — N changes waiting
 * and Conflicts (N); the password and passphrase never reach the project file or lie in clear text.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeFeedResult, WorkbenchApi } from '../../../../../shared/api';
import { createWorkbench, type Workbench } from '../../../../../electron/services/workbench';
import { tempDir } from '../helpers';

const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery staple';
const opened: Workbench[] = [];

afterEach(async () => {
  while (opened.length) await opened.pop()!.dispose();
});

async function person(root: string, name: string, role: 'checker' | 'editor') {
  const dataDir = path.join(root, `home-${name}`);
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ userName: name, role }));
  const workbench = createWorkbench({ dataDir, mode: 'browser', version: 't', resourcesDir: path.join(root, 'none'), sync: { intervalMs: 100, scrypt: FAST_SCRYPT } });
  opened.push(workbench);
  return { dataDir, workbench };
}

/** Follows a workbench's change feed until `done` holds (bounded: 40 answers of at most 5 s). */
async function feedUntil(api: WorkbenchApi, done: (news: ChangeFeedResult) => boolean, from = 0): Promise<ChangeFeedResult> {
  let since = from;
  for (let i = 0; i < 40; i++) {
    const news = await api.waitForChanges({ sinceSeq: since, timeoutMs: 5000 });
    if (done(news)) return news;
    since = news.seq;
  }
  throw new Error('the change feed never said so');
}

async function twoCopies() {
  const root = await tempDir();
  const folder = path.join(root, 'sync-folder');
  await fs.mkdir(folder);
  const ana = await person(root, 'Ana', 'checker');
  const ed = await person(root, 'Ed', 'editor');
  const fileA = path.join(root, 'a', 'team.factcheck.json');
  const fileB = path.join(root, 'b', 'team.factcheck.json');
  await fs.mkdir(path.dirname(fileA));
  await fs.mkdir(path.dirname(fileB));
  const created = await ana.workbench.createProject({ title: 'Team check', path: fileA });
  await ana.workbench.waitForSave({ seq: created.project.history.length });
  await fs.copyFile(fileA, fileB);
  await ed.workbench.openProject({ path: fileB });
  return { root, folder, ana, ed, fileA, fileB, projectId: created.project.id };
}

describe('background sync through a sync folder', () => {
  it('a change on one copy reaches the open project of the other through its change feed', async () => {
    const { folder, ana, ed, projectId } = await twoCopies();
    const first = await ana.workbench.shareProject({ target: folder, passphrase: PASSPHRASE });
    expect(first.text).toBe('Synced');
    expect((await ed.workbench.shareProject({ target: folder, passphrase: PASSPHRASE })).text).toBe('Synced');

    const before = await ana.workbench.getOpenProject({});
    await ana.workbench.applyChanges({ projectId, baseSeq: before!.project.history.length, changes: [{ kind: 'do', op: { type: 'setMethodology', text: 'Two sources for every number' } }] });

    const news = await feedUntil(ed.workbench, (n) => n.project?.methodology === 'Two sources for every number');
    expect(news.projectId).toBe(projectId);
    expect(news.sync?.text).toBe('Synced');
    // The owner entry Ana made when she shared came along: Ed's copy knows she owns it.
    expect(news.project?.members?.map((m) => `${m.name} ${m.role}`)).toEqual(['Ana owner']);
  });

  it('a wrong passphrase for a folder that has a key is refused, and nothing is kept', async () => {
    const { folder, ana, ed } = await twoCopies();
    await ana.workbench.shareProject({ target: folder, passphrase: PASSPHRASE });
    await expect(ed.workbench.shareProject({ target: folder, passphrase: 'not the passphrase' })).rejects.toThrow(/passphrase/i);
    expect(await ed.workbench.getSyncStatus({})).toBeNull();
  });

  it('with the folder gone, the status counts the changes waiting; they go out once it is back', async () => {
    const { root, folder, ana, projectId } = await twoCopies();
    await ana.workbench.shareProject({ target: folder, passphrase: PASSPHRASE });
    const moved = path.join(root, 'unplugged');
    await fs.rename(folder, moved);
    const before = await ana.workbench.getOpenProject({});
    await ana.workbench.applyChanges({ projectId, baseSeq: before!.project.history.length, changes: [{ kind: 'do', op: { type: 'setMethodology', text: 'Written offline' } }] });
    const offline = await feedUntil(ana.workbench, (n) => n.sync?.state === 'offline');
    expect(offline.sync?.text).toBe('Offline — 1 changes waiting');

    await fs.rename(moved, folder);
    const back = await feedUntil(ana.workbench, (n) => n.sync?.state === 'synced', offline.seq);
    expect(back.sync?.text).toBe('Synced');
    expect(back.sync?.waiting).toBe(0);
    // A new status alone does not send the project (unchanged) to the window again.
    expect(back.project).toBeUndefined();
  });

  it('keeps the target and sealed secrets in the data folder, never in the project file or in clear text', async () => {
    const { ana, fileA } = await twoCopies();
    const root = path.dirname(path.dirname(fileA));
    const server = path.join(root, 'share-target');
    await fs.mkdir(server);
    await ana.workbench.shareProject({ target: server, user: 'ana', password: 'server-secret-pw', passphrase: PASSPHRASE });
    await ana.workbench.closeProject({});
    const projectText = await fs.readFile(fileA, 'utf8');
    const shares = await fs.readFile(path.join(ana.dataDir, 'sync', 'shares.json'), 'utf8');
    for (const text of [projectText, shares]) {
      expect(text).not.toContain(PASSPHRASE);
      expect(text).not.toContain('server-secret-pw');
    }
    expect(projectText).not.toContain(server);
    expect(shares).toContain(server);
    if (process.platform !== 'win32') expect((await fs.stat(path.join(ana.dataDir, 'sync', 'shares.json'))).mode & 0o077).toBe(0);

    // Opened again, the project syncs with what was kept.
    await ana.workbench.openProject({ path: fileA });
    const news = await feedUntil(ana.workbench, (n) => n.sync?.text === 'Synced');
    expect(news.sync?.target).toBe(server);
  });
});
