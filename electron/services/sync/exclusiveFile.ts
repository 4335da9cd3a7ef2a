/**
 * Creates a file only if nothing is there yet, durably and atomically: the bytes go to an fsynced
 * temp file which is then hard-linked to the target (a link fails if the target exists, so two
 * processes racing never both "win"), and the folder is fsynced. A reader sees either no file or
 * the whole file. Where the file system has no hard links (FAT on a USB stick), the temp file is
 * renamed instead after an existence check.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fsyncDirectory, pathExists, writeTempFile } from '../durableWrite';
import { isErrno } from '../fsErrors';

/** Returns true when this call created the file, false when one was already there (left untouched). */
export async function createFileExclusively(file: string, bytes: string | Uint8Array, mode = 0o644): Promise<boolean> {
  if (await pathExists(file)) return false;
  const tmp = await writeTempFile(file, bytes, mode);
  try {
    try {
      await fs.link(tmp, file);
    } catch (err) {
      if (isErrno(err, 'EEXIST')) return false;
      if (!isErrno(err, 'EPERM') && !isErrno(err, 'ENOTSUP') && !isErrno(err, 'ENOSYS') && !isErrno(err, 'EXDEV')) throw err;
      if (await pathExists(file)) return false;
      await fs.rename(tmp, file);
    }
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
  await fsyncDirectory(path.dirname(file));
  return true;
}
