/**
 * Canonical JSON: one byte sequence per JSON value, so two copies sign and verify the same bytes.
 * The output follows RFC 8785 (JSON Canonicalization Scheme) for every value it accepts:
 *   - object keys sorted by UTF-16 code units (JavaScript's default sort), no whitespace;
 *   - numbers as ECMAScript's Number#toString (what JSON.stringify writes): -0 becomes 0,
 *     NaN and ±Infinity are refused;
 *   - strings as JSON.stringify writes them (only ", \ and control characters escaped,
 *     \b \f \n \r \t short forms, other controls as lowercase \u00xx); a lone surrogate is
 *     refused, because it has no UTF-8 encoding to sign;
 *   - an object property whose value is undefined is left out (as JSON.stringify does), so an
 *     optional field that is absent and one set to undefined encode alike;
 *   - refused: undefined in an array or at the top, functions, symbols, bigints, cycles, and
 *     objects that are not plain (Date, Map, class instances): their JSON form is not
 *     well defined across copies.
 */

export class CanonicalJsonError extends Error {
  constructor(message: string, readonly path: string) {
    super(`${message} at ${path || '(top)'}`);
    this.name = 'CanonicalJsonError';
  }
}

/** The canonical JSON text of `value` (throws CanonicalJsonError for what JSON cannot carry exactly). */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts, '', new Set());
  return parts.join('');
}

/** The UTF-8 bytes of canonicalJson(value): what signatures are computed over. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function writeString(text: string, parts: string[], path: string): void {
  if (LONE_SURROGATE.test(text)) throw new CanonicalJsonError('a string with a lone surrogate', path);
  // JSON.stringify escapes exactly as RFC 8785 asks once lone surrogates are excluded.
  parts.push(JSON.stringify(text));
}

function write(value: unknown, parts: string[], path: string, open: Set<object>): void {
  if (value === null) {
    parts.push('null');
    return;
  }
  switch (typeof value) {
    case 'boolean':
      parts.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`a non-finite number (${value})`, path);
      parts.push(JSON.stringify(value));
      return;
    case 'string':
      writeString(value, parts, path);
      return;
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`a value of type ${typeof value}`, path);
  }
  const object = value as object;
  if (open.has(object)) throw new CanonicalJsonError('a cycle', path);
  open.add(object);
  if (Array.isArray(object)) {
    parts.push('[');
    object.forEach((item, index) => {
      if (index > 0) parts.push(',');
      if (item === undefined) throw new CanonicalJsonError('undefined in an array', `${path}[${index}]`);
      write(item, parts, `${path}[${index}]`, open);
    });
    parts.push(']');
  } else {
    const proto = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      throw new CanonicalJsonError(`an object that is not plain (${proto?.constructor?.name ?? 'unknown'})`, path);
    }
    const record = object as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    parts.push('{');
    keys.forEach((key, index) => {
      if (index > 0) parts.push(',');
      const childPath = `${path}.${key}`;
      writeString(key, parts, childPath);
      parts.push(':');
      write(record[key], parts, childPath, open);
    });
    parts.push('}');
  }
  open.delete(object);
}
