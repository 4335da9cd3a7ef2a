/**
 * Team sync on one open project: checking what arrives, merging a copy received by hand, and one
 * round against a sync folder or a CouchDB server (push what the target has not acknowledged,
 * pull what others wrote, merge). Signatures are checked here, once, when an entry arrives; the
 * merge core (shared/sync/merge.ts) then decides with the recorded result.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { newId } from '../../../shared/ids';
import type { HistoryEntry, Project } from '../../../shared/operations';
import { parseProjectFile } from '../../../shared/projectFile';
import { sha256Hex } from '../intake/sha256';
import { isStamped, readWireEntry, signedPart, wireEntry } from '../../../shared/sync/entryStamp';
import { isShared } from '../../../shared/sync/authority';
import { projectFiles } from '../../../shared/sync/projectFiles';
import { mergeEntries, type MergeResult } from '../../../shared/sync/merge';
import { copyProjectFiles, pullProjectFiles, pushProjectFiles } from './attachmentSync';
import type { ProjectStore } from '../projectStore';
import { createCouchTransport } from './couchTransport';
import { createFolderTransport } from './folderTransport';
import { keyIdOf } from './keys';
import { verifyEntrySignatures } from './signatures';
import type { SignaturePool } from './signaturePool';
import type { SyncEntry } from '../../../shared/sync/syncEntry';
import type { EntryStamper } from './stamper';
import { decryptBatch, encryptBatch, newBatchId, SyncCipherError, type EncryptedBatch } from './syncCipher';
import { createSyncKeyFromPassphrase, unlockSyncKey, type ScryptParams, type SyncKey } from './syncKey';
import { SyncTransportError, type SyncTransport } from './transport';

/** The public keys this copy knows: members of the project and of every member entry seen, by key id. */
function keyRing(project: Project, incoming: readonly HistoryEntry[], own?: EntryStamper | null): Map<string, string> {
  const ring = new Map<string, string>();
  const add = (publicKey: string) => {
    try {
      ring.set(keyIdOf(publicKey), publicKey);
    } catch {
      // A malformed key names nobody.
    }
  };
  for (const m of project.members ?? []) add(m.publicKey);
  for (const entry of [...project.history, ...incoming]) {
    for (const leaf of entry.op.type === 'batch' ? entry.op.ops : [entry.op]) if (leaf.type === 'setMember') add(leaf.member.publicKey);
  }
  if (own) ring.set(own.identity.keyId, own.identity.publicKey);
  return ring;
}

/** What arrived, read and with unknown authors marked, and the signature checks under way. */
function startChecks(project: Project, received: readonly unknown[], own: EntryStamper | null | undefined, pool: SignaturePool | undefined, here: boolean) {
  const entries: HistoryEntry[] = [];
  const problems: string[] = [];
  for (const value of received) {
    const read = readWireEntry(value);
    if (read.ok) entries.push(read.entry);
    else problems.push(read.problem);
  }
  const known = new Set(project.history.map((e) => e.id));
  const ring = keyRing(project, entries, own);
  const toVerify: { entry: SyncEntry; publicKeyText: string }[] = [];
  const at: number[] = [];
  entries.forEach((entry, i) => {
    if (known.has(entry.id) || !isStamped(entry)) return;
    const publicKey = ring.get(entry.keyId!);
    if (!publicKey) {
      entries[i] = { ...entry, unverified: 'its author’s public key is not known to this copy' };
      return;
    }
    toVerify.push({ entry: { ...signedPart(entry), ...(entry.signature ? { signature: entry.signature } : {}) }, publicKeyText: publicKey });
    at.push(i);
  });
  // The same array comes back when every signature matched.
  const checked = verifyEntrySignatures(toVerify, pool, { here }).then((results) => {
    let out = entries;
    results.forEach((result, j) => {
      if (result.ok) return;
      if (out === entries) out = entries.slice();
      const i = at[j]!;
      out[i] = { ...entries[i]!, unverified: result.message };
    });
    return out;
  });
  return { entries, problems, checked };
}

/**
 * Entries as received from another copy, each checked once: a stamped entry whose signature does
 * not match its author's key (or whose key is unknown) gets `unverified` with the reason. Legacy
 * entries (no stamps) pass as they are. Fields only a receiving copy sets are dropped first. The
 * Ed25519 checks of a large arrival run on the signature pool's threads.
 */
export async function checkIncoming(project: Project, received: readonly unknown[], own?: EntryStamper | null, pool?: SignaturePool): Promise<{ entries: HistoryEntry[]; problems: string[] }> {
  const started = startChecks(project, received, own, pool, true);
  return { entries: await started.checked, problems: started.problems };
}

