/**
 * Faults of team sync, each handled without loss: the server going away mid-push, the sync folder
 * missing, a half-written last log line from another device, a clock a year ahead, two people with
 * the same name, 10,000 remote entries at once. A real pouchdb-server on 127.0.0.1 is started and
 * stopped here; every loop is bounded.
 */
import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membersCommand, mergeCommand, syncCommand } from '../../../../electron/cli/teamCommands';
import { openProjectStore } from '../../../../electron/services/projectStore';
import { createCouchTransport } from '../../../../electron/services/sync/couchTransport';
import { loadOrCreateIdentity } from '../../../../electron/services/sync/identity';
import { EntryStamper } from '../../../../electron/services/sync/stamper';
import { SyncStateFile, syncKeyFor, syncRound, SyncTransportError } from '../../../../electron/services/sync/teamSync';
import { newId } from '../../../../shared/ids';
import type { Operation } from '../../../../shared/operations';
import { startPouchServer, type PouchServer } from '../../../support/pouchServer';
import { edit, person, read, twoCopies, type Person } from './teamHelpers';
import { run } from './cliIo';

const YEAR_MS = 365 * 24 * 3600 * 1000;
let dir: string;
let alice: Person;
let bob: Person;
let passFile: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'team-faults-'));
  alice = await person(dir, 'Alice');
  bob = await person(dir, 'Bob');
  passFile = path.join(dir, 'pass.txt');
  await fs.writeFile(passFile, 'correct horse battery\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const sync = (who: Person, file: string, target: string) => run(syncCommand, file, target, '--passphrase-file', passFile, '--data-dir', who.dataDir);

/** `count` edits of one claim's statement, numbered, as one person makes them one after another. */
function edits(claimId: string, count: number, tag: string): Operation[] {
  return Array.from({ length: count }, (_, i) => ({ type: 'editClaim', claimId, changes: { statement: `${tag} ${i + 1}` } }) as Operation);
}

/** Many edits through the app, at most 1,000 per call (the contract's limit). */
async function manyEdits(who: Person, file: string, ops: Operation[]): Promise<void> {
  for (let i = 0; i < ops.length; i += 1000) await edit(who, file, ops.slice(i, i + 1000));
}

/** Entries signed by `who` with a device clock of their own (`now`), written into the file. */
async function editWithClock(who: Person, file: string, ops: Operation[], now: () => number): Promise<void> {
  const stamper = new EntryStamper(await loadOrCreateIdentity(who.dataDir), now);
  const store = await openProjectStore(file);
  try {
    stamper.observe(store.project);
    store.apply(store.project.history.length, ops.map((op) => ({ kind: 'do' as const, op })), () =>
      stamper.meta({ author: who.name, at: new Date(now()).toISOString(), id: newId('h') }), undefined, (e) => stamper.seal(e));
  } finally {
    await store.close();
  }
}

describe('the CouchDB server going away mid-push', () => {
  let server: PouchServer;
  beforeAll(async () => {
    // On disk, so what it acknowledged survives its restart.
    server = await startPouchServer({ inMemory: false });
  }, 40_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('counts as sent only what the server acknowledged; the next round completes, and the other copy gets every entry once', async () => {
    const { a, b } = await twoCopies(dir, 'midpush', alice, bob);
    await manyEdits(alice, a, edits('c1', 1400, 'Draft'));
    const url = `${server.url}/midpush`;
    const dataDir = alice.dataDir;

    // The server dies while the second batch is on the wire: it stored it, but the reply never comes back.
    let bulkRequests = 0;
    const dying: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/_bulk_docs') && ++bulkRequests === 2) {
        await fetch(input, init);
        await server.kill();
        throw new TypeError('fetch failed');
      }
      return fetch(input, init);
    };
    const store = await openProjectStore(a);
    const stamper = new EntryStamper(await loadOrCreateIdentity(dataDir));
    const state = SyncStateFile.forProject(dataDir, store.project.id);
    const transport = createCouchTransport({ url, fetch: dying, docsPerRequest: 1, retries: 0 });
    let failure: unknown;
    try {
      const key = await syncKeyFor(transport, store.project.id, 'correct horse battery', { N: 2 ** 12, r: 8, p: 1 });
      await syncRound({ store, stamper, transport, key, state }).catch((err: unknown) => (failure = err));
    } finally {
      await transport.close();
      await store.close();
    }
    // The pull after the push could not reach the server: the round says so, and keeps what it knows.
    expect(failure).toBeInstanceOf(SyncTransportError);
    expect((failure as SyncTransportError).kind).toBe('unreachable');
    const remembered = await state.read(url);
    expect(remembered.sent).toHaveLength(500);
    expect(bulkRequests).toBe(2);

    await server.restart();
    const completed = await sync(alice, a, url);
    expect(completed).toMatchObject({ code: 0, last: `pushed ${(await read(a)).history.length - 500}, pulled 0, conflicts 0` });
    expect((await sync(alice, a, url)).last).toBe('pushed 0, pulled 0, conflicts 0');

    const received = await sync(bob, b, url);
    expect(received.code).toBe(0);
    const [pa, pb] = [await read(a), await read(b)];
    expect(pb.history.map((e) => e.id)).toEqual(pa.history.map((e) => e.id));
    expect(pb.claims.find((c) => c.id === 'c1')!.statement).toBe('Draft 1400');
  }, 120_000);
});

