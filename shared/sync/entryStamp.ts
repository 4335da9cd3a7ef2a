/**
 * A history entry as it travels between copies. `seq` and `of` are positions in one copy's history
 * (a merge may insert older entries before them), and `unverified` / `rejected` are what this copy
 * concluded about the entry: none of them is signed or sent. Everything else — id, author, time,
 * key id, device, clock, operation and the author's inverse — is the signed part.
 */
import { HistoryEntrySchema, type HistoryEntry } from '../operations';
import type { SyncEntry } from './syncEntry';

/** True when the entry carries the sync stamps (key id, device, clock); older entries are legacy. */
export function isStamped(entry: Pick<HistoryEntry, 'keyId' | 'hlc' | 'device'>): boolean {
  return entry.keyId !== undefined && entry.hlc !== undefined && entry.device !== undefined;
}

/** What the entry's signature covers (also the input of signingPayload). */
export function signedPart(entry: HistoryEntry): SyncEntry {
  const { seq: _seq, of: _of, signature: _signature, unverified: _unverified, rejected: _rejected, ...rest } = entry;
  return rest as SyncEntry;
}

/** The entry as it is sent: its signed part and its signature. */
export function wireEntry(entry: HistoryEntry): SyncEntry {
  const part = signedPart(entry);
  return entry.signature === undefined ? part : { ...part, signature: entry.signature };
}

/**
 * Reads an entry received from another copy: validated like a stored entry, with the fields only
 * the receiving copy may set dropped. Returns the entry (seq 0 until a merge places it) or why not.
 */
export function readWireEntry(value: unknown): { ok: true; entry: HistoryEntry } | { ok: false; problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'not an entry' };
  const { seq: _seq, of: _of, unverified: _unverified, rejected: _rejected, ...rest } = value as Record<string, unknown>;
  const parsed = HistoryEntrySchema.safeParse({ ...rest, seq: 0 });
  if (!parsed.success) return { ok: false, problem: `a malformed entry (${parsed.error.issues[0]?.message ?? 'invalid'})` };
  return { ok: true, entry: parsed.data };
}
