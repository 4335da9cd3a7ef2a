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

/** Bytes encoded per write into one reused buffer: the event loop runs between writes, and a save makes no garbage of its own. */
const WRITE_BATCH_BYTES = 1 << 20;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const MAX_UTF8_BYTES_PER_UNIT = 3;

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

/**
 * Encodes the pieces into one buffer and writes it whenever the next piece might not fit, so making
 * and encoding the text never holds the event loop long and no joined copy of it is made (less GC).
 */
async function writeParts(handle: FileHandle, parts: TextParts): Promise<void> {
  const buffer = Buffer.allocUnsafe(WRITE_BATCH_BYTES);
  let used = 0;
  for (const part of parts) {
    const most = part.length * MAX_UTF8_BYTES_PER_UNIT;
    if (most > WRITE_BATCH_BYTES - used) {
      if (used > 0) await writeAll(handle, buffer, used);
      used = 0;
      if (most > WRITE_BATCH_BYTES) {
        const bytes = Buffer.from(part, 'utf8');
        await writeAll(handle, bytes, bytes.length);
        continue;
      }
    }
    used += buffer.write(part, used, 'utf8');
  }
  if (used > 0) await writeAll(handle, buffer, used);
}

async function writeAll(handle: FileHandle, bytes: Buffer, length: number): Promise<void> {
  for (let at = 0; at < length; ) at += (await handle.write(bytes, at, length - at)).bytesWritten;
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
