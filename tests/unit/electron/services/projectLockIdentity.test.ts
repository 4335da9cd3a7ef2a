/**
 * A lock is stale when the process it names is gone, even if its pid now belongs to another live
 * process (pids are reused after a crash or reboot): the lock records the process's start time and
 * the computer's boot id, and a live pid with another start time, or a lock from an earlier boot,
 * is taken over. A lock that is a folder never fails the open with a bare EISDIR.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireProjectLock, lockPathFor } from '../../../../electron/services/projectLock';
import { openProjectStore } from '../../../../electron/services/projectStore';
import { emptyProject, tempDir } from './helpers';
import { serializeProject } from '../../../../shared/projectFile';

const sleepers: ChildProcess[] = [];
afterEach(() => {
  while (sleepers.length) sleepers.pop()!.kill('SIGKILL');
});

/** Another live process on this computer, started after this one. */
async function liveStranger(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  sleepers.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child.pid!;
}

/** The lock file this process writes, then released, so a test can rewrite it as an earlier process's. */
async function lockAsWritten(project: string): Promise<Record<string, unknown>> {
  const lock = await acquireProjectLock(project);
  const info = JSON.parse(await fs.readFile(lock.path, 'utf8')) as Record<string, unknown>;
  await lock.release();
  return info;
}

describe('stale locks, by more than the pid', () => {
  it('takes over a lock whose pid now belongs to another live process', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'a.factcheck.json');
    const written = await lockAsWritten(project);
    // The process that wrote it is gone, and its pid was given to an unrelated process.
    await fs.writeFile(lockPathFor(project), JSON.stringify({ ...written, pid: await liveStranger() }));
    const lock = await acquireProjectLock(project);
    expect(JSON.parse(await fs.readFile(lock.path, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('still refuses a lock held by that live process itself', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'a.factcheck.json');
    const stranger = await liveStranger();
    const held = await acquireProjectLock(project, { pid: stranger });
    await expect(acquireProjectLock(project)).rejects.toMatchObject({ code: 'project-locked' });
    await expect(acquireProjectLock(project)).rejects.toThrow(new RegExp(`process ${stranger}`));
    await held.release();
  });

  it('takes over a lock written before the computer last started, whatever its pid', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'a.factcheck.json');
    const stranger = await liveStranger();
    const held = await acquireProjectLock(project, { pid: stranger });
    const info = JSON.parse(await fs.readFile(held.path, 'utf8')) as Record<string, unknown>;
    await fs.writeFile(held.path, JSON.stringify({ ...info, bootId: 'an-earlier-boot' }));
    const lock = await acquireProjectLock(project);
    expect(JSON.parse(await fs.readFile(lock.path, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });
});

describe('a lock that is a folder', () => {
  it('an empty folder is removed and the project opens', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'a.factcheck.json');
    await fs.writeFile(project, serializeProject(emptyProject()));
    await fs.mkdir(lockPathFor(project));
    const store = await openProjectStore(project);
    expect((await fs.stat(lockPathFor(project))).isFile()).toBe(true);
    await store.close();
  });

  it('a folder with files in it is left alone, and the message says what to do (no bare EISDIR)', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'a.factcheck.json');
    await fs.writeFile(project, serializeProject(emptyProject()));
    await fs.mkdir(lockPathFor(project));
    await fs.writeFile(path.join(lockPathFor(project), 'keep.txt'), 'not ours');
    const opening = openProjectStore(project);
    await expect(opening).rejects.toMatchObject({ code: 'project-locked' });
    await expect(openProjectStore(project)).rejects.toThrow(/"a\.factcheck\.json\.lock" is a folder/);
    await expect(openProjectStore(project)).rejects.not.toThrow(/EISDIR/);
    expect(await fs.readFile(path.join(lockPathFor(project), 'keep.txt'), 'utf8')).toBe('not ours');
  });
});
