/**
 * The team commands end to end in one process: two people (two data folders, two key pairs), two
 * copies of one project, edits made through the workbench (so they are stamped and signed), then
 * merge by hand, sync through a folder and through a real pouchdb-server on 127.0.0.1.
 */
import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membersCommand, mergeCommand, syncCommand } from '../../../../electron/cli/teamCommands';
import { openProjectStore } from '../../../../electron/services/projectStore';
import { loadOrCreateIdentity } from '../../../../electron/services/sync/identity';
import { EntryStamper } from '../../../../electron/services/sync/stamper';
import type { Project } from '../../../../shared/operations';
import { serializeProject } from '../../../../shared/projectFile';
import { expectNoClearText } from '../../../support/clearText';
import { run } from './cliIo';
import { edit, person, pouchServerForBlock, read, twoCopies } from './teamHelpers';

let dir: string;

const claim = (p: Project, id: string) => p.claims.find((c) => c.id === id)!;

/** An approval signed with the checker's own key, written straight into the file (the app would refuse it). */
async function forgeApproval(who: { dataDir: string; name: string }, file: string, claimId: string) {
  const stamper = new EntryStamper(await loadOrCreateIdentity(who.dataDir));
  const store = await openProjectStore(file);
  stamper.observe(store.project);
  store.apply(store.project.history.length, [
    {
      kind: 'do',
      // With a verdict, so that only the signer's role stands between it and the file (a claim is never approved without one).
      op: {
        type: 'batch',
        label: 'Approve',
        ops: [
          { type: 'setVerdict', claimId, levelId: store.project.ratingScale.levels[0]!.id },
          { type: 'changeState', claimId, state: 'approved', action: 'approve' },
        ],
      },
    },
  ], () =>
    stamper.meta({ author: who.name, at: new Date().toISOString(), id: `forged-${claimId}` }), undefined, (e) => stamper.seal(e));
  await store.close();
}