describe('the sync folder', () => {
  it('missing (a drive not mounted): a clear error, nothing lost, nothing created; the next round sends everything', async () => {
    const { a, b } = await twoCopies(dir, 'nofolder', alice, bob);
    const folder = path.join(dir, 'usb-stick', 'newsroom');
    await edit(alice, a, [{ type: 'editClaim', claimId: 'c1', changes: { statement: 'written while the stick was out' } }]);
    const before = await fs.readFile(a, 'utf8');
    const missing = await sync(alice, a, folder);
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toMatch(/The sync folder .*usb-stick.newsroom is not there \(is the drive or share connected\?\)/);
    expect(await fs.readFile(a, 'utf8')).toBe(before);
    await expect(fs.stat(path.join(dir, 'usb-stick'))).rejects.toThrow(/ENOENT/);

    await fs.mkdir(folder, { recursive: true });
    expect((await sync(alice, a, folder)).last).toBe('pushed 3, pulled 0, conflicts 0');
    expect((await sync(bob, b, folder)).last).toBe('pushed 2, pulled 1, conflicts 0');
    expect((await read(b)).claims.find((c) => c.id === 'c1')!.statement).toBe('written while the stick was out');

    // The stick pulled out between rounds: the same clear error, Bob's new edit kept and sent later.
    await fs.rename(folder, `${folder}-away`);
    await edit(bob, b, [{ type: 'editClaim', claimId: 'c2', changes: { statement: 'kept for later' } }]);
    expect((await sync(bob, b, folder)).code).toBe(1);
    await fs.rename(`${folder}-away`, folder);
    expect((await sync(bob, b, folder)).last).toBe('pushed 1, pulled 0, conflicts 0');
    expect((await sync(alice, a, folder)).last).toBe('pushed 0, pulled 1, conflicts 0');
  }, 60_000);

  it('skips another device’s half-written last line until it is complete, then applies it: no loss', async () => {
    const { a, b } = await twoCopies(dir, 'halfline', alice, bob);
    const folder = path.join(dir, 'halfline-sync');
    await fs.mkdir(folder);
    await edit(bob, b, [{ type: 'editClaim', claimId: 'c1', changes: { statement: 'first line' } }]);
    expect((await sync(bob, b, folder)).code).toBe(0);
    await edit(bob, b, [{ type: 'editClaim', claimId: 'c2', changes: { statement: 'in the half-written line' } }]);
    expect((await sync(bob, b, folder)).code).toBe(0);

    // Syncthing has carried only part of Bob's last append so far.
    const bobLog = path.join(folder, 'logs', `${(await loadOrCreateIdentity(bob.dataDir)).deviceId}.log`);
    const full = await fs.readFile(bobLog);
    const lastLineStart = full.subarray(0, full.length - 1).lastIndexOf(0x0a) + 1;
    await fs.writeFile(bobLog, full.subarray(0, lastLineStart + Math.floor((full.length - lastLineStart) / 2)));

    const partial = await sync(alice, a, folder);
    expect(partial).toMatchObject({ code: 0, last: 'pushed 2, pulled 1, conflicts 0', err: [] });
    expect((await read(a)).claims.find((c) => c.id === 'c1')!.statement).toBe('first line');
    expect((await read(a)).claims.find((c) => c.id === 'c2')!.statement).toBe('grew by 4 percent');

    await fs.writeFile(bobLog, full);
    expect((await sync(alice, a, folder))).toMatchObject({ code: 0, last: 'pushed 0, pulled 1, conflicts 0' });
    const [pa, pb] = [await read(a), await read(b)];
    expect(pa.claims.find((c) => c.id === 'c2')!.statement).toBe('in the half-written line');
    expect(new Set(pa.history.map((e) => e.id))).toEqual(new Set(pb.history.map((e) => e.id)));
  }, 60_000);

  it('applies 10,000 remote entries at once: every one, in order, no loss, memory bounded', async () => {
    const { a, b } = await twoCopies(dir, 'tenk', alice, bob);
    const folder = path.join(dir, 'tenk-sync');
    await fs.mkdir(folder);
    await manyEdits(bob, b, edits('c1', 10_000, 'Revision'));
    expect((await sync(bob, b, folder)).last).toBe('pushed 10002, pulled 0, conflicts 0');
    await edit(alice, a, [{ type: 'editClaim', claimId: 'c3', changes: { statement: 'Alice meanwhile' } }]);

    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const received = await sync(alice, a, folder).finally(() => clearInterval(sampler));
    expect(received).toMatchObject({ code: 0, last: 'pushed 3, pulled 10000, conflicts 0' });
    // A few hundred bytes per entry at most (the project and its history are held twice during the replay).
    expect(peak - heapBefore).toBeLessThan(400 * 1024 * 1024);

    const project = await read(a);
    expect(project.history).toHaveLength(10_003);
    expect(project.claims.find((c) => c.id === 'c1')!.statement).toBe('Revision 10000');
    expect(project.claims.find((c) => c.id === 'c3')!.statement).toBe('Alice meanwhile');
    const statements = project.history.filter((e) => e.op.type === 'editClaim' && e.op.claimId === 'c1').map((e) => (e.op as { changes: { statement: string } }).changes.statement);
    expect(statements).toEqual(Array.from({ length: 10_000 }, (_, i) => `Revision ${i + 1}`));
  }, 240_000);
});

