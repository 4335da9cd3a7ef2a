/**
 * Only one process may own a project file: `<project>.lock` beside it holds {pid, host, at} and,
 * where the system tells, the process's start time and the computer's boot id. A lock held by a
 * live process (this one included, e.g. a second store on the same file) refuses with
 * WorkbenchError('project-locked'); a stale lock is taken over: its process is gone on this host —
 * the pid is dead, or alive but started at another time (a reused pid), or the lock is from an
 * earlier boot — or the file is unreadable. A lock path that is an empty folder is removed; one with
 * files in it is left alone and named in the message.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkbenchError } from '../../shared/api';
import { tempNameFor } from './durableWrite';
import { isErrno } from './fsErrors';
import { currentBootId, processStartTime } from './processIdentity';

export interface LockInfo {
  pid: number;
  host: string;
  at: string;
  /** When the locking process started (see processIdentity.ts), when known. */
  startTime?: string;
  /** The boot of the computer the lock was taken in, when known. */
  bootId?: string;
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
  /** When a pid's process started (injectable for tests). */
  startTimeOf?: (pid: number) => string | undefined;
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
  const startTimeOf = options.startTimeOf ?? processStartTime;
  const pid = options.pid ?? process.pid;
  const info: LockInfo = {
    pid,
    host: options.host ?? os.hostname(),
    at: new Date().toISOString(),
    startTime: startTimeOf(pid),
    bootId: currentBootId(),
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
    if (holder === 'folder') {
      // Not a lock we wrote: an empty folder is taken away, anything in one is left for the user.
      if (await removeEmptyFolder(lockPath)) continue;
      throw new WorkbenchError(
        'project-locked',
        `Cannot open "${fileName}": "${path.basename(lockPath)}" is a folder, not a lock file, and it holds files. Move or rename that folder, then open the project again.`,
      );
    }
    if (holder !== 'unreadable' && !isStale(holder, lockPath, info, isAlive, startTimeOf)) {
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
 * lock we took (pid reused after a crash), a live pid that started at another time than the lock's
 * process (pid reused), or written in an earlier boot of this computer.
 */
function isStale(
  holder: LockInfo,
  lockPath: string,
  self: LockInfo,
  isAlive: (pid: number) => boolean,
  startTimeOf: (pid: number) => string | undefined,
): boolean {
  if (holder.host !== self.host) return false;
  if (holder.bootId && self.bootId && holder.bootId !== self.bootId) return true;
  if (holder.pid === self.pid) return !heldByThisProcess.has(lockPath);
  if (!isAlive(holder.pid)) return true;
  if (holder.startTime) {
    const now = startTimeOf(holder.pid);
    if (now !== undefined) return now !== holder.startTime;
  }
  const at = Date.parse(holder.at);
  const bootedAt = Date.now() - os.uptime() * 1000;
  return Number.isFinite(at) && at < bootedAt - 60_000;
}

/** Removes `dir` when it is an empty folder; false when it holds anything (or is gone). */
async function removeEmptyFolder(dir: string): Promise<boolean> {
  try {
    await fs.rmdir(dir);
    return true;
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return true;
    if (isErrno(err, 'ENOTEMPTY') || isErrno(err, 'EEXIST')) return false;
    throw err;
  }
}

/** Creates the lock file with its content in one step; false when it already exists. */
async function createExclusive(lockPath: string, text: string): Promise<boolean> {
  const tmp = tempNameFor(lockPath);
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

async function readLock(lockPath: string): Promise<LockInfo | 'missing' | 'unreadable' | 'folder'> {
  let text: string;
  try {
    text = await fs.readFile(lockPath, 'utf8');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return 'missing';
    if (isErrno(err, 'EISDIR')) return 'folder';
    return 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value?.pid === 'number' && typeof value.host === 'string') {
      return {
        pid: value.pid,
        host: value.host,
        at: String(value.at ?? ''),
        startTime: typeof value.startTime === 'string' ? value.startTime : undefined,
        bootId: typeof value.bootId === 'string' ? value.bootId : undefined,
      };
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
