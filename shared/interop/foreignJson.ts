/**
 * Readers for JSON written by other tools (W3C Web Annotation and Hypothesis files): a field that is
 * missing or of another type reads as undefined (or []), so the importer can say what it found.
 * Our own project data is typed by the model's schemas and never read this way.
 */

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** The first of `keys` that holds non-blank text. */
export function optionalString(value: unknown, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const found = field(value, key);
    if (typeof found === 'string' && found.trim() !== '') return found;
  }
  return undefined;
}

export function optionalArray(value: unknown, key: string): unknown[] {
  const found = field(value, key);
  return Array.isArray(found) ? found : [];
}

export function optionalObject(value: unknown, key: string): Record<string, unknown> | undefined {
  const found = field(value, key);
  return found !== null && typeof found === 'object' && !Array.isArray(found) ? (found as Record<string, unknown>) : undefined;
}

/** A name from a string or an object with a name/displayName/userName (W3C `creator`). */
export function optionalName(value: unknown, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const found = field(value, key);
    if (typeof found === 'string' && found.trim() !== '') return found;
    const named = optionalString(found, 'name', 'displayName', 'userName');
    if (named) return named;
  }
  return undefined;
}
