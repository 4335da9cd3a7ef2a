/**
 * Attachments and capture files travel with the history: merging a copy brings its files; a sync
 * folder and a CouchDB server carry them encrypted under a keyed name (HMAC with the project key),
 * so neither the text of a file nor its plain SHA-256 can be found there.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeCommand, syncCommand } from '../../../../electron/cli/teamCommands';
import { assetsDirFor } from '../../../../electron/services/attachments/attachmentStore';
import { storeAsset } from '../../../../electron/services/capture/captureStore';
import type { Capture } from '../../../../shared/model';
import { edit, filesUnder, inApp, person, pouchServerForBlock, read, twoCopies, type Person } from './teamHelpers';
import { run } from './cliIo';

const PDF_TEXT = 'Minutes of the harbour board, 12 March: dredging contract awarded to Quayline Marine';
const WARC_TEXT = 'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://harbour.example/minutes\r\n\r\nQuayline Marine dredging';
const NEEDLES = [PDF_TEXT, 'Quayline Marine', 'harbour board', 'harbour.example'];

let dir: string;
let alice: Person;
let bob: Person;
let passFile: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'team-files-'));
  alice = await person(dir, 'Alice');
  bob = await person(dir, 'Bob');
  passFile = path.join(dir, 'pass.txt');
  await fs.writeFile(passFile, 'correct horse battery\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Bob attaches a PDF to source s1 and adds a capture (a web archive) to s2, through the app's calls. */
async function bobAddsFiles(file: string): Promise<void> {
  await inApp(bob, file, async (workbench, project) => {
    const attachment = await workbench.storeAttachment({ fileName: 'minutes.pdf', dataBase64: Buffer.from(PDF_TEXT).toString('base64') });
    const warc = await storeAsset(file, 'warc', Buffer.from(WARC_TEXT));
    const capture: Capture = {
      id: 'cap1',
      requestedUrl: 'https://harbour.example/minutes',
      finalUrl: 'https://harbour.example/minutes',
      httpStatus: 200,
      contentType: 'text/html',
      capturedAt: '2026-11-27T10:00:00.000Z',
      tool: { name: 'test', version: '1', browser: 'none' },
      warc: { ...warc, records: 1 },
    };
    await workbench.applyChanges({
      projectId: project.id,
      baseSeq: project.history.length,
      changes: [
        { kind: 'do', op: { type: 'attachFile', sourceId: 's1', attachment } },
        { kind: 'do', op: { type: 'attachCapture', sourceId: 's2', capture } },
      ],
    });
  });
}

async function assetNames(projectFile: string): Promise<string[]> {
  return (await fs.readdir(assetsDirFor(projectFile)).catch(() => [] as string[])).sort();
}

const expectedAssets = [`${sha(PDF_TEXT)}.pdf`, `${sha(WARC_TEXT)}.warc`].sort();

/** What a search of stored bytes finds: the file texts and the plain SHA-256s. */
function findSecrets(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  const found = NEEDLES.filter((n) => text.includes(n));
  for (const hash of [sha(PDF_TEXT), sha(WARC_TEXT)]) {
    if (text.includes(hash) || text.includes(Buffer.from(hash, 'hex').toString('latin1')) || text.includes(Buffer.from(hash, 'hex').toString('base64'))) found.push(hash);
  }
  return found;
}

