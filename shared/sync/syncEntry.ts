/**
 * What sync moves, seen from the transport and signature layers: entries are opaque JSON objects
 * with a string `id`; batches group entries for one encrypted message. The merge core gives
 * entries their fields (author key id, device id, clock, operation); these layers never look
 * further than `id` and `signature`.
 */
import { canonicalJsonBytes } from './canonicalJson';

/** A history entry as sync sees it: any JSON object with a string id. */
export interface SyncEntry {
  id: string;
  [field: string]: unknown;
}

/** An entry with a detached Ed25519 signature over signingPayload(entry). */
export type SignedSyncEntry<E extends SyncEntry = SyncEntry> = E & { signature: string };

/** One push unit: entries from one device, encrypted together. `id` is immutable once pushed. */
export interface SyncBatch<E extends SyncEntry = SyncEntry> {
  id: string;
  /** The device that wrote the batch. */
  device: string;
  entries: E[];
}

/**
 * Domain separation: a signature over an entry can never pass as a signature over anything else
 * this app signs later (the prefix names what and which version).
 */
export const ENTRY_SIGNING_CONTEXT = 'factcheck-workbench entry v1\n';

/**
 * The bytes an entry's signature covers: the context line, then the canonical JSON of the entry
 * without its `signature` field.
 */
export function signingPayload(entry: SyncEntry): Uint8Array {
  const { signature: _signature, ...unsigned } = entry as SyncEntry & { signature?: unknown };
  const context = new TextEncoder().encode(ENTRY_SIGNING_CONTEXT);
  const body = canonicalJsonBytes(unsigned);
  const out = new Uint8Array(context.length + body.length);
  out.set(context, 0);
  out.set(body, context.length);
  return out;
}

export function isSyncEntry(value: unknown): value is SyncEntry {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as SyncEntry).id === 'string';
}
