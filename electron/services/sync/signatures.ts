/**
 * Ed25519 signatures over entries: the signature covers signingPayload(entry) (a context line and
 * the canonical JSON of the entry without its `signature` field) and is stored in the entry's
 * `signature` field as base64url (86 characters).
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { signingPayload, type SignedSyncEntry, type SyncEntry } from '../../../shared/sync/syncEntry';
import { publicKeyObject } from './keys';

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing-signature' | 'malformed-signature' | 'bad-signature' | 'not-canonical'; message: string };

/** Returns a copy of `entry` with its signature (any earlier `signature` field is replaced). */
export function signEntry<E extends SyncEntry>(entry: E, privateKey: KeyObject): SignedSyncEntry<E> {
  const signature = sign(null, signingPayload(entry), privateKey).toString('base64url');
  return { ...entry, signature };
}

/**
 * Checks an entry's signature against a public key (KeyObject, or text "ed25519:…"). Never
 * throws for a bad entry: the answer says why it failed, for the conflicts list.
 */
export function verifyEntrySignature(entry: SyncEntry, publicKey: KeyObject | string): SignatureCheck {
  const signature = (entry as { signature?: unknown }).signature;
  if (signature === undefined) return { ok: false, reason: 'missing-signature', message: 'the entry is not signed' };
  if (typeof signature !== 'string' || !/^[A-Za-z0-9_-]{86}$/.test(signature)) {
    return { ok: false, reason: 'malformed-signature', message: 'the entry’s signature is malformed' };
  }
  let payload: Uint8Array;
  try {
    payload = signingPayload(entry);
  } catch (err) {
    return { ok: false, reason: 'not-canonical', message: `the entry cannot be encoded for checking (${(err as Error).message})` };
  }
  const key = typeof publicKey === 'string' ? publicKeyObject(publicKey) : publicKey;
  const ok = verify(null, payload, key, Buffer.from(signature, 'base64url'));
  return ok ? { ok: true } : { ok: false, reason: 'bad-signature', message: 'the signature does not match the entry and its author’s key' };
}

/**
 * A verifier that keeps parsed public keys, for checking many entries from few authors.
 * A key text that cannot be read throws PublicKeyFormatError.
 */
export function createSignatureVerifier(): (entry: SyncEntry, publicKeyText: string) => SignatureCheck {
  const keys = new Map<string, KeyObject>();
  return (entry, publicKeyText) => {
    let key = keys.get(publicKeyText);
    if (!key) {
      key = publicKeyObject(publicKeyText);
      keys.set(publicKeyText, key);
    }
    return verifyEntrySignature(entry, key);
  };
}