/**
 * checkIncoming, with the merge computed on this thread while the signatures are checked on the
 * pool's, on the guess that they all match; kept when they do (merging the returned entries into
 * the same project then answers from mergeEntries' memo), done again with the refusals otherwise.
 */
export async function checkAndMergeIncoming(project: Project, received: readonly unknown[], own?: EntryStamper | null, pool?: SignaturePool): Promise<{ entries: HistoryEntry[]; problems: string[]; merge: MergeResult }> {
  const started = startChecks(project, received, own, pool, false);
  const guess = mergeEntries(project, started.entries);
  const entries = await started.checked;
  return { entries, problems: started.problems, merge: entries === started.entries ? guess : mergeEntries(project, entries) };
}

/** Whoever first shares a project without members becomes its owner (a signed entry of theirs). */
export function ensureOwner(store: ProjectStore, stamper: EntryStamper, name: string): void {
  if (isShared(store.project)) return;
  const member = { name, publicKey: stamper.identity.publicKey, keyId: stamper.identity.keyId, role: 'owner' as const };
  stamper.observe(store.project);
  store.apply(store.project.history.length, [{ kind: 'do', op: { type: 'setMember', member } }], () => stamper.meta({ author: name, at: new Date().toISOString(), id: newId('h') }), undefined, (e) => stamper.seal(e));
}

export interface MergeCopyResult {
  added: number;
  present: number;
  conflicts: number;
  problems: string[];
}

/** Merges the history of another copy of the same project (a file received by mail or on a stick), with its attachments. */
export async function mergeCopy(store: ProjectStore, otherPath: string, own?: EntryStamper | null): Promise<MergeCopyResult> {
  const text = await fs.readFile(otherPath, 'utf8');
  const parsed = parseProjectFile(text, sha256Hex);
  if (!parsed.ok) throw new Error(`Cannot read ${path.basename(otherPath)}: ${parsed.problem}`);
  if (parsed.project.id !== store.project.id) {
    throw new Error(`${path.basename(otherPath)} is a copy of another project (its project id differs), so it cannot be merged.`);
  }
  const { entries, problems } = await checkAndMergeIncoming(store.project, parsed.project.history.map(wireEntry), own);
  const result = store.merge(entries);
  const files = await copyProjectFiles(path.resolve(otherPath), store.path, projectFiles(store.project));
  problems.push(...files.problems);
  return { added: result.added, present: result.present, conflicts: result.conflicts, problems };
}

// ---------- a sync folder or CouchDB server ----------

export const PASSPHRASE_ENV = 'FACTCHECK_SYNC_PASSPHRASE';

