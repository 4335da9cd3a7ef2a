import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireProjectLock, isProcessAlive, lockPathFor } from '../../../../electron/services/projectLock';
import { exists, tempDir } from './helpers';

describe('project lock', () => {
  it('writes {pid, host, at} beside the project and removes it on release', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'a.factcheck.json');
    const lock = await acquireProjectLock(project);
    expect(lock.path).toBe(lockPathFor(project));
    const info = JSON.parse(await fs.readFile(lock.path, 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(typeof info.at).toBe('string');
    await lock.release();
    expect(await exists(lock.path)).toBe(false);
    await lock.release();
  });

  it('refuses a lock held by a live process, this one included', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'a.factcheck.json');
    const lock = await acquireProjectLock(project);
    await expect(acquireProjectLock(project)).rejects.toMatchObject({ code: 'project-locked' });
    await expect(acquireProjectLock(project)).rejects.toThrow(/a\.factcheck\.json/);
    await lock.release();
    const again = await acquireProjectLock(project);
    await again.release();
  });

  it('refuses a lock held on another computer', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'a.factcheck.json');
    await fs.writeFile(lockPathFor(project), JSON.stringify({ pid: 1, host: 'elsewhere.example', at: 'x' }));
    await expect(acquireProjectLock(project)).rejects.toMatchObject({ code: 'project-locked' });
  });

  it('takes over a stale lock: dead pid on this host, or an unreadable lock file', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'a.factcheck.json');
    await fs.writeFile(lockPathFor(project), JSON.stringify({ pid: 424242, host: os.hostname(), at: 'x' }));
    const lock = await acquireProjectLock(project, { isAlive: (pid) => pid !== 424242 });
    expect(JSON.parse(await fs.readFile(lock.path, 'utf8')).pid).toBe(process.pid);
    await lock.release();

    await fs.writeFile(lockPathFor(project), 'garbage{');
    const lock2 = await acquireProjectLock(project);
    expect(JSON.parse(await fs.readFile(lock2.path, 'utf8')).pid).toBe(process.pid);
    await lock2.release();
  });

  it('takes over a lock naming this pid that this process did not take (pid reused after a crash)', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'a.factcheck.json');
    await fs.writeFile(lockPathFor(project), JSON.stringify({ pid: process.pid, host: os.hostname(), at: 'x' }));
    const lock = await acquireProjectLock(project);
    await expect(acquireProjectLock(project)).rejects.toMatchObject({ code: 'project-locked' });
    await lock.release();
  });

  it('takes over a lock written before this computer started', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'a.factcheck.json');
    const longAgo = new Date(Date.now() - os.uptime() * 1000 - 3_600_000).toISOString();
    await fs.writeFile(lockPathFor(project), JSON.stringify({ pid: 4242, host: os.hostname(), at: longAgo }));
    const lock = await acquireProjectLock(project, { isAlive: () => true });
    await lock.release();
  });

  it('does not remove a lock that someone else took over', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'a.factcheck.json');
    const lock = await acquireProjectLock(project);
    const foreign = JSON.stringify({ pid: 1, host: 'elsewhere.example', at: 'y' });
    await fs.writeFile(lock.path, foreign);
    await lock.release();
    expect(await fs.readFile(lock.path, 'utf8')).toBe(foreign);
  });

  it('knows this process is alive and a nonsense pid is not', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(-5)).toBe(false);
  });
});
