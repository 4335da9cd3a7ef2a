/**
 * A project's sync key: the 32-byte secret that encrypts everything a copy sends. Made either
 *   - from a passphrase with scrypt (N = 2^17, r = 8, p = 1 by default; a random 16-byte salt), or
 *   - at random, shown once to the person as a recovery code (recoveryCode.ts).
 * The public half is a SyncKeyDescriptor, stored beside the encrypted data (sync folder, server)
 * and in the project: the KDF and its salt, plus `check`, an HMAC of the descriptor under the key.
 * The check tells a wrong passphrase (or recovery code) apart from a tampered batch, and catches a
 * descriptor whose salt or parameters were changed. It lets no one test a guess they could not
 * already test against any encrypted batch.
 *
 * From the secret three keys are derived with HKDF-SHA256, one per purpose: batch and attachment
 * encryption (AES-256-GCM), attachment names (HMAC), and the check. `keyRef` (12 characters) names
 * the key in every encrypted batch, so a batch made with another key is reported as such.
 */
import { createHmac, hkdfSync, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/sync/canonicalJson';
import { decodeRecoveryCode, encodeRecoveryCode } from './recoveryCode';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
export const MIN_PASSPHRASE_LENGTH = 8;

const ScryptKdfSchema = z.object({
  name: z.literal('scrypt'),
  // Bounded, so a descriptor planted on a server cannot make a copy allocate gigabytes.
  N: z.number().int().min(2 ** 10).max(2 ** 20).refine((n) => (n & (n - 1)) === 0, 'N must be a power of 2'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().regex(/^[A-Za-z0-9_-]{22,}$/),
});

export const SyncKeyDescriptorSchema = z.object({
  format: z.literal('factcheck-sync-key'),
  version: z.literal(1),
  projectId: z.string().min(1),
  kdf: z.discriminatedUnion('name', [ScryptKdfSchema, z.object({ name: z.literal('random') })]),
  check: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type SyncKeyDescriptor = z.infer<typeof SyncKeyDescriptorSchema>;

export type SyncSecret = { passphrase: string } | { recoveryCode: string };

export type SyncKeyErrorKind = 'wrong-passphrase' | 'wrong-recovery-code' | 'bad-descriptor' | 'weak-passphrase' | 'other-project';

export class SyncKeyError extends Error {
  constructor(
    readonly kind: SyncKeyErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SyncKeyError';
  }
}

function derive(secret: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `factcheck-workbench sync ${purpose} v1`, 32));
}

function checkValue(checkKey: Buffer, descriptor: Omit<SyncKeyDescriptor, 'check'>): string {
  return createHmac('sha256', checkKey).update(canonicalJson(descriptor)).digest('base64url');
}

/** An unlocked sync key. The secret stays inside; callers use the cipher functions. */
export class SyncKey {
  /** @internal AES-256-GCM key for batches and attachments. */
  readonly encryptionKey: Buffer;
  /** @internal HMAC key for attachment names. */
  readonly namingKey: Buffer;
  /** Names this key inside encrypted batches (not secret). */
  readonly keyRef: string;

  private constructor(
    private readonly secret: Buffer,
    readonly descriptor: SyncKeyDescriptor,
  ) {
    this.encryptionKey = derive(secret, 'encryption');
    this.namingKey = derive(secret, 'attachment names');
    this.keyRef = derive(secret, 'key reference').subarray(0, 9).toString('base64url');
  }

  get projectId(): string {
    return this.descriptor.projectId;
  }

  /** The secret as a recovery code (to show once when the key is created). */
  recoveryCode(): string {
    return encodeRecoveryCode(this.secret);
  }

  /** @internal */
  static fromSecret(secret: Buffer, body: Omit<SyncKeyDescriptor, 'check'>): SyncKey {
    const descriptor = { ...body, check: checkValue(derive(secret, 'check'), body) };
    return new SyncKey(secret, descriptor);
  }

  /** @internal Builds the key if `secret` matches the descriptor's check, else returns null. */
  static matching(secret: Buffer, descriptor: SyncKeyDescriptor): SyncKey | null {
    const { check, ...body } = descriptor;
    const expected = Buffer.from(checkValue(derive(secret, 'check'), body), 'base64url');
    const given = Buffer.from(check, 'base64url');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    return new SyncKey(secret, descriptor);
  }
}

function scryptAsync(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // Node refuses scrypt beyond 32 MiB of memory unless maxmem is raised (128·N·r bytes are needed).
  const maxmem = 2 * 128 * params.N * params.r * params.p + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** A new key from a passphrase (min. 8 characters), with a fresh random salt. */
export async function createSyncKeyFromPassphrase(projectId: string, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<SyncKey> {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new SyncKeyError('weak-passphrase', `A sync passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
  const kdf = ScryptKdfSchema.parse({ name: 'scrypt', ...params, salt: randomBytes(16).toString('base64url') });
  const secret = await scryptAsync(passphrase, Buffer.from(kdf.salt, 'base64url'), kdf);
  return SyncKey.fromSecret(secret, { format: 'factcheck-sync-key', version: 1, projectId, kdf });
}

/** A new random key; show `recoveryCode` to the person once, it is the only way back to the key. */
export function createRandomSyncKey(projectId: string): { key: SyncKey; recoveryCode: string } {
  const secret = randomBytes(32);
  const key = SyncKey.fromSecret(secret, { format: 'factcheck-sync-key', version: 1, projectId, kdf: { name: 'random' } });
  return { key, recoveryCode: encodeRecoveryCode(secret) };
}

/** Reads a descriptor from untrusted JSON; throws SyncKeyError('bad-descriptor'). */
export function parseSyncKeyDescriptor(value: unknown): SyncKeyDescriptor {
  const parsed = SyncKeyDescriptorSchema.safeParse(value);
  if (!parsed.success) throw new SyncKeyError('bad-descriptor', 'The sync key description is damaged or from a newer version of the workbench.');
  return parsed.data;
}

/**
 * Unlocks the key a descriptor describes, with the passphrase or with the recovery code (which
 * works for passphrase keys too). Throws SyncKeyError 'wrong-passphrase' / 'wrong-recovery-code'
 * when the secret does not match, 'other-project' when the descriptor is for another project,
 * RecoveryCodeError when the code is mistyped.
 */
export async function unlockSyncKey(descriptorValue: unknown, secret: SyncSecret, expectedProjectId?: string): Promise<SyncKey> {
  const descriptor = parseSyncKeyDescriptor(descriptorValue);
  if (expectedProjectId !== undefined && descriptor.projectId !== expectedProjectId) {
    throw new SyncKeyError('other-project', 'This sync folder or server holds another project (its sync key belongs to a different project id).');
  }
  if ('recoveryCode' in secret) {
    const key = SyncKey.matching(decodeRecoveryCode(secret.recoveryCode), descriptor);
    if (!key) throw new SyncKeyError('wrong-recovery-code', 'Wrong recovery code: it does not unlock this project’s sync key.');
    return key;
  }
  if (descriptor.kdf.name !== 'scrypt') {
    throw new SyncKeyError('wrong-passphrase', 'This project’s sync key was not made from a passphrase: unlock it with its recovery code.');
  }
  const derived = await scryptAsync(secret.passphrase, Buffer.from(descriptor.kdf.salt, 'base64url'), descriptor.kdf);
  const key = SyncKey.matching(derived, descriptor);
  if (!key) throw new SyncKeyError('wrong-passphrase', 'Wrong passphrase: it does not unlock this project’s sync key.');
  return key;
}
