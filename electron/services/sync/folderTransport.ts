/**
 * A sync folder that any file sync carries (Syncthing, Dropbox, OneDrive, a network share, a USB
 * stick). No file is ever written by two devices, so those tools never see a write conflict:
 *
 *   <folder>/factcheck-sync.json       the project's SyncKeyDescriptor, created once (never rewritten)
 *   <folder>/logs/<device-id>.log      one per device, appended only by that device: one JSON
 *                                      EncryptedBatch per line; fsynced before a push is acknowledged
 *   <folder>/attachments/<remote-name> encrypted attachments, each created once
 *
 * Readers only read other devices' logs, from a byte offset per device (the cursor). A last line
 * without its newline is half-written (or half-synced) and is left for a later pull. A device's own
 * half-written tail (a crash mid-append) was never acknowledged and is cut off before it appends
 * again. The folder itself is never created by push or pull: a missing folder is usually a drive
 * that is not mounted, and writing into the empty mount point would hide that.
 */
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDirectory } from '../durableWrite';
import { isErrno } from '../fsErrors';
import { createFileExclusively } from './exclusiveFile';
import { isEncryptedBatch, isValidBatchId, type EncryptedBatch } from './syncCipher';
import {
  SyncTransportError,
  checkRemoteName,
  emptyPushResult,
  type PullResult,
  type PushResult,
  type SyncTransport,
  type TransportProblem,
} from './transport';

export const FOLDER_DESCRIPTOR_FILE = 'factcheck-sync.json';
export const FOLDER_LOGS_DIR = 'logs';
export const FOLDER_ATTACHMENTS_DIR = 'attachments';
const LOG_NAME = /^([A-Za-z0-9][A-Za-z0-9._-]{0,127})\.log$/;
const CURSOR_PREFIX = 'folder1:';
const READ_CHUNK = 1024 * 1024;

export interface FolderTransportOptions {
  folder: string;
  /** This device: the only log it appends to, and the one log it does not pull. */
  deviceId: string;
  /** Soft limit of bytes read per pull across all logs (more: true when it stopped early). Default 32 MiB. */
  maxBytesPerPull?: number;
}

/** Creates the sync folder (with parents) when a person chooses it as the place to share through. */
export async function initSyncFolder(folder: string): Promise<void> {
  await fs.mkdir(path.join(folder, FOLDER_LOGS_DIR), { recursive: true });
}

function encodeCursor(offsets: Record<string, number>): string {
  return CURSOR_PREFIX + Buffer.from(JSON.stringify(offsets)).toString('base64url');
}

function decodeCursor(cursor: string | null): Record<string, number> {
  if (cursor === null || cursor === '') return {};
  if (!cursor.startsWith(CURSOR_PREFIX)) throw new SyncTransportError('bad-target', 'This sync cursor belongs to another kind of sync target.');
  try {
    const parsed = JSON.parse(Buffer.from(cursor.slice(CURSOR_PREFIX.length), 'base64url').toString('utf8')) as unknown;
    const out: Record<string, number> = {};
    for (const [device, offset] of Object.entries(parsed as Record<string, unknown>)) {
      if (Number.isSafeInteger(offset) && (offset as number) >= 0) out[device] = offset as number;
    }
    return out;
  } catch {
    throw new SyncTransportError('bad-target', 'The sync cursor is damaged.');
  }
}

export class FolderTransport implements SyncTransport {
  readonly kind = 'folder' as const;
  readonly target: string;
  private readonly logsDir: string;
  private readonly ownLog: string;
  private readonly maxBytesPerPull: number;
  /** Batch ids in this device's own log, loaded on first push. */
  private ownIds: Set<string> | null = null;

  constructor(private readonly options: FolderTransportOptions) {
    if (!isValidBatchId(options.deviceId) || options.deviceId.includes(':')) throw new Error(`invalid device id: ${options.deviceId}`);
    this.target = path.resolve(options.folder);
    this.logsDir = path.join(this.target, FOLDER_LOGS_DIR);
    this.ownLog = path.join(this.logsDir, `${options.deviceId}.log`);
    this.maxBytesPerPull = options.maxBytesPerPull ?? 32 * 1024 * 1024;
  }

