/**
 * The archive's files in `<dataDir>/archive/`: `published.json` (imported fact-checks) and
 * `projects.json` (the claims of the user's projects), each a saved part with its index, written
 * durably (temp file, fsync, rename, fsync of the folder). Each read returns the file's signature
 * (inode, size, modification time), so a holder notices when another process has replaced it.
 * `archive.lock` lets one process at a time change the parts; reading needs no lock, because a part
 * is only ever replaced whole.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/api';
import { writeFileDurably } from '../durableWrite';
import { describeFsError, isErrno } from '../fsErrors';
import { acquireProjectLock, type ProjectLock } from '../projectLock';

export const ARCHIVE_DIR_NAME = 'archive';
export const PUBLISHED_FILE = 'published.json';
export const PROJECTS_FILE = 'projects.json';

export function archiveDirOf(dataDir: string): string {
  return path.join(dataDir, ARCHIVE_DIR_NAME);
}

export interface PartRead<T> {
  /** Null when the file is missing or was set aside as damaged. */
  part: T | null;
  /** Null when there is no file. */
  signature: string | null;
  /** Why a damaged file was set aside (it is kept beside, never overwritten). */
  problem?: string;
}

/** Identifies one version of a file: a durable write replaces the file, so its inode changes. */
export async function signatureOf(file: string): Promise<string | null> {
  try {
    const stat = await fs.stat(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return null;
    throw err;
  }
}

/** Reads a part; a file that is not a valid part is renamed to `<file>.damaged-<time>` and read as missing. */
export async function readPart<T>(file: string, isPart: (value: unknown) => value is T): Promise<PartRead<T>> {
  let handle;
  try {
    handle = await fs.open(file, 'r');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return { part: null, signature: null };
    throw new WorkbenchError('io-error', `Cannot read the fact-check archive (${path.basename(file)}): ${describeFsError(err)}`);
  }
  let text: string;
  let signature: string;
  try {
    // Signature and text from one open file, so they belong to the same version.
    const stat = await handle.stat();
    signature = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    text = await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (isPart(value)) return { part: value, signature };
  const aside = `${file}.damaged-${Date.now()}`;
  await fs.rename(file, aside).catch(() => undefined);
  return { part: null, signature: null, problem: `${path.basename(file)} was damaged and has been set aside as ${path.basename(aside)}` };
}

/** Writes a part durably; returns the new file's signature. */
export async function writePart(file: string, part: unknown): Promise<string | null> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileDurably(file, JSON.stringify(part));
  return signatureOf(file);
}

const LOCK_WAIT_MS = 50;
const LOCK_ATTEMPTS = 600;

/**
 * Takes `archive.lock`, waiting while another process (an import, the app) holds it; a lock left
 * by a process that is gone is taken over. Gives up after about 30 seconds.
 */
export async function lockArchive(dir: string): Promise<ProjectLock> {
  await fs.mkdir(dir, { recursive: true });
  for (let attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
    try {
      return await acquireProjectLock(path.join(dir, 'archive'));
    } catch (err) {
      if (!(err instanceof WorkbenchError) || err.code !== 'project-locked') throw err;
      await new Promise((resolve) => setTimeout(resolve, LOCK_WAIT_MS));
    }
  }
  throw new WorkbenchError('io-error', 'The fact-check archive is busy: another program has been changing it for half a minute. Try again later.');
}
