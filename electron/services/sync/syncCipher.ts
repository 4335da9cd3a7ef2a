/**
 * End-to-end encryption of what leaves the machine, with AES-256-GCM under a project's SyncKey.
 *
 * Batches: the entries are JSON-encoded and encrypted with a fresh 96-bit IV; the associated data
 * is the canonical JSON of { v, project, id, device, k }, so the project id and every clear field
 * of the envelope are authenticated: a batch moved to another project, renamed or re-attributed to
 * another device fails like a changed byte does. The envelope (EncryptedBatch) is all a folder or
 * server ever sees: batch id, device id, key reference, IV and ciphertext.
 *
 * Attachments: remote name = hex HMAC-SHA256(naming key, "sha256:" + content hash), so a server
 * cannot confirm that a known document is attached; body = "FCA1" | IV | ciphertext | tag with the
 * project id and content hash as associated data, and the hash of the decrypted bytes checked.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { canonicalJson } from '../../../shared/sync/canonicalJson';
import { isSyncEntry, type SyncBatch, type SyncEntry } from '../../../shared/sync/syncEntry';
import type { SyncKey } from './syncKey';

export interface EncryptedBatch {
  v: 1;
  /** Immutable batch id (also the document id on a server). */
  id: string;
  /** Device that wrote it. */
  device: string;
  /** keyRef of the SyncKey that encrypted it. */
  k: string;
  /** base64url, 12 bytes. */
  iv: string;
  /** base64url of ciphertext followed by the 16-byte GCM tag. */
  data: string;
}

export type SyncCipherErrorKind = 'tampered-batch' | 'other-key' | 'malformed-batch' | 'tampered-attachment';

export class SyncCipherError extends Error {
  constructor(
    readonly kind: SyncCipherErrorKind,
    message: string,
    readonly batchId?: string,
  ) {
    super(message);
    this.name = 'SyncCipherError';
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Ids and device ids travel in clear and become file and document names: keep them plain. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const ATTACHMENT_MAGIC = Buffer.from('FCA1', 'ascii');

export function isValidBatchId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id);
}

/** A fresh batch id: the device id, then 16 random hex digits. */
export function newBatchId(deviceId: string): string {
  return `${deviceId}-${randomBytes(8).toString('hex')}`;
}

function batchAad(key: SyncKey, envelope: Pick<EncryptedBatch, 'id' | 'device' | 'k'>): Buffer {
  return Buffer.from(canonicalJson({ v: 1, project: key.projectId, id: envelope.id, device: envelope.device, k: envelope.k }), 'utf8');
}

export function encryptBatch<E extends SyncEntry>(key: SyncKey, batch: SyncBatch<E>): EncryptedBatch {
  if (!isValidBatchId(batch.id)) throw new Error(`invalid batch id: ${JSON.stringify(batch.id)}`);
  if (!isValidBatchId(batch.device)) throw new Error(`invalid device id: ${JSON.stringify(batch.device)}`);
  const head = { id: batch.id, device: batch.device, k: key.keyRef };
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.encryptionKey, iv);
  cipher.setAAD(batchAad(key, head));
  const body = Buffer.concat([cipher.update(JSON.stringify({ entries: batch.entries }), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { v: 1, ...head, iv: iv.toString('base64url'), data: body.toString('base64url') };
}

/** True when `value` has the shape of an EncryptedBatch (contents not checked). */
export function isEncryptedBatch(value: unknown): value is EncryptedBatch {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Record<string, unknown>;
  return (
    b.v === 1 && isValidBatchId(b.id) && isValidBatchId(b.device) &&
    typeof b.k === 'string' && typeof b.iv === 'string' && typeof b.data === 'string'
  );
}

/**
 * Decrypts and authenticates a batch. Throws SyncCipherError: 'other-key' (made with another sync
 * key), 'tampered-batch' (changed or damaged), 'malformed-batch' (not a batch at all).
 */
export function decryptBatch(key: SyncKey, envelope: unknown): SyncBatch {
  if (!isEncryptedBatch(envelope)) throw new SyncCipherError('malformed-batch', 'A sync batch is malformed (not written by this workbench, or cut short).');
  const name = `Batch ${envelope.id} (from device ${envelope.device})`;
  if (envelope.k !== key.keyRef) {
    throw new SyncCipherError('other-key', `${name} was encrypted with a different sync key than this project’s; it was not applied.`, envelope.id);
  }
  const iv = Buffer.from(envelope.iv, 'base64url');
  const body = Buffer.from(envelope.data, 'base64url');
  const tampered = () => new SyncCipherError('tampered-batch', `${name} was altered or damaged: it fails its authentication check, so it was not applied.`, envelope.id);
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw tampered();
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.encryptionKey, iv);
    decipher.setAAD(batchAad(key, envelope));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    plain = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw tampered();
  }
  // Authenticated, so written by a holder of the key; still checked before anything trusts it.
  let parsed: unknown;
  try {
    parsed = JSON.parse(plain.toString('utf8'));
  } catch {
    throw new SyncCipherError('malformed-batch', `${name} holds no readable entries.`, envelope.id);
  }
  const entries = (parsed as { entries?: unknown })?.entries;
  if (!Array.isArray(entries) || !entries.every(isSyncEntry)) {
    throw new SyncCipherError('malformed-batch', `${name} holds no readable entries.`, envelope.id);
  }
  return { id: envelope.id, device: envelope.device, entries };
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function checkSha(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 in lower-case hex: ${JSON.stringify(sha256)}`);
}

/** The name an attachment travels under: 64 lower-case hex digits, unlinkable to its content hash without the key. */
export function attachmentRemoteName(key: SyncKey, sha256: string): string {
  checkSha(sha256);
  return createHmac('sha256', key.namingKey).update(`sha256:${sha256}`).digest('hex');
}

function attachmentAad(key: SyncKey, sha256: string): Buffer {
  return Buffer.from(canonicalJson({ v: 1, project: key.projectId, sha256 }), 'utf8');
}

export function encryptAttachment(key: SyncKey, sha256: string, bytes: Uint8Array): Buffer {
  checkSha(sha256);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.encryptionKey, iv);
  cipher.setAAD(attachmentAad(key, sha256));
  return Buffer.concat([ATTACHMENT_MAGIC, iv, cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
}

/** The attachment's bytes; throws SyncCipherError('tampered-attachment') unless they authenticate and hash to `sha256`. */
export function decryptAttachment(key: SyncKey, sha256: string, blob: Uint8Array): Buffer {
  checkSha(sha256);
  const data = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  const tampered = () =>
    new SyncCipherError('tampered-attachment', `The attachment ${sha256.slice(0, 12)}… received was altered or damaged; it was not saved.`);
  if (data.length < ATTACHMENT_MAGIC.length + IV_BYTES + TAG_BYTES || !data.subarray(0, 4).equals(ATTACHMENT_MAGIC)) throw tampered();
  const iv = data.subarray(4, 4 + IV_BYTES);
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.encryptionKey, iv);
    decipher.setAAD(attachmentAad(key, sha256));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    plain = Buffer.concat([decipher.update(data.subarray(4 + IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw tampered();
  }
  if (createHash('sha256').update(plain).digest('hex') !== sha256) throw tampered();
  return plain;
}