let alice: Awaited<ReturnType<typeof person>>;
let bob: Awaited<ReturnType<typeof person>>;
let passFile: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'team-cli-'));
  alice = await person(dir, 'Alice');
  bob = await person(dir, 'Bob');
  passFile = path.join(dir, 'pass.txt');
  await fs.writeFile(passFile, 'correct horse battery\n');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('factcheck merge and members', () => {
  it('merges a copy: new entries in, known ones counted, a forged approval refused and listed', async () => {
    const { a, b } = await twoCopies(dir, 'merge', alice, bob);
    await edit(bob, b, [{ type: 'editClaim', claimId: 'c1', changes: { statement: 'Bob’s wording' } }, { type: 'changeState', claimId: 'c1', state: 'readyForReview', action: 'submit' }]);
    await forgeApproval(bob, b, 'c2');
    await edit(alice, a, [{ type: 'editClaim', claimId: 'c3', changes: { statement: 'Alice’s wording' } }]);

    const merged = await run(mergeCommand, a, b, '--data-dir', alice.dataDir);
    expect(merged.code).toBe(0);
    expect(merged.last).toBe('merged: 3 new, 2 already present, 1 conflicts');
    const project = await read(a);
    expect(claim(project, 'c1')).toMatchObject({ statement: 'Bob’s wording', state: 'readyForReview' });
    expect(claim(project, 'c3').statement).toBe('Alice’s wording');
    expect(claim(project, 'c2').state).not.toBe('approved');
    expect(project.conflicts).toEqual([expect.objectContaining({ kind: 'rejected', entryId: 'forged-c2', author: 'Bob', reason: expect.stringMatching(/Approve needs an editor or owner/) })]);
    // Every new entry is stamped and signed.
    for (const entry of project.history) expect(entry).toMatchObject({ keyId: expect.any(String), hlc: expect.any(String), signature: expect.any(String) });

    // Merging again adds nothing; the editor-free copy B merging A gets the same state.
    expect((await run(mergeCommand, a, b, '--data-dir', alice.dataDir)).last).toBe('merged: 0 new, 5 already present, 1 conflicts');
    expect((await run(mergeCommand, b, a, '--data-dir', bob.dataDir)).last).toBe('merged: 1 new, 5 already present, 1 conflicts');
    const other = await read(b);
    expect(other.claims).toEqual(project.claims);
    expect(other.history.map((e) => e.id)).toEqual(project.history.map((e) => e.id));
  });

  it('refuses a tampered entry: kept, not applied, reported as a bad signature', async () => {
    const { a, b } = await twoCopies(dir, 'tamper', alice, bob);
    await edit(bob, b, [{ type: 'editClaim', claimId: 'c1', changes: { statement: 'signed text' } }]);
    const copy = await read(b);
    const last = copy.history.at(-1)!;
    const forged = { ...copy, history: [...copy.history.slice(0, -1), { ...last, op: { type: 'editClaim' as const, claimId: 'c1', changes: { statement: 'changed in transit' } } }] };
    await fs.writeFile(b, serializeProject(forged));
    expect((await run(mergeCommand, a, b, '--data-dir', alice.dataDir)).last).toBe('merged: 1 new, 2 already present, 1 conflicts');
    const project = await read(a);
    expect(claim(project, 'c1').statement).toBe('at least 75 people');
    expect(project.history.at(-1)!.rejected).toMatch(/signature could not be verified/);
  });

  it('lets only an owner or editor add members, and checks usage', async () => {
    const { b } = await twoCopies(dir, 'members', alice, bob);
    const carol = await person(dir, 'Carol');
    const refused = await run(membersCommand, b, 'add', 'Carol', carol.publicKey, '--role', 'checker', '--data-dir', bob.dataDir);
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toMatch(/only an owner or editor may change the members, and Bob is a checker/);
    expect((await run(membersCommand, b, 'add', 'Carol', carol.publicKey, '--role', 'boss', '--data-dir', alice.dataDir)).code).toBe(2);
    expect((await run(membersCommand, b, 'add', 'Carol', 'ed25519:short', '--role', 'checker', '--data-dir', alice.dataDir)).code).toBe(2);
    const list = await run(membersCommand, b, '--data-dir', bob.dataDir);
    expect(list.out.map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual(['owner Alice', 'checker Bob']);
    expect((await run(mergeCommand, b, '--data-dir', bob.dataDir)).code).toBe(2);
    expect((await run(syncCommand, b, path.join(dir, 'nowhere'), '--data-dir', bob.dataDir)).code).toBe(2);
  });
});

describe('factcheck sync', () => {
  it('syncs two copies through a folder, encrypted, and reports a tampered batch with exit 1', async () => {
    const { a, b } = await twoCopies(dir, 'folder', alice, bob);
    const folder = path.join(dir, 'sync-folder');
    await fs.mkdir(folder);
    await edit(bob, b, [{ type: 'editClaim', claimId: 'c1', changes: { statement: 'Secret wording from Bob' } }]);
    await edit(alice, a, [{ type: 'editClaim', claimId: 'c3', changes: { statement: 'Secret wording from Alice' } }]);

    const first = await run(syncCommand, a, folder, '--passphrase-file', passFile, '--data-dir', alice.dataDir);
    expect(first).toMatchObject({ code: 0, last: 'pushed 3, pulled 0, conflicts 0' });
    const second = await run(syncCommand, b, folder, '--passphrase-file', passFile, '--data-dir', bob.dataDir);
    expect(second).toMatchObject({ code: 0, last: 'pushed 3, pulled 1, conflicts 0' });
    const third = await run(syncCommand, a, folder, '--passphrase-file', passFile, '--data-dir', alice.dataDir);
    expect(third).toMatchObject({ code: 0, last: 'pushed 0, pulled 1, conflicts 0' });
    const [pa, pb] = [await read(a), await read(b)];
    expect(pa.claims).toEqual(pb.claims);
    expect(claim(pa, 'c1').statement).toBe('Secret wording from Bob');
    expect(claim(pb, 'c3').statement).toBe('Secret wording from Alice');

    // Nothing in the folder in clear text.
    const logs = path.join(folder, 'logs');
    const texts = await Promise.all((await fs.readdir(logs)).map((f) => fs.readFile(path.join(logs, f), 'utf8')));
    for (const text of texts) expectNoClearText(text, ['Secret wording', 'Bob', 'Alice', 'at least 75 people']);

    // A tampered batch from Bob: reported (exit 1), the rest of his log still applies.
    await edit(bob, b, [{ type: 'editClaim', claimId: 'c2', changes: { statement: 'first' } }]);
    expect((await run(syncCommand, b, folder, '--passphrase-file', passFile, '--data-dir', bob.dataDir)).code).toBe(0);
    await edit(bob, b, [{ type: 'editClaim', claimId: 'c2', changes: { statement: 'second' } }]);
    expect((await run(syncCommand, b, folder, '--passphrase-file', passFile, '--data-dir', bob.dataDir)).code).toBe(0);
    const bobDevice = (await loadOrCreateIdentity(bob.dataDir)).deviceId;
    const bobLog = path.join(logs, `${bobDevice}.log`);
    const lines = (await fs.readFile(bobLog, 'utf8')).trimEnd().split('\n');
    const envelope = JSON.parse(lines[lines.length - 2]!) as { data: string };
    envelope.data = envelope.data.slice(0, 10) + (envelope.data[10] === 'A' ? 'B' : 'A') + envelope.data.slice(11);
    lines[lines.length - 2] = JSON.stringify(envelope);
    await fs.writeFile(bobLog, lines.join('\n') + '\n');
    const tampered = await run(syncCommand, a, folder, '--passphrase-file', passFile, '--data-dir', alice.dataDir);
    expect(tampered.code).toBe(1);
    expect(tampered.err.join('\n')).toMatch(/altered or damaged/);
    // "second" was written over "first", which never arrived: the two are kept as a conflict.
    expect(tampered.last).toBe('pushed 0, pulled 1, conflicts 1');
    expect(claim(await read(a), 'c2').statement).toBe('second');

    // A wrong passphrase is named as such.
    const wrong = path.join(dir, 'wrong.txt');
    await fs.writeFile(wrong, 'not the passphrase');
    const refused = await run(syncCommand, a, folder, '--passphrase-file', wrong, '--data-dir', alice.dataDir);
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toMatch(/Wrong passphrase/);
  }, 60_000);

  describe('through a CouchDB server', () => {
    const server = pouchServerForBlock();

    it('pushes, pulls and merges through _bulk_docs and _changes; the server holds no clear text', async () => {
      const { a, b } = await twoCopies(dir, 'couch', alice, bob);
      await edit(bob, b, [{ type: 'changeState', claimId: 'c1', state: 'readyForReview', action: 'submit' }]);
      await edit(alice, a, [{ type: 'editClaim', claimId: 'c2', changes: { statement: 'Words only Alice wrote' } }]);
      const url = `${server().url}/newsroom`;
      expect((await run(syncCommand, a, url, '--passphrase-file', passFile, '--data-dir', alice.dataDir)).last).toBe('pushed 3, pulled 0, conflicts 0');
      expect((await run(syncCommand, b, url, '--passphrase-file', passFile, '--data-dir', bob.dataDir)).last).toBe('pushed 3, pulled 1, conflicts 0');
      expect((await run(syncCommand, a, url, '--passphrase-file', passFile, '--data-dir', alice.dataDir)).last).toBe('pushed 0, pulled 1, conflicts 0');
      const [pa, pb] = [await read(a), await read(b)];
      expect(claim(pa, 'c1').state).toBe('readyForReview');
      expect(claim(pb, 'c2').statement).toBe('Words only Alice wrote');
      expect(pa.history.map((e) => e.id)).toEqual(pb.history.map((e) => e.id));
      const stored = JSON.stringify(await server().allDocuments('newsroom'));
      expectNoClearText(stored, ['Words only Alice wrote', 'Alice', 'Bob', 'at least 75 people']);
    }, 60_000);
  });
});
