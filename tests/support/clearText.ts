/**
 * Whether stored sync data shows any plaintext. Ciphertext is random base64, and a short word
 * ("Bob", "e1") turns up in random base64 now and then by chance (a 1,000-character batch holds a
 * given 3-letter word about one time in 260): short words are looked for outside the ciphertext
 * fields only, where a clear copy would be; words of 5 characters or more (a chance match about one
 * in a billion per position) are looked for everywhere, ciphertext included.
 */
import { expect } from 'vitest';

/** The ciphertext fields of encrypted batches (`data`, `iv`, `k`) and of CouchDB attachments (`data`). */
const CIPHERTEXT_FIELDS = /"(data|iv|k)":"[A-Za-z0-9+/=_-]*"/g;
const LONG_ENOUGH = 5;

export function expectNoClearText(json: string, secrets: readonly string[]): void {
  const outsideCiphertext = json.replace(CIPHERTEXT_FIELDS, '"$1":""');
  for (const secret of secrets) {
    expect(outsideCiphertext).not.toContain(secret);
    if (secret.length >= LONG_ENOUGH) expect(json).not.toContain(secret);
  }
}
