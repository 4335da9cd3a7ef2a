/**
 * Sync benchmark (run on demand: npm run bench:sync). Every figure is set against a baseline
 * measured in the same run:
 *   - encryption of a batch (JSON + AES-256-GCM + base64url) vs JSON.stringify of the same batch;
 *   - sign + verify of one entry vs JSON.stringify of it; the scrypt unlock at default strength;
 *   - one change's round trip (encrypt, push, pull, decrypt) over loopback to pouchdb-server vs a
 *     bare HTTP GET to it, and through a sync folder vs writing + fsyncing + reading one line;
 *   - merging 10,000 remote entries (signed by another person) into a 2,000-claim project that has
 *     a change of its own, vs replaying the same 10,000 operations locally through the reducer;
 *   - then rounds of a local change and 10 more entries into that 10,000-entry history (the last
 *     replay resumed) vs applying the 10 operations locally.
 */
import { generateKeyPairSync } from 'node:crypto';
import { loadOrCreateIdentity } from '../../../electron/services/sync/identity';
import { EntryStamper } from '../../../electron/services/sync/stamper';
import { checkAndMergeIncoming, checkIncoming } from '../../../electron/services/sync/teamSync';
import { createSignatureVerifier } from '../../../electron/services/sync/signatures';
import { closeSignaturePool } from '../../../electron/services/sync/signaturePool';
import { prepareMergeInBackground } from '../../../electron/services/sync/mergePreparation';
import { availableParallelism } from 'node:os';
import { commitChange } from '../../../shared/history';
import { apply, type HistoryEntry, type Operation, type Project } from '../../../shared/operations';
import { signedPart, wireEntry } from '../../../shared/sync/entryStamp';
import { mergeEntries } from '../../../shared/sync/merge';
import { projectWithClaims } from '../../support/projectFiles';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCouchTransport } from '../../../electron/services/sync/couchTransport';
import { createFolderTransport, initSyncFolder } from '../../../electron/services/sync/folderTransport';
import { signEntry, verifyEntrySignature } from '../../../electron/services/sync/signatures';
import { decryptBatch, encryptBatch, newBatchId } from '../../../electron/services/sync/syncCipher';
import { createRandomSyncKey, createSyncKeyFromPassphrase, DEFAULT_SCRYPT } from '../../../electron/services/sync/syncKey';
import type { SyncTransport } from '../../../electron/services/sync/transport';
import { formatHlc } from '../../../shared/sync/hlc';
import type { SyncEntry } from '../../../shared/sync/syncEntry';
import { startPouchServer } from '../../support/pouchServer';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median ms of `runs` calls (after a few warm-up calls). */
function timeSync(fn: () => unknown, runs: number): number {
  for (let i = 0; i < Math.min(5, runs); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function timeAsync(fn: () => Promise<unknown>, runs: number, warmUps = 3): Promise<number> {
  for (let i = 0; i < warmUps; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
let counter = 0;
/** An entry shaped like a real one: author, device, clock, an operation with text, a signature. */
function realisticEntry(): SyncEntry {
  counter++;
  return signEntry(
    {
      id: `e-${counter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
      keyId: 'q3JxV0vX1y2Z3a4b',
      device: '3f9a1c0d2e4b5a697887',
      hlc: formatHlc({ wallMs: 1795855049004 + counter, counter: 0 }),
      op: {
        type: 'editClaim',
        claimId: `c-${counter % 500}`,
        patch: {
          statement: 'The minister said unemployment fell to its lowest level in fifteen years, at 6.1 per cent in October.',
          rationale: 'The national statistics office reports 6.4 per cent for October; the 6.1 figure is the seasonally adjusted rate for a different quarter.',
        },
      },
    },
    privateKey,
  );
}

const key = createRandomSyncKey('bench-project').key;
const goals: string[] = [];
const lines: string[] = [];
const goal = (text: string, met: boolean) => goals.push(`${text} → ${met ? 'met' : 'MISSED'}`);

// 1. Encryption overhead per batch.
for (const size of [1, 100]) {
  const entries = Array.from({ length: size }, realisticEntry);
  const batch = { id: newBatchId('bench'), device: 'bench', entries };
  const runs = size === 1 ? 5000 : 500;
  const stringify = timeSync(() => JSON.stringify({ entries }), runs);
  const encrypt = timeSync(() => encryptBatch(key, batch), runs);
  const encrypted = encryptBatch(key, batch);
  const decrypt = timeSync(() => decryptBatch(key, encrypted), runs);
  const plainBytes = Buffer.byteLength(JSON.stringify({ entries }));
  const wireBytes = Buffer.byteLength(JSON.stringify(encrypted));
  lines.push(
    `batch of ${String(size).padStart(3)}: JSON.stringify ${(stringify * 1000).toFixed(1)} µs | encrypt ${(encrypt * 1000).toFixed(1)} µs (×${(encrypt / stringify).toFixed(1)}) | decrypt+parse ${(decrypt * 1000).toFixed(1)} µs (×${(decrypt / stringify).toFixed(1)}) | size ${plainBytes} → ${wireBytes} bytes (×${(wireBytes / plainBytes).toFixed(2)})`,
  );
  if (size === 100) {
    goal(`encrypting a 100-entry batch costs ≤ 5× its JSON.stringify (×${(encrypt / stringify).toFixed(1)})`, encrypt / stringify <= 5);
    goal(`on the wire ≤ 1.4× the JSON size (×${(wireBytes / plainBytes).toFixed(2)})`, wireBytes / plainBytes <= 1.4);
  }
}

// 2. Signatures.
{
  const entries = Array.from({ length: 2000 }, realisticEntry);
  const unsigned = entries.map(({ signature: _s, ...rest }) => rest as SyncEntry);
  let i = 0;
  const stringify = timeSync(() => JSON.stringify(unsigned[i++ % unsigned.length]), 4000);
  i = 0;
  const signOne = timeSync(() => signEntry(unsigned[i++ % unsigned.length]!, privateKey), 2000);
  i = 0;
  const verifyOne = timeSync(() => verifyEntrySignature(entries[i++ % entries.length]!, publicKey), 2000);
  lines.push(
    `per entry: JSON.stringify ${(stringify * 1000).toFixed(1)} µs | sign ${(signOne * 1000).toFixed(1)} µs (×${(signOne / stringify).toFixed(0)}) | verify ${(verifyOne * 1000).toFixed(1)} µs (×${(verifyOne / stringify).toFixed(0)}) | verifying 10,000 received entries ≈ ${((verifyOne * 10_000) / 1000).toFixed(2)} s`,
  );
  goal(`sign + verify < 500 µs per entry (${((signOne + verifyOne) * 1000).toFixed(0)} µs)`, (signOne + verifyOne) * 1000 < 500);
}

// 3. Unlocking a passphrase key at default strength (what a copy pays once per session).
{
  const t0 = performance.now();
  const made = await createSyncKeyFromPassphrase('bench-project', 'a long shared newsroom passphrase');
  const ms = performance.now() - t0;
  lines.push(`scrypt N=2^${Math.log2(DEFAULT_SCRYPT.N)}, r=${DEFAULT_SCRYPT.r}, p=${DEFAULT_SCRYPT.p}: ${ms.toFixed(0)} ms to derive the key (${made.keyRef})`);
  goal(`passphrase unlock < 3 s (${(ms / 1000).toFixed(2)} s)`, ms < 3000);
}

// 4. One change's round trip.
async function roundTrip(a: SyncTransport, b: SyncTransport, runs: number): Promise<number> {
  let cursor = (await b.pull(null)).cursor;
  return timeAsync(async () => {
    const batch = encryptBatch(key, { id: newBatchId('aaaa'), device: 'aaaa', entries: [realisticEntry()] });
    const pushed = await a.push([batch]);
    if (pushed.stored.length !== 1) throw new Error(`push failed: ${pushed.error?.message}`);
    const page = await b.pull(cursor);
    cursor = page.cursor;
    const got = page.batches.find((x) => x.id === batch.id);
    if (!got) throw new Error('round trip lost the batch');
    decryptBatch(key, got);
  }, runs);
}

const server = await startPouchServer();
const dir = await mkdtemp(join(tmpdir(), 'sync-bench-'));
try {
  const url = `${server.url}/bench`;
  const couchTrip = await roundTrip(createCouchTransport({ url }), createCouchTransport({ url }), 60);
  const bareGet = await timeAsync(async () => (await fetch(`${server.url}/`)).text(), 60);
  lines.push(`one change over loopback to pouchdb-server: ${couchTrip.toFixed(1)} ms (bare GET / ${bareGet.toFixed(2)} ms, ×${(couchTrip / bareGet).toFixed(1)})`);
  goal(`one change round trip to the server < 100 ms (${couchTrip.toFixed(1)} ms)`, couchTrip < 100);

  const folder = join(dir, 'share');
  await initSyncFolder(folder);
  const folderTrip = await roundTrip(createFolderTransport({ folder, deviceId: 'aaaa' }), createFolderTransport({ folder, deviceId: 'bbbb' }), 60);
  const probe = join(dir, 'probe.log');
  const line = JSON.stringify(encryptBatch(key, { id: 'p', device: 'p', entries: [realisticEntry()] })) + '\n';
  const bareFile = await timeAsync(async () => {
    const handle = await open(probe, 'a');
    await handle.writeFile(line);
    await handle.sync();
    await handle.close();
    await readFile(probe);
  }, 60);
  lines.push(`one change through a sync folder: ${folderTrip.toFixed(1)} ms (append + fsync + read of one line ${bareFile.toFixed(2)} ms, ×${(folderTrip / bareFile).toFixed(1)})`);
  goal(`one change round trip through a folder < 50 ms (${folderTrip.toFixed(1)} ms)`, folderTrip < 50);
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}

// 5. Merging 10,000 remote entries into a 2,000-claim project vs replaying them locally.
{
  const home = await mkdtemp(join(tmpdir(), 'sync-bench-merge-'));
  try {
    const words = Array.from({ length: 4200 }, (_, i) => `word${i}`);
    const paragraphs = Array.from({ length: 60 }, (_, p) => words.slice(p * 70, p * 70 + 70).join(' ') + '.');
    const base = projectWithClaims({ title: 'Bench', paragraphs, claims: 2000, levels: [null] });
    const [alice, bob] = [await loadOrCreateIdentity(join(home, 'alice')), await loadOrCreateIdentity(join(home, 'bob'))];
    const member = (who: typeof alice, name: string, role: 'owner' | 'editor') => ({ type: 'setMember' as const, member: { name, publicKey: who.publicKey, keyId: who.keyId, role } });
    // A shared project: Alice owns it, Bob is an editor; both copies start from here.
    const aliceStamper = new EntryStamper(alice);
    let shared: Project = base;
    for (const op of [member(alice, 'Alice', 'owner'), member(bob, 'Bob', 'editor')]) {
      const meta = aliceStamper.meta({ author: 'Alice', at: new Date().toISOString(), id: `m-${op.member.name}` });
      const made = commitChange(shared, { kind: 'do', op }, meta);
      shared = { ...made.project, history: [...made.project.history.slice(0, -1), aliceStamper.seal(made.entry)] };
    }
    // Bob's 10,000 signed edits, made on his copy.
    const bobStamper = new EntryStamper(bob);
    bobStamper.observe(shared);
    const ops: Operation[] = Array.from({ length: 10_000 }, (_, i) => ({ type: 'editClaim', claimId: `claim-${(i % 2000) + 1}`, changes: { statement: `Revised wording ${i}` } }));
    let bobCopy = shared;
    const bobEntries: HistoryEntry[] = [];
    for (const [i, op] of ops.entries()) {
      const made = commitChange(bobCopy, { kind: 'do', op }, bobStamper.meta({ author: 'Bob', at: new Date().toISOString(), id: `b-${i}` }));
      const sealed = bobStamper.seal(made.entry);
      bobEntries.push(sealed);
      bobCopy = { ...made.project, history: [] };
    }
    // Alice made one change of her own meanwhile.
    const mine = commitChange(shared, { kind: 'do', op: { type: 'editClaim', claimId: 'claim-1', changes: { claimant: 'The minister' } } }, aliceStamper.meta({ author: 'Alice', at: new Date().toISOString(), id: 'a-1' }));
    const aliceCopy: Project = { ...mine.project, history: [...mine.project.history.slice(0, -1), aliceStamper.seal(mine.entry)] };
    const received = bobEntries.map(wireEntry);

    // Seconds per run: one warm-up, the median of three.
    const runs = 3;
    const replay = await timeAsync(async () => {
      let state = shared;
      for (const op of ops) state = apply(state, op);
    }, runs, 1);
    const checkedOnce = (await checkIncoming(aliceCopy, received)).entries;
    if (checkedOnce.some((e) => e.unverified)) throw new Error('a signature did not verify');
    // A fresh project object per run: mergeEntries answers a repeated merge into the same object from its memo.
    const mergeCore = await timeAsync(async () => {
      const result = mergeEntries({ ...aliceCopy }, checkedOnce);
      if (result.added !== 10_000 || result.conflicts !== 0) throw new Error(`merge lost entries: ${result.added} added, ${result.conflicts} conflicts`);
    }, runs, 1);
    // Baseline in the same run: every signature checked on this thread, then the merge (the path before the pool).
    const inThread = await timeAsync(async () => {
      const verify = createSignatureVerifier();
      const ring = new Map((aliceCopy.members ?? []).map((m) => [m.keyId, m.publicKey]));
      const entries = bobEntries.map((e) => {
        const result = verify({ ...signedPart(e), signature: e.signature! }, ring.get(e.keyId!)!);
        return result.ok ? e : { ...e, unverified: result.message };
      });
      const result = mergeEntries({ ...aliceCopy }, entries);
      if (result.added !== 10_000 || result.conflicts !== 0) throw new Error(`merge lost entries: ${result.added} added, ${result.conflicts} conflicts`);
    }, runs, 1);
    const checksOnly = await timeAsync(async () => {
      if ((await checkIncoming(aliceCopy, received)).entries.some((e) => e.unverified)) throw new Error('a signature did not verify');
    }, runs, 1);
    const checkAndMerge = await timeAsync(async () => {
      const project = { ...aliceCopy };
      const { entries, merge } = await checkAndMergeIncoming(project, received);
      // What syncRound does next: the store's merge of the checked entries answers from the memo.
      const result = mergeEntries(project, entries);
      if (result !== merge || result.added !== 10_000 || result.conflicts !== 0) throw new Error(`merge lost entries: ${result.added} added, ${result.conflicts} conflicts`);
    }, runs, 1);
    await closeSignaturePool();
    lines.push(
      `10,000 remote entries into 2,000 claims: local replay (reducer) ${replay.toFixed(0)} ms | merge core ${mergeCore.toFixed(0)} ms (×${(mergeCore / replay).toFixed(1)})`,
      `  signature checks: in-thread then merge ${inThread.toFixed(0)} ms | checks alone on the pool (${availableParallelism()} cores) ${checksOnly.toFixed(0)} ms | checks on the pool while merging ${checkAndMerge.toFixed(0)} ms (×${(checkAndMerge / inThread).toFixed(2)} of in-thread)`,
    );
    goal(`merging 10,000 remote entries costs ≤ 4× replaying them locally (×${(mergeCore / replay).toFixed(1)})`, mergeCore / replay <= 4);
    goal(`receiving 10,000 entries (signature checks + merge) < 3 s (${(checkAndMerge / 1000).toFixed(2)} s; in-thread ${(inThread / 1000).toFixed(2)} s)`, checkAndMerge < 3000);

    // 6. Then the next rounds: Alice changes a claim and Bob's next 10 edits arrive, into the 10,000-entry
    // history and growing. Each merge resumes the replay of the one before (shared/sync/merge.ts) from
    // where the new entries sort; baseline: applying the same 10 operations locally. For contrast, the
    // same merge with no earlier replay at hand (the first after opening the project) replays it all.
    let long = mergeEntries(aliceCopy, checkedOnce).project;
    const applyTimes: number[] = [];
    const mergeTimes: number[] = [];
    let replayedNext = 0;
    let mergeNextCold = 0;
    let mergeNextOpened = 0;
    let prepareAfterOpen = 0;
    let replayedOpened = 0;
    for (let round = 0; round < 9; round++) {
      const local = commitChange(long, { kind: 'do', op: { type: 'editClaim', claimId: `claim-${round + 1}`, changes: { claimant: `Agency ${round}` } } }, aliceStamper.meta({ author: 'Alice', at: new Date().toISOString(), id: `a-next-${round}` }));
      long = { ...local.project, history: [...local.project.history.slice(0, -1), aliceStamper.seal(local.entry)] };
      const nextOps: Operation[] = Array.from({ length: 10 }, (_, i) => ({ type: 'editClaim', claimId: `claim-${round * 10 + i + 20}`, changes: { statement: `Round ${round}, edit ${i}` } }));
      const next: HistoryEntry[] = [];
      for (const [i, op] of nextOps.entries()) {
        const made = commitChange(bobCopy, { kind: 'do', op }, bobStamper.meta({ author: 'Bob', at: new Date().toISOString(), id: `b-next-${round}-${i}` }));
        next.push(bobStamper.seal(made.entry));
        bobCopy = { ...made.project, history: [] };
      }
      const nextChecked = (await checkIncoming(long, next.map(wireEntry))).entries;
      let t0 = performance.now();
      let state = long;
      for (const op of nextOps) state = apply(state, op);
      applyTimes.push(performance.now() - t0);
      if (round === 0) {
        // Another base object: no replay of an earlier merge is at hand, as right after opening.
        t0 = performance.now();
        if (mergeEntries({ ...long, syncBase: { ...long.syncBase } }, nextChecked).added !== 10) throw new Error('merge lost entries');
        mergeNextCold = performance.now() - t0;
        // As saved and opened again, with the replay built in the background after opening (as the workbench does).
        const reopened = JSON.parse(JSON.stringify(long)) as Project;
        t0 = performance.now();
        if (!(await prepareMergeInBackground(reopened, () => true).done)) throw new Error('no replay was prepared');
        prepareAfterOpen = performance.now() - t0;
        t0 = performance.now();
        const first = mergeEntries(reopened, nextChecked);
        mergeNextOpened = performance.now() - t0;
        if (first.added !== 10) throw new Error('merge lost entries');
        replayedOpened = first.replayed;
      }
      t0 = performance.now();
      const result = mergeEntries(long, nextChecked);
      mergeTimes.push(performance.now() - t0);
      if (result.added !== 10 || result.conflicts !== 0) throw new Error(`merge lost entries: ${result.added} added, ${result.conflicts} conflicts`);
      replayedNext = result.replayed;
      long = result.project;
    }
    const applyNext = median(applyTimes);
    const mergeNext = median(mergeTimes);
    lines.push(
      `10 new entries into a ${long.history.length.toLocaleString('en')}-entry history after a local change: applying them locally ${applyNext.toFixed(2)} ms | merge ${mergeNext.toFixed(2)} ms (${replayedNext} entries replayed, ×${(mergeNext / applyNext).toFixed(1)}) | the same with no earlier replay at hand ${mergeNextCold.toFixed(0)} ms (×${(mergeNextCold / applyNext).toFixed(0)})`,
    );
    goal(`merging 10 new entries into a 10,000-entry history costs ≤ 4× applying them locally (×${(mergeNext / applyNext).toFixed(1)})`, mergeNext / applyNext <= 4);
    lines.push(
      `first merge after reopening that project: ${mergeNextOpened.toFixed(2)} ms (${replayedOpened} entries replayed, ×${(mergeNextOpened / applyNext).toFixed(1)} of applying locally) with the replay prepared in the background after opening (${prepareAfterOpen.toFixed(0)} ms of background slices) | without it ${mergeNextCold.toFixed(0)} ms`,
    );
    goal(`the first merge after opening a 10,000-entry history costs ≤ 4× applying the entries locally, once the background preparation is done (×${(mergeNextOpened / applyNext).toFixed(1)})`, mergeNextOpened / applyNext <= 4);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

console.log('Sync bench');
for (const line of lines) console.log('  ' + line);
console.log('goals:');
for (const g of goals) console.log('  ' + g);