  private async requireFolder(): Promise<void> {
    let stat;
    try {
      stat = await fs.stat(this.target);
    } catch (err) {
      if (isErrno(err, 'ENOENT') || isErrno(err, 'ENOTDIR')) {
        throw new SyncTransportError('folder-missing', `The sync folder ${this.target} is not there (is the drive or share connected?).`);
      }
      throw new SyncTransportError('io', `The sync folder ${this.target} cannot be read (${(err as Error).message}).`, { cause: err });
    }
    if (!stat.isDirectory()) throw new SyncTransportError('folder-missing', `The sync folder ${this.target} is not a folder.`);
  }

  /** Reads this device's log: its batch ids, and cuts a half-written tail left by a crash. */
  private async loadOwnIds(): Promise<Set<string>> {
    if (this.ownIds) return this.ownIds;
    const ids = new Set<string>();
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(this.ownLog);
    } catch (err) {
      if (!isErrno(err, 'ENOENT')) throw err;
      this.ownIds = ids;
      return ids;
    }
    const complete = bytes.lastIndexOf(0x0a) + 1;
    for (const line of bytes.subarray(0, complete).toString('utf8').split('\n')) {
      if (!line) continue;
      try {
        const batch = JSON.parse(line) as unknown;
        if (isEncryptedBatch(batch)) ids.add(batch.id);
      } catch {
        // A damaged line of our own is skipped by readers too.
      }
    }
    if (complete < bytes.length) {
      const handle = await fs.open(this.ownLog, 'r+');
      try {
        await handle.truncate(complete);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    this.ownIds = ids;
    return ids;
  }

  async push(batches: readonly EncryptedBatch[]): Promise<PushResult> {
    const result = emptyPushResult();
    if (batches.length === 0) return result;
    for (const batch of batches) if (!isEncryptedBatch(batch)) throw new Error('push() takes EncryptedBatch envelopes');
    try {
      await this.requireFolder();
      await fs.mkdir(this.logsDir, { recursive: true });
      const ids = await this.loadOwnIds();
      const lines: string[] = [];
      const pending: string[] = [];
      for (const batch of new Map(batches.map((b) => [b.id, b])).values()) {
        if (ids.has(batch.id)) {
          result.alreadyStored.push(batch.id);
          continue;
        }
        pending.push(batch.id);
        lines.push(JSON.stringify(batch) + '\n');
      }
      if (lines.length > 0) {
        const isNew = !(await fs.stat(this.ownLog).then(() => true, () => false));
        let handle: FileHandle | undefined;
        try {
          handle = await fs.open(this.ownLog, 'a');
          await handle.writeFile(lines.join(''));
          await handle.sync();
        } catch (err) {
          // What reached the disk is unknown: re-read the log before the next append.
          this.ownIds = null;
          throw err;
        } finally {
          await handle?.close().catch(() => undefined);
        }
        if (isNew) await fsyncDirectory(this.logsDir);
        for (const id of pending) ids.add(id);
        result.stored.push(...pending);
      }
      return result;
    } catch (err) {
      const error =
        err instanceof SyncTransportError
          ? err
          : new SyncTransportError('io', `Could not write to the sync folder ${this.target} (${(err as Error).message}).`, { cause: err });
      const acknowledged = new Set([...result.stored, ...result.alreadyStored]);
      result.notSent = batches.map((b) => b.id).filter((id, i, all) => !acknowledged.has(id) && all.indexOf(id) === i);
      result.error = error;
      return result;
    }
  }

  async pull(cursor: string | null): Promise<PullResult> {
    const offsets = decodeCursor(cursor);
    await this.requireFolder();
    let names: string[];
    try {
      names = await fs.readdir(this.logsDir);
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return { batches: [], cursor: encodeCursor(offsets), more: false, problems: [] };
      throw new SyncTransportError('io', `The sync folder ${this.target} cannot be read (${(err as Error).message}).`, { cause: err });
    }
    const batches: EncryptedBatch[] = [];
    const seen = new Set<string>();
    const problems: TransportProblem[] = [];
    let budget = this.maxBytesPerPull;
    let more = false;
    for (const name of names.sort()) {
      const device = LOG_NAME.exec(name)?.[1];
      if (!device || device === this.options.deviceId) continue;
      if (budget <= 0) {
        more = true;
        continue;
      }
      const file = path.join(this.logsDir, name);
      const read = await this.readFrom(file, offsets[device] ?? 0, budget);
      budget -= read.consumed;
      offsets[device] = read.nextOffset;
      if (read.more) more = true;
      read.lines.forEach(({ text, lineStart }) => {
        const where = `${FOLDER_LOGS_DIR}/${name} at byte ${lineStart}`;
        let batch: unknown;
        try {
          batch = JSON.parse(text);
        } catch {
          problems.push({ where, message: 'a damaged line (not JSON) was skipped' });
          return;
        }
        if (!isEncryptedBatch(batch)) {
          problems.push({ where, message: 'a line that is not an encrypted batch was skipped' });
          return;
        }
        if (seen.has(batch.id)) return;
        seen.add(batch.id);
        batches.push(batch);
      });
    }
    return { batches, cursor: encodeCursor(offsets), more, problems };
  }

  /** Complete lines from `offset` on (about `budget` bytes, always at least one whole line if there is one). */
  private async readFrom(
    file: string,
    offset: number,
    budget: number,
  ): Promise<{ lines: { text: string; lineStart: number }[]; nextOffset: number; consumed: number; more: boolean }> {
    let handle: FileHandle;
    try {
      handle = await fs.open(file, 'r');
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return { lines: [], nextOffset: offset, consumed: 0, more: false };
      throw new SyncTransportError('io', `Cannot read ${file} (${(err as Error).message}).`, { cause: err });
    }
    try {
      const size = (await handle.stat()).size;
      // Shorter than where we were: the file was replaced (restored, re-synced); read it again from the start.
      const start = size < offset ? 0 : offset;
      const chunks: Buffer[] = [];
      let position = start;
      let lastNewline = -1;
      let total = 0;
      while (position < size) {
        // Past the budget, read on in small steps only to finish the current line.
        const length = Math.min(READ_CHUNK, size - position, Math.max(budget - total, 64 * 1024));
        const chunk = Buffer.alloc(length);
        const { bytesRead } = await handle.read(chunk, 0, length, position);
        if (bytesRead === 0) break;
        const at = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
        if (at >= 0) lastNewline = total + at;
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
        position += bytesRead;
        if (total >= budget && lastNewline >= 0) break;
      }
      const complete = lastNewline + 1;
      const text = Buffer.concat(chunks, total).subarray(0, complete);
      const lines: { text: string; lineStart: number }[] = [];
      let lineStart = 0;
      while (lineStart < complete) {
        const end = text.indexOf(0x0a, lineStart);
        const line = text.subarray(lineStart, end).toString('utf8').replace(/\r$/, '');
        if (line.trim()) lines.push({ text: line, lineStart: start + lineStart });
        lineStart = end + 1;
      }
      const nextOffset = start + complete;
      // More waits only if complete lines remain past what was read (a half-written tail is not "more").
      const more = position < size;
      return { lines, nextOffset, consumed: complete, more };
    } finally {
      await handle.close();
    }
  }

  async readKeyDescriptor(): Promise<unknown | null> {
    await this.requireFolder();
    const file = path.join(this.target, FOLDER_DESCRIPTOR_FILE);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return null;
      throw new SyncTransportError('io', `Cannot read ${file} (${(err as Error).message}).`, { cause: err });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new SyncTransportError('damaged', `${file} is damaged (not JSON); the sync key description cannot be read.`);
    }
  }

