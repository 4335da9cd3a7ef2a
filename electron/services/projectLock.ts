/**
 * Only one process may own a project file: `<project>.lock` beside it holds {pid, host, at}.
 * A lock held by a live process (this one included, e.g. a second store on the same file) refuses
 * with WorkbenchError('project-locked'); a stale lock (its pid is dead on this host, or the file is
 * unreadable) is taken over.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkbenchError } from '../../shared/api';
import { isErrno } from './fsErrors';

export interface LockInfo {
  pid: number;
  host: string;
  at: string;
}

export interface ProjectLock {
  /** Path of the lock file. */
  readonly path: string;
  readonly info: LockInfo;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): Promise<void>;
}

export interface LockOptions {
  pid?: number;
  host?: string;
  /** Whether a pid is a running process on this host (injectable for tests). */
  isAlive?: (pid: number) => boolean;
}

/** Lock files this process holds: a lock naming our pid that is not in here is left over from an earlier process. */
const heldByThisProcess = new Set<string>();

export function lockPathFor(projectPath: string): string {
  return `${path.resolve(projectPath)}.lock`;
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return isErrno(err, 'EPERM');
  }
}

export async function acquireProjectLock(projectPath: string, options: LockOptions = {}): Promise<ProjectLock> {
  const lockPath = lockPathFor(projectPath);
  const info: LockInfo = {
    pid: options.pid ?? process.pid,
    host: options.host ?? os.hostname(),
    at: new Date().toISOString(),
  };
  const isAlive = options.isAlive ?? isProcessAlive;
  const text = `${JSON.stringify(info)}\n`;
  const fileName = path.basename(path.resolve(projectPath));

  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createExclusive(lockPath, text)) {
      heldByThisProcess.add(lockPath);
      return makeLock(lockPath, info, text);
    }
    const holder = await readLock(lockPath);
    if (holder === 'missing') continue; // released meanwhile: try again
    if (holder !== 'unreadable' && !isStale(holder, lockPath, info, isAlive)) {
      const sameHost = holder.host === info.host;
      const who =
        sameHost && holder.pid === info.pid
          ? 'this workbench'
          : sameHost
            ? `another program (process ${holder.pid})`
            : `another computer (${holder.host}, process ${holder.pid})`;
      throw new WorkbenchError(
        'project-locked',
        `"${fileName}" is already open in ${who}. Close it there first, or delete "${path.basename(lockPath)}" if that program is no longer running.`,
      );
    }
    // Stale: its owner is gone. Take it over.
    await fs.rm(lockPath, { force: true });
  }
  throw new WorkbenchError('project-locked', `Could not lock "${fileName}": another program keeps taking the lock.`);
}

/**
 * A lock is stale when its owner cannot be running: same host and a dead pid, our own pid but not a
 * lock we took (pid reused after a crash), or written before this computer last started.
 */
function isStale(holder: LockInfo, lockPath: string, self: LockInfo, isAlive: (pid: number) => boolean): boolean {
  if (holder.host !== self.host) return false;
  if (holder.pid === self.pid) return !heldByThisProcess.has(lockPath);
  if (!isAlive(holder.pid)) return true;
  const at = Date.parse(holder.at);
  const bootedAt = Date.now() - os.uptime() * 1000;
  return Number.isFinite(at) && at < bootedAt - 60_000;
}

/** Creates the lock file with its content in one step; false when it already exists. */
async function createExclusive(lockPath: string, text: string): Promise<boolean> {
  const tmp = `${lockPath}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(tmp, text, { flag: 'wx' });
  try {
    await fs.link(tmp, lockPath);
    return true;
  } catch (err) {
    if (isErrno(err, 'EEXIST')) return false;
    if (isErrno(err, 'EPERM') || isErrno(err, 'ENOTSUP') || isErrno(err, 'EOPNOTSUPP') || isErrno(err, 'ENOSYS')) {
      // No hard links here: exclusive create, then write (a reader may briefly see it empty).
      try {
        await fs.writeFile(lockPath, text, { flag: 'wx' });
        return true;
      } catch (err2) {
        if (isErrno(err2, 'EEXIST')) return false;
        throw err2;
      }
    }
    throw err;
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}

async function readLock(lockPath: string): Promise<LockInfo | 'missing' | 'unreadable'> {
  let text: string;
  try {
    text = await fs.readFile(lockPath, 'utf8');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return 'missing';
    return 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value?.pid === 'number' && typeof value.host === 'string') {
      return { pid: value.pid, host: value.host, at: String(value.at ?? '') };
    }
  } catch {
    // fall through
  }
  return 'unreadable';
}

function makeLock(lockPath: string, info: LockInfo, text: string): ProjectLock {
  let released = false;
  return {
    path: lockPath,
    info,
    async release() {
      if (released) return;
      released = true;
      heldByThisProcess.delete(lockPath);
      try {
        const current = await fs.readFile(lockPath, 'utf8');
        if (current === text) await fs.rm(lockPath, { force: true });
      } catch (err) {
        if (!isErrno(err, 'ENOENT')) throw err;
      }
    },
  };
}
