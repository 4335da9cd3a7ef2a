/**
 * Defensive readers for fields that the review workflow adds to the model (source library fields,
 * review state and reviewer, methodology note, corrections, organisation). Exports work with or
 * without them: a missing or malformed field reads as undefined.
 */

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

export function optionalString(value: unknown, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const found = field(value, key);
    if (typeof found === 'string' && found.trim() !== '') return found;
  }
  return undefined;
}

export function optionalBoolean(value: unknown, key: string): boolean {
  return field(value, key) === true;
}

export function optionalArray(value: unknown, key: string): unknown[] {
  const found = field(value, key);
  return Array.isArray(found) ? found : [];
}

export function optionalObject(value: unknown, key: string): Record<string, unknown> | undefined {
  const found = field(value, key);
  return found !== null && typeof found === 'object' && !Array.isArray(found) ? (found as Record<string, unknown>) : undefined;
}

/** A name from a string or an object with a name/displayName/userName. */
export function optionalName(value: unknown, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const found = field(value, key);
    if (typeof found === 'string' && found.trim() !== '') return found;
    const named = optionalString(found, 'name', 'displayName', 'userName');
    if (named) return named;
  }
  return undefined;
}
