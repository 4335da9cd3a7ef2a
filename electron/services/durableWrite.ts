/**
 * Durable file writes: write a temp file beside the target, fsync it, rename it over the target and
 * fsync the folder, so a crash or power cut leaves either the old file or the new one, never half of
 * one. Used by DurableJsonFile (JSON documents and their backups), the attachment store and exports.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { isErrno } from './fsErrors';

/** Writes `bytes` to `<file>.<random>.tmp` in the target's folder and fsyncs it; returns the temp path. */
export async function writeTempFile(file: string, bytes: string | Uint8Array, mode = 0o644): Promise<string> {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', mode);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    return tmp;
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * Replaces `file` with `bytes` durably: temp file ('wx', random suffix) → write → fsync → rename,
 * removing the temp file on failure, then fsyncs the folder. Strings are written as UTF-8.
 */
export async function writeFileDurably(file: string, bytes: string | Uint8Array, mode = 0o644): Promise<void> {
  const tmp = await writeTempFile(file, bytes, mode);
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await fsyncDirectory(path.dirname(file));
}

/** fsyncs a directory so a rename in it survives a power cut. Ignored where the platform refuses. */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    if (!isErrno(err, 'EISDIR') && !isErrno(err, 'EPERM') && !isErrno(err, 'EACCES') && !isErrno(err, 'EINVAL')) {
      throw err;
    }
  } finally {
    if (handle) await handle.close().catch(() => undefined);
  }
}

/** True when `file` can be reached (links followed: a dangling link does not count). */
export function fileExists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** True when something (a file, folder or link, even a dangling one) exists at `file`. */
export function pathExists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}
