/**
 * One interface for every place encrypted batches are exchanged through (a sync folder, a CouchDB
 * server). Transports move EncryptedBatch envelopes and encrypted attachment blobs; they never see
 * a key or a clear entry.
 *
 * Promises the sync engine relies on:
 *  - push() counts a batch as sent (stored / alreadyStored) only after the remote acknowledged it
 *    as durably stored: the folder's fsync, the server's reply. Everything else is notSent and
 *    must be pushed again; pushing a batch twice is harmless (alreadyStored).
 *  - push() does not throw for a remote that is missing, down or refusing: the result says what
 *    was not sent and why (error). Programming errors still throw.
 *  - pull(cursor) returns batches written since the cursor (by other devices) and the cursor to use
 *    next; cursors are opaque strings to keep with the project; null means "from the beginning".
 *    A batch may be delivered more than once (merge is by id). Damaged items are skipped and
 *    listed in problems; the rest still arrives. A remote that cannot be read throws
 *    SyncTransportError.
 */
import type { EncryptedBatch } from './syncCipher';

export interface PushResult {
  /** Batch ids the remote acknowledged as durably stored by this push. */
  stored: string[];
  /** Batch ids the remote already held (an earlier push that was not acknowledged, or a retry). */
  alreadyStored: string[];
  /** Batch ids not acknowledged: still to be sent. */
  notSent: string[];
  /** Why some were not sent. */
  error?: SyncTransportError;
}

export interface TransportProblem {
  /** Where: a log file and line, a document id. */
  where: string;
  message: string;
}

export interface PullResult {
  batches: EncryptedBatch[];
  /** Pass to the next pull. */
  cursor: string;
  /** True when more is waiting: pull again with the new cursor. */
  more: boolean;
  problems: TransportProblem[];
}

export interface SyncTransport {
  readonly kind: 'folder' | 'couchdb';
  /** The folder or server URL, never with a password: for messages and the status line. */
  readonly target: string;
  push(batches: readonly EncryptedBatch[]): Promise<PushResult>;
  pull(cursor: string | null): Promise<PullResult>;
  /** The stored SyncKeyDescriptor (unvalidated JSON), or null when none is stored yet. */
  readKeyDescriptor(): Promise<unknown | null>;
  /** Stores `descriptor` unless one is stored already; returns the stored one (theirs if they were first). */
  offerKeyDescriptor(descriptor: unknown): Promise<unknown>;
  hasAttachment(remoteName: string): Promise<boolean>;
  /** Stores an encrypted attachment under its remote name (a name already present is left as it is). */
  putAttachment(remoteName: string, blob: Uint8Array): Promise<void>;
  /** The encrypted attachment, or null when the remote does not have it (yet). */
  getAttachment(remoteName: string): Promise<Buffer | null>;
  close(): Promise<void>;
}

export type SyncTransportErrorKind =
  | 'folder-missing'
  | 'unreachable'
  | 'unauthorized'
  | 'forbidden'
  | 'server-error'
  | 'bad-target'
  | 'damaged'
  | 'io';

export class SyncTransportError extends Error {
  constructor(
    readonly kind: SyncTransportErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SyncTransportError';
  }
}

/** Remote attachment names are the 64-hex HMACs of syncCipher.attachmentRemoteName. */
export function checkRemoteName(name: string): void {
  if (!/^[0-9a-f]{64}$/.test(name)) throw new Error(`not a remote attachment name: ${JSON.stringify(name)}`);
}

export function emptyPushResult(): PushResult {
  return { stored: [], alreadyStored: [], notSent: [] };
}
