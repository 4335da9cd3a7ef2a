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

/** The name writeTempFile gives a temp file of `file`: `<file>.<12 hex digits>.tmp`. */
export function tempNameFor(file: string): string {
  return `${file}.${randomBytes(6).toString('hex')}.tmp`;
}

/** Whether `name` is a temp file writeTempFile (or the lock) made for a file named `base`. */
export function isTempOf(name: string, base: string): boolean {
  return name.length === base.length + 17 && name.startsWith(`${base}.`) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(base.length + 1));
}

/** Text written in pieces (made as they are asked for); strings are written as UTF-8. */
export type TextParts = Iterable<string>;

/** About this many characters go to the file per write: the event loop runs between writes. */
const WRITE_BATCH_CHARS = 1 << 18;

/** Writes `bytes` to `<file>.<random>.tmp` in the target's folder and fsyncs it; returns the temp path. */
export async function writeTempFile(file: string, bytes: string | Uint8Array | TextParts, mode = 0o644): Promise<string> {
  const tmp = tempNameFor(file);
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', mode);
    if (typeof bytes === 'string' || bytes instanceof Uint8Array) await handle.writeFile(bytes);
    else await writeParts(handle, bytes);
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

/** Writes the pieces in batches of about WRITE_BATCH_CHARS, so making and encoding the text never holds the event loop long. */
async function writeParts(handle: FileHandle, parts: TextParts): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  for (const part of parts) {
    batch.push(part);
    size += part.length;
    if (size >= WRITE_BATCH_CHARS) {
      await writeAll(handle, batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (size > 0) await writeAll(handle, batch.join(''));
}

async function writeAll(handle: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) at += (await handle.write(bytes, at, bytes.length - at)).bytesWritten;
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
