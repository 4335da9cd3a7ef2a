/**
 * The files beside a project (attachments, capture files) travelling with its history: copied from
 * another copy's assets folder on a merge, and sent encrypted through a sync folder or server
 * under their keyed remote names (syncCipher.attachmentRemoteName), never the plain SHA-256.
 * Every file that arrives is checked against its hash before it is kept; a file the other side
 * does not have yet is simply tried again next time.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ProjectFile } from '../../../shared/sync/projectFiles';
import { assetsDirFor } from '../attachments/attachmentStore';
import { fileExists, writeFileDurably } from '../durableWrite';
import { isErrno } from '../fsErrors';
import { sha256Hex } from '../intake/sha256';
import { attachmentRemoteName, decryptAttachment, encryptAttachment, SyncCipherError } from './syncCipher';
import type { SyncKey } from './syncKey';
import type { SyncTransport } from './transport';

const SHA256 = /^[0-9a-f]{64}$/;
const EXT = /^[a-z0-9]{1,10}$/;

function assetPath(projectPath: string, file: ProjectFile): string {
  if (!SHA256.test(file.sha256) || !EXT.test(file.ext)) throw new Error(`not a project file reference: ${file.sha256}.${file.ext}`);
  return path.join(assetsDirFor(projectPath), `${file.sha256}.${file.ext}`);
}

/** The file's bytes when it is beside the project and intact, else null. */
async function readIntact(projectPath: string, file: ProjectFile): Promise<Buffer | null> {
  try {
    const bytes = await fs.readFile(assetPath(projectPath, file));
    return sha256Hex(bytes) === file.sha256 ? bytes : null;
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return null;
    throw err;
  }
}

async function keep(projectPath: string, file: ProjectFile, bytes: Uint8Array): Promise<void> {
  const target = assetPath(projectPath, file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await writeFileDurably(target, bytes);
}

export interface FileTransfer {
  /** Files brought in (merge, pull) or sent (push). */
  moved: number;
  /** Files the other side does not have (yet). */
  missing: number;
  /** Why some files were not taken. */
  problems: string[];
}

/** The listed files this project lacks, copied from another copy's assets folder (each checked against its hash). */
export async function copyProjectFiles(fromProject: string, toProject: string, files: readonly ProjectFile[]): Promise<FileTransfer> {
  const result: FileTransfer = { moved: 0, missing: 0, problems: [] };
  if (assetsDirFor(fromProject) === assetsDirFor(toProject)) return result;
  for (const file of files) {
    if (await fileExists(assetPath(toProject, file))) continue;
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(assetPath(fromProject, file));
    } catch (err) {
      if (!isErrno(err, 'ENOENT')) throw err;
      result.missing++;
      continue;
    }
    if (sha256Hex(bytes) !== file.sha256) {
      result.problems.push(`the file ${file.sha256.slice(0, 12)}….${file.ext} of the other copy is damaged; it was not taken`);
      continue;
    }
    await keep(toProject, file, bytes);
    result.moved++;
  }
  return result;
}

/**
 * Sends the project's files the target does not hold yet, encrypted. `sent` holds the remote names
 * the target acknowledged earlier (kept with the sync state) and gains the new ones.
 */
export async function pushProjectFiles(
  projectPath: string,
  files: readonly ProjectFile[],
  transport: SyncTransport,
  key: SyncKey,
  sent: Set<string>,
): Promise<FileTransfer> {
  const result: FileTransfer = { moved: 0, missing: 0, problems: [] };
  for (const file of files) {
    const remoteName = attachmentRemoteName(key, file.sha256);
    if (sent.has(remoteName)) continue;
    if (await transport.hasAttachment(remoteName)) {
      sent.add(remoteName);
      continue;
    }
    const bytes = await readIntact(projectPath, file);
    if (!bytes) {
      // Not here either (it came from a copy that had not sent it yet): someone else will send it.
      result.missing++;
      continue;
    }
    await transport.putAttachment(remoteName, encryptAttachment(key, file.sha256, bytes));
    sent.add(remoteName);
    result.moved++;
  }
  return result;
}

/** Fetches, decrypts and checks the project's files that are not beside it yet. */
export async function pullProjectFiles(projectPath: string, files: readonly ProjectFile[], transport: SyncTransport, key: SyncKey): Promise<FileTransfer> {
  const result: FileTransfer = { moved: 0, missing: 0, problems: [] };
  for (const file of files) {
    if (await fileExists(assetPath(projectPath, file))) continue;
    const blob = await transport.getAttachment(attachmentRemoteName(key, file.sha256));
    if (!blob) {
      result.missing++;
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = decryptAttachment(key, file.sha256, blob);
    } catch (err) {
      if (!(err instanceof SyncCipherError)) throw err;
      result.problems.push(err.message);
      continue;
    }
    await keep(projectPath, file, bytes);
    result.moved++;
  }
  return result;
}
