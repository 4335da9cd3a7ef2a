/**
 * Recovery codes: a 32-byte sync key written so a person can copy it onto paper and type it back.
 *
 * Format: Crockford base32 (digits and capitals without I, L, O, U) of the 256 key bits (52
 * characters, the last 4 bits zero), then 3 check characters (the first 15 bits of SHA-256 over a
 * context string and the key), in 11 groups of 5 joined by hyphens:
 *
 *   7K3QW-0N2XH-…-9FJ4M   (65 characters with the hyphens)
 *
 * Reading is forgiving where it cannot be wrong: case, spaces and hyphens are ignored, O is read
 * as 0 and I or L as 1. A typo is caught by the check characters (all but 1 in 32,768 are) and
 * reported as a typo, not as a wrong key.
 */
import { createHash } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 32;
const DATA_CHARS = 52;
const CHECK_CHARS = 3;
const GROUP = 5;
const CHECK_CONTEXT = 'factcheck-workbench recovery code v1';

export class RecoveryCodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecoveryCodeError';
  }
}

function checkBits(key: Uint8Array): number {
  const digest = createHash('sha256').update(CHECK_CONTEXT).update(key).digest();
  return ((digest[0]! << 7) | (digest[1]! >> 1)) & 0x7fff;
}

function toBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

export function encodeRecoveryCode(key: Uint8Array): string {
  if (key.length !== KEY_BYTES) throw new RecoveryCodeError('a sync key has 32 bytes');
  const check = checkBits(key);
  const chars = toBase32(key) + ALPHABET[(check >> 10) & 31] + ALPHABET[(check >> 5) & 31] + ALPHABET[check & 31];
  return chars.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/** The key in a recovery code; throws RecoveryCodeError naming what is wrong with the text. */
export function decodeRecoveryCode(text: string): Buffer {
  const cleaned = String(text)
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const bad = [...cleaned].find((c) => !ALPHABET.includes(c));
  if (bad !== undefined) throw new RecoveryCodeError(`a recovery code has no "${bad}": check what you typed`);
  if (cleaned.length !== DATA_CHARS + CHECK_CHARS) {
    throw new RecoveryCodeError(
      `a recovery code has ${DATA_CHARS + CHECK_CHARS} letters and digits; this one has ${cleaned.length} (a group missing or doubled?)`,
    );
  }
  const values = [...cleaned].map((c) => ALPHABET.indexOf(c));
  const key = Buffer.alloc(KEY_BYTES);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const value of values.slice(0, DATA_CHARS)) {
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      key[index++] = (buffer >> (bits - 8)) & 0xff;
      bits -= 8;
      buffer &= (1 << bits) - 1;
    }
  }
  const [c1, c2, c3] = values.slice(DATA_CHARS);
  const check = (c1! << 10) | (c2! << 5) | c3!;
  if (buffer !== 0 || check !== checkBits(key)) throw new RecoveryCodeError('this recovery code has a typo: check each group against the one you wrote down');
  return key;
}
