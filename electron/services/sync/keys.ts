/**
 * Ed25519 public keys in text and key ids.
 *   Text form:  "ed25519:" + base64url (no padding) of the 32-byte raw public key — 51 characters,
 *               safe to paste into a mail, a chat or a shell argument.
 *   Key id:     the first 16 characters of base64url(SHA-256(raw public key)): 96 bits, short
 *               enough to print beside a name, long enough that no two real keys share one.
 *               It only names a key; signatures are always checked against the full key.
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

export const PUBLIC_KEY_PREFIX = 'ed25519:';
export const KEY_ID_LENGTH = 16;

export class PublicKeyFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PublicKeyFormatError';
  }
}

/** The 32 raw bytes of an Ed25519 public KeyObject. */
export function rawPublicKey(key: KeyObject): Buffer {
  if (key.asymmetricKeyType !== 'ed25519') throw new PublicKeyFormatError('not an Ed25519 key');
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x as string, 'base64url');
}

export function formatPublicKey(raw: Uint8Array): string {
  if (raw.length !== 32) throw new PublicKeyFormatError('an Ed25519 public key has 32 bytes');
  return PUBLIC_KEY_PREFIX + Buffer.from(raw).toString('base64url');
}

/** Reads "ed25519:<base64url>" (surrounding white space ignored); throws a message a person can act on. */
export function parsePublicKey(text: string): Buffer {
  const trimmed = String(text).trim();
  if (!trimmed.startsWith(PUBLIC_KEY_PREFIX)) {
    throw new PublicKeyFormatError('a public key starts with "ed25519:" (copy the whole line that "factcheck identity" prints)');
  }
  const body = trimmed.slice(PUBLIC_KEY_PREFIX.length);
  if (!/^[A-Za-z0-9_-]{43}$/.test(body)) {
    throw new PublicKeyFormatError('this public key is incomplete or mistyped (expected 43 characters after "ed25519:")');
  }
  const raw = Buffer.from(body, 'base64url');
  if (raw.length !== 32 || raw.toString('base64url') !== body) throw new PublicKeyFormatError('this public key is mistyped');
  return raw;
}

/** A verification KeyObject from the text form. */
export function publicKeyObject(text: string): KeyObject {
  const raw = parsePublicKey(text);
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch {
    throw new PublicKeyFormatError('this is not a valid Ed25519 public key');
  }
}

export function keyIdFromRaw(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('base64url').slice(0, KEY_ID_LENGTH);
}

/** The key id of a public key given in text form. */
export function keyIdOf(publicKeyText: string): string {
  return keyIdFromRaw(parsePublicKey(publicKeyText));
}