describe('people and clocks', () => {
  it('accepts an entry from a clock a year ahead as it is (never clamped) and orders later edits after it by the HLC', async () => {
    const { a, b } = await twoCopies(dir, 'clock', alice, bob);
    const ahead = () => Date.now() + YEAR_MS;
    await editWithClock(bob, b, [{ type: 'editClaim', claimId: 'c1', changes: { statement: 'from next year' } }], ahead);
    const bobEntry = (await read(b)).history.at(-1)!;
    expect(Number(bobEntry.hlc!.slice(0, 15))).toBeGreaterThan(Date.now() + YEAR_MS - 60_000);

    expect((await run(mergeCommand, a, b, '--data-dir', alice.dataDir)).last).toBe('merged: 1 new, 2 already present, 0 conflicts');
    let project = await read(a);
    const received = project.history.find((e) => e.id === bobEntry.id)!;
    expect(received.hlc).toBe(bobEntry.hlc);
    expect(received.rejected).toBeUndefined();
    expect(project.claims.find((c) => c.id === 'c1')!.statement).toBe('from next year');

    // Alice, on a correct clock, edits the same claim afterwards: her edit comes after Bob's, and wins.
    await edit(alice, a, [{ type: 'editClaim', claimId: 'c1', changes: { statement: 'Alice, today' } }]);
    project = await read(a);
    const mine = project.history.at(-1)!;
    expect(mine.hlc! > bobEntry.hlc!).toBe(true);
    expect(project.claims.find((c) => c.id === 'c1')!.statement).toBe('Alice, today');
    expect((await run(mergeCommand, b, a, '--data-dir', bob.dataDir)).last).toBe('merged: 1 new, 3 already present, 0 conflicts');
    expect((await read(b)).claims.find((c) => c.id === 'c1')!.statement).toBe('Alice, today');
  }, 60_000);

  it('tells two people with the same name apart by key id: each keeps their own role', async () => {
    const samEditor = await person(dir, 'Sam', 'home-sam-1');
    const samChecker = await person(dir, 'Sam', 'home-sam-2');
    const [editorKey, checkerKey] = [(await loadOrCreateIdentity(samEditor.dataDir)).keyId, (await loadOrCreateIdentity(samChecker.dataDir)).keyId];
    expect(editorKey).not.toBe(checkerKey);
    const { a, b } = await twoCopies(dir, 'samesame', alice, samChecker);
    expect((await run(membersCommand, a, 'add', 'Sam', samEditor.publicKey, '--role', 'editor', '--data-dir', alice.dataDir)).code).toBe(0);
    const listed = await run(membersCommand, a, '--data-dir', alice.dataDir);
    expect(listed.out).toEqual(expect.arrayContaining([`checker\tSam\t${checkerKey}`, `editor\tSam\t${editorKey}`]));
    expect(listed.out).toHaveLength(3);
    await fs.copyFile(a, b);
    const editorCopy = path.join(dir, 'samesame-editor.factcheck.json');
    await fs.copyFile(a, editorCopy);

    // Both submit-and-approve the same way; only the editor Sam's approval stands.
    const approve = (claimId: string): Operation[] => [
      { type: 'setVerdict', claimId, levelId: 'false' },
      { type: 'changeState', claimId, state: 'readyForReview', action: 'submit' },
    ];
    await edit(samChecker, b, approve('c1'));
    await editWithClock(samChecker, b, [{ type: 'changeState', claimId: 'c1', state: 'approved', action: 'approve' }], Date.now);
    await edit(samEditor, editorCopy, approve('c2'));
    await edit(samEditor, editorCopy, [{ type: 'changeState', claimId: 'c2', state: 'approved', action: 'approve' }]);

    expect((await run(mergeCommand, a, b, '--data-dir', alice.dataDir)).code).toBe(0);
    expect((await run(mergeCommand, a, editorCopy, '--data-dir', alice.dataDir)).code).toBe(0);
    const project = await read(a);
    expect(project.claims.find((c) => c.id === 'c1')!.state).toBe('readyForReview');
    expect(project.claims.find((c) => c.id === 'c2')!.state).toBe('approved');
    expect(project.conflicts).toEqual([expect.objectContaining({ kind: 'rejected', author: 'Sam', keyId: checkerKey })]);
    const approvals = project.history.filter((e) => e.op.type === 'changeState' && e.op.action === 'approve');
    expect(approvals.map((e) => [e.author, e.keyId, e.rejected === undefined])).toEqual(
      expect.arrayContaining([['Sam', editorKey, true], ['Sam', checkerKey, false]]),
    );
  }, 60_000);
});
