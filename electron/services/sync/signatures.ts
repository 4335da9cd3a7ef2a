/**
 * Ed25519 signatures over entries: the signature covers signingPayload(entry) (a context line and
 * the canonical JSON of the entry without its `signature` field) and is stored in the entry's
 * `signature` field as base64url (86 characters).
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { signingPayload, type SignedSyncEntry, type SyncEntry } from '../../../shared/sync/syncEntry';
import { publicKeyObject } from './keys';
import { signaturePool, type SignaturePool, type VerifyJob } from './signaturePool';

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
type Prepared = { done: SignatureCheck } | { payload: Uint8Array; signature: Buffer };

const badSignature = (): SignatureCheck => ({ ok: false, reason: 'bad-signature', message: 'the signature does not match the entry and its author’s key' });

/** Everything of a check but the Ed25519 verify itself: a refusal, or the bytes to verify. */
function prepare(entry: SyncEntry): Prepared {
  const signature = (entry as { signature?: unknown }).signature;
  if (signature === undefined) return { done: { ok: false, reason: 'missing-signature', message: 'the entry is not signed' } };
  if (typeof signature !== 'string' || !/^[A-Za-z0-9_-]{86}$/.test(signature)) {
    return { done: { ok: false, reason: 'malformed-signature', message: 'the entry’s signature is malformed' } };
  }
  try {
    return { payload: signingPayload(entry), signature: Buffer.from(signature, 'base64url') };
  } catch (err) {
    return { done: { ok: false, reason: 'not-canonical', message: `the entry cannot be encoded for checking (${(err as Error).message})` } };
  }
}

/**
 * Checks an entry's signature against a public key (KeyObject, or text "ed25519:…"). Never
 * throws for a bad entry: the answer says why it failed, for the conflicts list.
 */
export function verifyEntrySignature(entry: SyncEntry, publicKey: KeyObject | string): SignatureCheck {
  const prepared = prepare(entry);
  if ('done' in prepared) return prepared.done;
  const key = typeof publicKey === 'string' ? publicKeyObject(publicKey) : publicKey;
  return verify(null, prepared.payload, key, prepared.signature) ? { ok: true } : badSignature();
}

function keyCache(): (publicKeyText: string) => KeyObject {
  const keys = new Map<string, KeyObject>();
  return (publicKeyText) => {
    let key = keys.get(publicKeyText);
    if (!key) {
      key = publicKeyObject(publicKeyText);
      keys.set(publicKeyText, key);
    }
    return key;
  };
}

/**
 * A verifier that keeps parsed public keys, for checking many entries from few authors.
 * A key text that cannot be read throws PublicKeyFormatError.
 */
export function createSignatureVerifier(): (entry: SyncEntry, publicKeyText: string) => SignatureCheck {
  const keyOf = keyCache();
  return (entry, publicKeyText) => verifyEntrySignature(entry, keyOf(publicKeyText));
}

/**
 * The same checks as verifyEntrySignature for many entries, the Ed25519 part spread over the
 * signature pool's threads; answers in order. A key text that cannot be read throws PublicKeyFormatError.
 */
export async function verifyEntrySignatures(
  items: readonly { entry: SyncEntry; publicKeyText: string }[],
  pool: SignaturePool = signaturePool(),
  options?: { here?: boolean },
): Promise<SignatureCheck[]> {
  const keyOf = keyCache();
  const answers: SignatureCheck[] = new Array(items.length);
  const jobs: VerifyJob[] = [];
  const at: number[] = [];
  items.forEach(({ entry, publicKeyText }, i) => {
    const key = keyOf(publicKeyText);
    const prepared = prepare(entry);
    if ('done' in prepared) answers[i] = prepared.done;
    else {
      jobs.push({ payload: prepared.payload, signature: prepared.signature, key });
      at.push(i);
    }
  });
  const verified = await pool.verifyAll(jobs, options);
  verified.forEach((ok, j) => {
    answers[at[j]!] = ok ? { ok: true } : badSignature();
  });
  return answers;
}
