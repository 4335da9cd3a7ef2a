/**
 * The check of one stored history entry on open, fast for the common case. A file holds up to
 * hundreds of thousands of entries and zod costs several microseconds for each; this plain check
 * accepts an entry only when StoredHistoryEntrySchema certainly would, unchanged (no unknown key to
 * strip, every field within its limit), and leaves everything else to the schema, which stays the
 * one authority on what is refused and how the refusal is worded.
 */
import { HistoryEntryBaseSchema } from '../model';
import { TEXT_LIMITS } from '../limits';
import { operationShapeProblem, StoredHistoryEntrySchema, type HistoryEntry } from './schema';

type FieldCheck = (value: unknown) => boolean;

const HLC = /^\d{15}-\d{10}$/;
const count = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const text = (min: number, max: number) => (value: unknown) => typeof value === 'string' && value.length >= min && value.length <= max;
const operation = (value: unknown) => operationShapeProblem(value) === null;

/** Every field of a stored entry with a check no looser than the schema's (required ones first). */
const REQUIRED: Readonly<Record<string, FieldCheck>> = {
  seq: count,
  id: text(1, TEXT_LIMITS.id.max),
  at: text(1, TEXT_LIMITS.date.max),
  author: text(0, TEXT_LIMITS.person.max),
  kind: (value) => value === 'do' || value === 'undo' || value === 'redo',
  op: operation,
  inverse: operation,
};
const OPTIONAL: Readonly<Record<string, FieldCheck>> = {
  of: count,
  keyId: text(1, 64),
  device: text(1, 128),
  hlc: (value) => typeof value === 'string' && HLC.test(value),
  ofId: text(1, TEXT_LIMITS.id.max),
  signature: text(0, 200),
  unverified: text(0, 500),
  rejected: text(0, 1000),
};
const CHECKS: Readonly<Record<string, FieldCheck>> = { ...REQUIRED, ...OPTIONAL };

/** The fields the fast check knows: the schema's (a test keeps the two lists the same). */
export const FAST_CHECKED_FIELDS: readonly string[] = Object.keys(CHECKS);
/** The schema's fields, for that test. */
export const STORED_ENTRY_FIELDS: readonly string[] = [...Object.keys(HistoryEntryBaseSchema.shape), 'op', 'inverse'];

/** The value itself when it is a stored entry the schema accepts as it is; null when the schema must decide. */
export function plainStoredEntry(value: unknown): HistoryEntry | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  if (Object.getPrototypeOf(value) !== Object.prototype) return null;
  const record = value as Record<string, unknown>;
  let known = 0;
  for (const key in REQUIRED) {
    if (!Object.prototype.hasOwnProperty.call(record, key) || !REQUIRED[key]!(record[key])) return null;
    known++;
  }
  for (const key in OPTIONAL) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    if (!OPTIONAL[key]!(record[key])) return null;
    known++;
  }
  // Any other key (the schema would strip it) or an inherited one: the schema decides.
  if (Object.keys(record).length !== known) return null;
  return value as HistoryEntry;
}

/**
 * A stored entry as the schema reads it: `{ entry, verbatim: true }` when it is the value itself
 * (so its text in the file is its text), a copy made by the schema when it had to strip something,
 * or null when the schema refuses it.
 */
export function readStoredEntry(value: unknown): { entry: HistoryEntry; verbatim: boolean } | null {
  const plain = plainStoredEntry(value);
  if (plain) return { entry: plain, verbatim: true };
  const parsed = StoredHistoryEntrySchema.safeParse(value);
  return parsed.success ? { entry: parsed.data as HistoryEntry, verbatim: false } : null;
}
