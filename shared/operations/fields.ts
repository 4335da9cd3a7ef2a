/**
 * Partial edits of a record (a claim, a source, a link, an article's metadata). A change lists only
 * the fields it sets. A blank value — '' for text, false for a flag, [] for a list — in an optional
 * field means "not set" and removes the key; undoing the first edit of a field sets it back to
 * blank, so the record comes back exactly as it was. Which fields are optional is read from the
 * record's schema in the model.
 */
import type { z } from 'zod';

export function isBlank(value: unknown): boolean {
  return value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

/** `record` with the defined fields of `changes`; a blank value removes an optional field (a required one keeps it). */
export function withChanges<T extends object>(record: T, changes: object, schema: z.ZodObject): T {
  const next = { ...record } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (isBlank(value) && isOptionalField(schema, key)) delete next[key];
    else next[key] = value;
  }
  return next as T;
}

/** The current values of exactly the fields `changes` sets; a blank of the same kind for a field that is not set. */
export function previousValues<C extends object>(record: object, changes: C): C {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    out[key] = (record as Record<string, unknown>)[key] ?? blankLike(value);
  }
  return out as C;
}

/** The fields whose value is not undefined (a partial change must not erase fields it does not name). */
export function definedFields<T extends object>(changes: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(changes) as (keyof T)[]) {
    if (changes[key] !== undefined) out[key] = changes[key];
  }
  return out;
}

/** The defined keys of a change, for labels and locks that depend on which fields it sets. */
export function changedKeys<T extends object>(changes: T): (keyof T & string)[] {
  return (Object.keys(changes) as (keyof T & string)[]).filter((key) => changes[key] !== undefined);
}

function isOptionalField(schema: z.ZodObject, key: string): boolean {
  const field = schema.shape[key] as z.ZodType | undefined;
  return field !== undefined && field.safeParse(undefined).success;
}

function blankLike(value: unknown): unknown {
  if (typeof value === 'boolean') return false;
  if (Array.isArray(value)) return [];
  return '';
}