describe('files over merge and sync', () => {
  it('factcheck merge brings the copy’s attachments and capture files, checked against their hashes', async () => {
    const { a, b } = await twoCopies(dir, 'merge-files', alice, bob);
    await bobAddsFiles(b);
    expect(await assetNames(a)).toEqual([]);
    const merged = await run(mergeCommand, a, b, '--data-dir', alice.dataDir);
    expect(merged).toMatchObject({ code: 0, last: 'merged: 2 new, 2 already present, 0 conflicts' });
    expect(await assetNames(a)).toEqual(expectedAssets);
    expect(await fs.readFile(path.join(assetsDirFor(a), `${sha(PDF_TEXT)}.pdf`), 'utf8')).toBe(PDF_TEXT);
    const project = await read(a);
    expect(project.sources.find((s) => s.id === 's1')!.attachments).toEqual([expect.objectContaining({ name: 'minutes.pdf', sha256: sha(PDF_TEXT) })]);

    // A file damaged in the copy is not taken (and said so); the good one still is.
    const { a: a2, b: b2 } = await twoCopies(dir, 'merge-damaged', alice, bob);
    await bobAddsFiles(b2);
    await fs.writeFile(path.join(assetsDirFor(b2), `${sha(WARC_TEXT)}.warc`), 'something else');
    const damaged = await run(mergeCommand, a2, b2, '--data-dir', alice.dataDir);
    expect(damaged.code).toBe(0);
    expect(damaged.err.join('\n')).toMatch(/\.warc of the other copy is damaged/);
    expect(await assetNames(a2)).toEqual([`${sha(PDF_TEXT)}.pdf`]);
  });

  it('a sync folder carries the files encrypted under keyed names; neither their text nor their SHA-256 is there', async () => {
    const { a, b } = await twoCopies(dir, 'folder-files', alice, bob);
    const folder = path.join(dir, 'folder-files-sync');
    await fs.mkdir(folder);
    await bobAddsFiles(b);
    expect((await run(syncCommand, b, folder, '--passphrase-file', passFile, '--data-dir', bob.dataDir)).code).toBe(0);
    const stored = await fs.readdir(path.join(folder, 'attachments'));
    expect(stored).toHaveLength(2);
    for (const name of stored) {
      expect(name).toMatch(/^[0-9a-f]{64}$/);
      expect([sha(PDF_TEXT), sha(WARC_TEXT)]).not.toContain(name);
    }
    for (const file of await filesUnder(folder)) expect(findSecrets(await fs.readFile(file)), file).toEqual([]);

    const pulled = await run(syncCommand, a, folder, '--passphrase-file', passFile, '--data-dir', alice.dataDir);
    expect(pulled).toMatchObject({ code: 0, last: 'pushed 2, pulled 2, conflicts 0' });
    expect(await assetNames(a)).toEqual(expectedAssets);
    expect(await fs.readFile(path.join(assetsDirFor(a), `${sha(WARC_TEXT)}.warc`), 'utf8')).toBe(WARC_TEXT);

    // A file altered in the folder is refused by the next copy that needs it (exit 1), the rest arrives.
    const carolDir = path.join(dir, 'folder-files-carol.factcheck.json');
    await fs.copyFile(a, carolDir);
    await fs.rm(assetsDirFor(carolDir), { recursive: true, force: true });
    const victim = path.join(folder, 'attachments', stored[0]!);
    const bytes = await fs.readFile(victim);
    bytes[bytes.length - 20] ^= 0xff;
    await fs.writeFile(victim, bytes);
    const carol = await person(dir, 'Carol');
    const refused = await run(syncCommand, carolDir, folder, '--passphrase-file', passFile, '--data-dir', carol.dataDir);
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toMatch(/altered or damaged; it was not saved/);
    expect(await assetNames(carolDir)).toHaveLength(1);
  });

  describe('through a CouchDB server', () => {
    const server = pouchServerForBlock();

    it('carries the files as encrypted CouchDB attachments; the server holds neither their text nor their SHA-256', async () => {
      const { a, b } = await twoCopies(dir, 'couch-files', alice, bob);
      await bobAddsFiles(b);
      await edit(alice, a, [{ type: 'editClaim', claimId: 'c2', changes: { statement: 'grew by four percent' } }]);
      const url = `${server().url}/files`;
      expect((await run(syncCommand, b, url, '--passphrase-file', passFile, '--data-dir', bob.dataDir)).code).toBe(0);
      const synced = await run(syncCommand, a, url, '--passphrase-file', passFile, '--data-dir', alice.dataDir);
      expect(synced).toMatchObject({ code: 0, last: 'pushed 3, pulled 2, conflicts 0' });
      expect(await assetNames(a)).toEqual(expectedAssets);
      expect(await fs.readFile(path.join(assetsDirFor(a), `${sha(PDF_TEXT)}.pdf`), 'utf8')).toBe(PDF_TEXT);

      const docs = (await server().allDocuments('files')) as { _id: string; _attachments?: Record<string, { data: string }> }[];
      const attachmentDocs = docs.filter((d) => d._id.startsWith('attachment-'));
      expect(attachmentDocs).toHaveLength(2);
      for (const doc of attachmentDocs) expect([sha(PDF_TEXT), sha(WARC_TEXT)]).not.toContain(doc._id.slice('attachment-'.length));
      const everything = [Buffer.from(JSON.stringify(docs))];
      for (const doc of attachmentDocs) for (const part of Object.values(doc._attachments ?? {})) everything.push(Buffer.from(part.data, 'base64'));
      for (const file of await filesUnder(server().workDir)) everything.push(await fs.readFile(file));
      for (const bytes of everything) expect(findSecrets(bytes)).toEqual([]);
      // The search is not blind: the same files in the clear are found.
      expect(findSecrets(Buffer.from(PDF_TEXT + sha(WARC_TEXT)))).toEqual(['Minutes of the harbour board, 12 March: dredging contract awarded to Quayline Marine', 'Quayline Marine', 'harbour board', sha(WARC_TEXT)]);
    }, 60_000);
  });
});
