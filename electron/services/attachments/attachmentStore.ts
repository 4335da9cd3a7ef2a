/**
 * Offline copies of sources, beside the project file in `<project>.assets/<sha256>.<ext>` (content
 * addressed, so the same file attached twice is stored once and a moved project folder keeps them).
 * The project JSON references them by hash and extension only (see AttachmentSchema).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/api';
import { describeFolderError, describeFsError } from '../fsErrors';
import type { Attachment } from '../../../shared/model';
import { projectBaseName } from '../../../shared/projectFile';
import { fileExists as exists, writeFileDurably } from '../durableWrite';
import { sha256Hex } from '../intake/sha256';

/** Largest attachment accepted. */
export const MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024;

const MEDIA_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
  md: 'text/markdown',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  mhtml: 'multipart/related',
};

/** `/x/claims.factcheck.json` → `/x/claims.assets`. */
export function assetsDirFor(projectPath: string): string {
  return path.join(path.dirname(projectPath), `${projectBaseName(path.basename(projectPath)) || 'project'}.assets`);
}

/** A safe lower-case extension from a file name ("Report.PDF" → "pdf"; none → "bin"). */
export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName.trim());
  return match ? match[1].toLowerCase() : 'bin';
}

export function mediaTypeOf(ext: string): string {
  return MEDIA_TYPES[ext] ?? 'application/octet-stream';
}

function fileFor(projectPath: string, sha256: string, ext: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256) || !/^[a-z0-9]{1,10}$/.test(ext)) {
    throw new WorkbenchError('invalid-arguments', 'Not an attachment reference.');
  }
  return path.join(assetsDirFor(projectPath), `${sha256}.${ext}`);
}

/** Stores bytes beside the project (once per content) and returns the reference to put in the project. */
export async function storeAttachment(projectPath: string, fileName: string, bytes: Uint8Array, now = new Date()): Promise<Attachment> {
  if (bytes.byteLength === 0) throw new WorkbenchError('unsupported-file', `"${fileName}" is empty.`);
  if (bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new WorkbenchError('unsupported-file', `"${fileName}" is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
  }
  const sha256 = sha256Hex(bytes);
  const ext = extensionOf(fileName);
  const file = fileFor(projectPath, sha256, ext);
  await fs.mkdir(path.dirname(file), { recursive: true }).catch((err: unknown) => {
    throw new WorkbenchError('io-error', `Cannot store the attachment "${fileName}": the folder ${path.basename(path.dirname(file))} cannot be made: ${describeFolderError(err)}`);
  });
  try {
    if (!(await exists(file))) await writeFileDurably(file, bytes);
  } catch (err) {
    throw new WorkbenchError('io-error', `Cannot store the attachment "${fileName}": ${describeFsError(err)}`);
  }
  const name = path.basename(fileName.replace(/\\/g, '/')).slice(0, 300) || `attachment.${ext}`;
  return { sha256, ext, name, size: bytes.byteLength, addedAt: now.toISOString() };
}

/** The stored bytes, checked against their hash. */
export async function readAttachment(projectPath: string, sha256: string, ext: string): Promise<Uint8Array> {
  const file = fileFor(projectPath, sha256, ext);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new WorkbenchError('io-error', `The attachment file ${sha256.slice(0, 12)}….${ext} is missing from ${path.basename(assetsDirFor(projectPath))}.`);
  }
  if (sha256Hex(bytes) !== sha256) throw new WorkbenchError('io-error', `The attachment file ${sha256.slice(0, 12)}….${ext} is damaged.`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Copies the listed attachments to the assets folder of another project path (Save as). Missing ones are skipped. */
export async function copyAttachments(fromProject: string, toProject: string, attachments: readonly Pick<Attachment, 'sha256' | 'ext'>[]): Promise<number> {
  if (assetsDirFor(fromProject) === assetsDirFor(toProject)) return 0;
  let copied = 0;
  for (const { sha256, ext } of attachments) {
    const from = fileFor(fromProject, sha256, ext);
    const to = fileFor(toProject, sha256, ext);
    if (!(await exists(from)) || (await exists(to))) continue;
    await fs.mkdir(path.dirname(to), { recursive: true });
    await fs.copyFile(from, to);
    copied++;
  }
  return copied;
}
