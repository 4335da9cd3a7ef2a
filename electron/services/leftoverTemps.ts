/**
 * Temp files a crash left behind. A save writes `<file>.<12 hex>.tmp`, fsyncs it and renames it
 * over the file; killed in between, the temp file stays — as large as the project. Only our own
 * temp files are removed, recognised by that exact name beside a file of ours:
 * - at open, once the project's lock is ours (nobody else writes them then): the project's and its
 *   backup's temp files, the assets' (`<project>.assets/<sha256>.<ext>.<hex>.tmp`), and the lock's
 *   own when older than a minute (another process may be taking the lock this very moment);
 * - in the data folder (settings, recent projects), which several workbenches may share: only temp
 *   files older than ten minutes, long after any write that made them has ended.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { assetsDirFor } from './attachments/attachmentStore';
import { isTempOf } from './durableWrite';

const ASSET_NAME = /^[0-9a-f]{64}\.[a-z0-9]{1,10}$/;

async function namesIn(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch(() => []);
}

async function removeIf(dir: string, name: string, minAgeMs: number, now: number): Promise<boolean> {
  const file = path.join(dir, name);
  try {
    const stat = await fs.lstat(file);
    if (!stat.isFile() || now - stat.mtimeMs < minAgeMs) return false;
    await fs.rm(file, { force: true });
    return true;
  } catch {
    return false;
  }
}

/** Removes the temp files a crash left beside a project whose lock this process holds; returns their paths. */
export async function removeProjectLeftovers(projectPath: string, now = Date.now()): Promise<string[]> {
  const dir = path.dirname(projectPath);
  const base = path.basename(projectPath);
  const removed: string[] = [];
  for (const name of await namesIn(dir)) {
    const ours = isTempOf(name, base) || isTempOf(name, `${base}.bak`);
    const lockTemp = isTempOf(name, `${base}.lock`);
    if ((ours || lockTemp) && (await removeIf(dir, name, lockTemp ? 60_000 : 0, now))) removed.push(path.join(dir, name));
  }
  const assets = assetsDirFor(projectPath);
  for (const name of await namesIn(assets)) {
    const target = name.slice(0, -17);
    if (ASSET_NAME.test(target) && isTempOf(name, target) && (await removeIf(assets, name, 0, now))) removed.push(path.join(assets, name));
  }
  return removed;
}

/** Removes old temp files of the given files of a shared folder (settings, recent projects); returns their paths. */
export async function removeSharedLeftovers(dir: string, fileNames: readonly string[], now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await namesIn(dir)) {
    if (!fileNames.some((base) => isTempOf(name, base) || isTempOf(name, `${base}.bak`))) continue;
    if (await removeIf(dir, name, 10 * 60_000, now)) removed.push(path.join(dir, name));
  }
  return removed;
}