  async offerKeyDescriptor(descriptor: unknown): Promise<unknown> {
    await this.requireFolder();
    const file = path.join(this.target, FOLDER_DESCRIPTOR_FILE);
    if (await createFileExclusively(file, JSON.stringify(descriptor, null, 2) + '\n')) return descriptor;
    return this.readKeyDescriptor();
  }

  private attachmentFile(remoteName: string): string {
    checkRemoteName(remoteName);
    return path.join(this.target, FOLDER_ATTACHMENTS_DIR, remoteName);
  }

  async hasAttachment(remoteName: string): Promise<boolean> {
    const file = this.attachmentFile(remoteName);
    await this.requireFolder();
    return fs.stat(file).then(() => true, () => false);
  }

  async putAttachment(remoteName: string, blob: Uint8Array): Promise<void> {
    const file = this.attachmentFile(remoteName);
    await this.requireFolder();
    await fs.mkdir(path.dirname(file), { recursive: true });
    await createFileExclusively(file, blob);
  }

  async getAttachment(remoteName: string): Promise<Buffer | null> {
    const file = this.attachmentFile(remoteName);
    await this.requireFolder();
    try {
      return await fs.readFile(file);
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return null;
      throw new SyncTransportError('io', `Cannot read ${file} (${(err as Error).message}).`, { cause: err });
    }
  }

  async close(): Promise<void> {
    this.ownIds = null;
  }
}

export function createFolderTransport(options: FolderTransportOptions): FolderTransport {
  return new FolderTransport(options);
}
