/**
 * A lowdb Adapter that makes saves durable: write a temp file beside the target, fsync it, keep the
 * current good version as `<file>.bak`, rename the temp file over the target, fsync the directory.
 * lowdb's own writer renames but never fsyncs, so a power cut could lose the last save.
 *
 * Parameterised with parse/serialize so the project store can plug in its own schema check; settings
 * and the recent list use `jsonCodec` below. Every JSON file we write goes through this class.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { fileExists as exists, fsyncDirectory, tempNameFor, writeFileDurably, writeTempFile, type TextParts } from './durableWrite';
import { isErrno } from './fsErrors';


export interface Codec<T> {
  /** Turns the file's text into data; throws when the text is not acceptable. */
  parse: (text: string) => T;
  serialize: (data: T) => string;
  /** The same text in pieces, made as the writer asks for them (large documents: the event loop runs between writes). */
  serializeParts?: (data: T) => TextParts;
}

export interface DurableJsonFileOptions<T> extends Codec<T> {
  /** Keep the previous good version as `<file>.bak` on each write (default true). */
  backup?: boolean;
}

/** A codec for plain JSON documents, checked by `validate` (which throws on bad data). */
export function jsonCodec<T>(validate: (value: unknown) => T): Codec<T> {
  return {
    parse: (text) => validate(JSON.parse(text)),
    serialize: (data) => `${JSON.stringify(data, null, 2)}\n`,
  };
}

export class DurableJsonFile<T> implements Adapter<T> {
  readonly filename: string;
  private readonly codec: Codec<T>;
  private readonly backup: boolean;
  /**
   * True when the file now at `filename` is known to hold a good version (it was read and parsed, or
   * we wrote it): only then is it copied to `.bak` before being replaced, so a bad file never
   * overwrites the last good backup.
   */
  currentFileIsGood = false;

  constructor(filename: string, options: DurableJsonFileOptions<T>) {
    this.filename = path.resolve(filename);
    this.codec = { parse: options.parse, serialize: options.serialize, serializeParts: options.serializeParts };
    this.backup = options.backup ?? true;
  }

  get backupPath(): string {
    return `${this.filename}.bak`;
  }

  /** The data in the file, or null when there is no file. Parse errors propagate. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.filename, 'utf8');
    } catch (err) {
      if (isErrno(err, 'ENOENT')) {
        this.currentFileIsGood = false;
        return null;
      }
      throw err;
    }
    this.currentFileIsGood = false;
    const data = this.codec.parse(text);
    this.currentFileIsGood = true;
    return data;
  }

  async write(data: T): Promise<void> {
    const tmp = await writeTempFile(this.filename, this.text(data));
    try {
      if (this.backup && this.currentFileIsGood) await keepAsBackup(this.filename, this.backupPath);
      await fs.rename(tmp, this.filename);
    } catch (err) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      throw err;
    }
    this.currentFileIsGood = true;
    await fsyncDirectory(path.dirname(this.filename));
  }

  /**
   * Writes the data as a new file; fails with EEXIST (and writes nothing) when the target already
   * exists. Durable like `write`.
   */
  async create(data: T): Promise<void> {
    const tmp = await writeTempFile(this.filename, this.text(data));
    try {
      await linkExclusive(tmp, this.filename);
    } finally {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
    }
    this.currentFileIsGood = true;
    await fsyncDirectory(path.dirname(this.filename));
  }

  /** The text to write: in pieces when the codec can make them. */
  private text(data: T): string | TextParts {
    return this.codec.serializeParts ? this.codec.serializeParts(data) : this.codec.serialize(data);
  }
}

/** Makes `to` a new name of `from`, atomically refusing when `to` exists (EEXIST). */
async function linkExclusive(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
  } catch (err) {
    // Some file systems (FAT, some network shares) have no hard links: fall back to check + rename.
    if (isErrno(err, 'EEXIST')) throw err;
    if (!isErrno(err, 'EPERM') && !isErrno(err, 'ENOTSUP') && !isErrno(err, 'EOPNOTSUPP') && !isErrno(err, 'ENOSYS')) {
      throw err;
    }
    if (await exists(to)) throw Object.assign(new Error(`File exists: ${to}`), { code: 'EEXIST' });
    await fs.copyFile(from, to, constants.COPYFILE_EXCL);
  }
}

/**
 * Keeps the current version as `to`: a second name for the same file (made under a temp name, then
 * renamed over the old backup), so nothing is copied; the write that follows replaces `from` by a
 * rename, never in place, so the backup keeps the old content. Where the file system has no hard
 * links, a durable copy instead. The folder's fsync after the write's rename covers both names.
 */
async function keepAsBackup(from: string, to: string): Promise<void> {
  const tmp = tempNameFor(to);
  try {
    await fs.link(from, tmp);
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return;
    if (!isErrno(err, 'EPERM') && !isErrno(err, 'ENOTSUP') && !isErrno(err, 'EOPNOTSUPP') && !isErrno(err, 'ENOSYS')) throw err;
    await copyDurably(from, to);
    return;
  }
  try {
    await fs.rename(tmp, to);
  } finally {
    // When `to` already names the same file (a save whose last rename failed), rename does nothing and
    // leaves `tmp`: remove it whatever happened.
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
}

async function copyDurably(from: string, to: string): Promise<void> {
  // Copy through a temp file so a crash mid-copy never leaves a half-written backup.
  let text: Buffer;
  try {
    text = await fs.readFile(from);
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return;
    throw err;
  }
  await writeFileDurably(to, text);
}