export function openTransport(target: string, deviceId: string, env: NodeJS.ProcessEnv = process.env): SyncTransport {
  if (/^https?:\/\//i.test(target)) return createCouchTransport({ url: target, env });
  return createFolderTransport({ folder: target, deviceId });
}

/** What this copy remembers per target: the pull cursor, the entries and the files (remote names) the target acknowledged. */
interface TargetState {
  cursor: string | null;
  sent: string[];
  files: string[];
}

export class SyncStateFile {
  constructor(private readonly file: string) {}

  static forProject(dataDir: string, projectId: string): SyncStateFile {
    return new SyncStateFile(path.join(dataDir, 'sync', `${projectId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`));
  }

  async read(target: string): Promise<TargetState> {
    try {
      const all = JSON.parse(await fs.readFile(this.file, 'utf8')) as Record<string, TargetState>;
      const state = all[target];
      if (state && Array.isArray(state.sent)) {
        return { cursor: typeof state.cursor === 'string' ? state.cursor : null, sent: state.sent, files: Array.isArray(state.files) ? state.files : [] };
      }
    } catch {
      // First round with this target (or a damaged state file: pushing again is harmless).
    }
    return { cursor: null, sent: [], files: [] };
  }

  async write(target: string, state: TargetState): Promise<void> {
    let all: Record<string, TargetState> = {};
    try {
      all = JSON.parse(await fs.readFile(this.file, 'utf8')) as Record<string, TargetState>;
    } catch {
      all = {};
    }
    all[target] = state;
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    await fs.writeFile(temp, JSON.stringify(all));
    await fs.rename(temp, this.file);
  }
}

/** Unlocks the target's sync key with the passphrase, creating it there on the first share. */
export async function syncKeyFor(transport: SyncTransport, projectId: string, passphrase: string, scrypt?: ScryptParams): Promise<SyncKey> {
  const stored = await transport.readKeyDescriptor();
  if (stored !== null) return unlockSyncKey(stored, { passphrase }, projectId);
  const created = await createSyncKeyFromPassphrase(projectId, passphrase, scrypt);
  const winner = await transport.offerKeyDescriptor(created.descriptor);
  return JSON.stringify(winner) === JSON.stringify(created.descriptor) ? created : unlockSyncKey(winner, { passphrase }, projectId);
}

export interface SyncRoundResult {
  pushed: number;
  pulled: number;
  present: number;
  conflicts: number;
  /** Batches that were tampered with or could not be decrypted, damaged log lines, malformed entries. */
  problems: string[];
  /** Why the push did not finish (the rest is tried again next round). */
  pushError?: string;
  /** Attachments and capture files received this round. */
  filesReceived: number;
  /** Files the merged project names that the target does not hold yet (fetched on a later round). */
  filesWaiting: number;
}

const ENTRIES_PER_BATCH = 500;
const MAX_PULLS = 1000;

/** One round: push the entries the target has not acknowledged, pull everything new, merge. */
export async function syncRound(options: {
  store: ProjectStore;
  stamper: EntryStamper;
  transport: SyncTransport;
  key: SyncKey;
  state: SyncStateFile;
}): Promise<SyncRoundResult> {
  const { store, stamper, transport, key, state } = options;
  const remembered = await state.read(transport.target);
  const sent = new Set(remembered.sent);
  const sentFiles = new Set(remembered.files);
  const problems: string[] = [];
  const remember = (cursor: string | null) => state.write(transport.target, { cursor, sent: [...sent], files: [...sentFiles] });
  let pushError: string | undefined;

  // Files first, so that a copy receiving the entries that name them finds them there.
  try {
    await pushProjectFiles(store.path, projectFiles(store.project), transport, key, sentFiles);
  } catch (err) {
    if (!(err instanceof SyncTransportError)) throw err;
    pushError = err.message;
  }

  // Push: everything of the history the target has not acknowledged, in batches.
  const unsent = store.project.history.filter((e) => !sent.has(e.id));
  const batches: { envelope: EncryptedBatch; ids: string[] }[] = [];
  for (let i = 0; i < unsent.length; i += ENTRIES_PER_BATCH) {
    const slice = unsent.slice(i, i + ENTRIES_PER_BATCH);
    const envelope = encryptBatch(key, { id: newBatchId(stamper.identity.deviceId), device: stamper.identity.deviceId, entries: slice.map(wireEntry) });
    batches.push({ envelope, ids: slice.map((e) => e.id) });
  }
  let pushed = 0;
  if (batches.length > 0) {
    const result = await transport.push(batches.map((b) => b.envelope));
    const acknowledged = new Set([...result.stored, ...result.alreadyStored]);
    for (const batch of batches) {
      if (!acknowledged.has(batch.envelope.id)) continue;
      for (const id of batch.ids) sent.add(id);
      pushed += batch.ids.length;
    }
    if (result.error) pushError ??= result.error.message;
  }
  await remember(remembered.cursor);

  // Pull: every batch since the cursor; a bad batch is reported and the rest still applies.
  let cursor = remembered.cursor;
  const received: unknown[] = [];
  for (let round = 0; round < MAX_PULLS; round++) {
    const page = await transport.pull(cursor);
    for (const problem of page.problems) problems.push(`${problem.where}: ${problem.message}`);
    for (const envelope of page.batches) {
      try {
        received.push(...decryptBatch(key, envelope).entries);
      } catch (err) {
        if (err instanceof SyncCipherError) problems.push(err.message);
        else throw err;
      }
    }
    cursor = page.cursor;
    if (!page.more) break;
  }
  const checked = await checkAndMergeIncoming(store.project, received, stamper);
  problems.push(...checked.problems);
  const merged = store.merge(checked.entries);
  stamper.observe(store.project);
  // What came from the target is there already: no need to send it back.
  for (const entry of checked.entries) sent.add(entry.id);
  await store.flush();
  await remember(cursor);

  // The files the merged entries name; one not sent yet by its owner is fetched on a later round.
  const files = await pullProjectFiles(store.path, projectFiles(store.project), transport, key);
  problems.push(...files.problems);
  return { pushed, pulled: merged.added, present: merged.present, conflicts: merged.conflicts, problems, pushError, filesReceived: files.moved, filesWaiting: files.missing };
}

export { SyncTransportError };
