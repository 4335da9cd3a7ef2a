/**
 * Neither the sync folder nor the server ever holds a claim, a source or a name in clear text:
 * everything written through both transports is searched for the words that went in.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCouchTransport } from '../../../../../electron/services/sync/couchTransport';
import { createFolderTransport, initSyncFolder } from '../../../../../electron/services/sync/folderTransport';
import { signEntry } from '../../../../../electron/services/sync/signatures';
import { attachmentRemoteName, decryptBatch, encryptAttachment, encryptBatch } from '../../../../../electron/services/sync/syncCipher';
import { createSyncKeyFromPassphrase, type SyncKey } from '../../../../../electron/services/sync/syncKey';
import type { SyncTransport } from '../../../../../electron/services/sync/transport';
import { startPouchServer, type PouchServer } from '../../../../support/pouchServer';

const CLAIM = 'The new Tagus bridge cost 4.2 billion euros to build';
const SOURCE_TITLE = 'Audit Office report on the Tagus crossing';
const SOURCE_URL = 'https://audit.example/tagus-crossing-2026';
const NAME = 'Marisol Quintero-Baptiste';
const NEEDLES = [CLAIM, SOURCE_TITLE, SOURCE_URL, NAME, 'Quintero', 'Tagus', 'billion euros', 'audit.example'];
const ATTACHMENT = Buffer.from(`%PDF-1.7\n${SOURCE_TITLE} (${SOURCE_URL})\nPrepared for ${NAME}. ${CLAIM}.`);

let dir: string;
let server: PouchServer;
let key: SyncKey;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sync-plaintext-'));
  server = await startPouchServer();
  key = await createSyncKeyFromPassphrase('p-plaintext', 'a long shared newsroom passphrase', { N: 2 ** 12, r: 8, p: 1 });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The needles found in `bytes`, case-insensitively, as UTF-8 or UTF-16. */
function findNeedles(bytes: Buffer): string[] {
  const asText = [bytes.toString('latin1').toLowerCase(), bytes.toString('utf16le').toLowerCase()];
  return NEEDLES.filter((needle) => {
    const utf8 = Buffer.from(needle, 'utf8').toString('latin1').toLowerCase();
    return asText.some((text) => text.includes(utf8) || text.includes(needle.toLowerCase()));
  });
}

async function filesUnder(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out;
}

function entries() {
  const { privateKey } = generateKeyPairSync('ed25519');
  return [
    { id: 'e1', author: NAME, op: { type: 'addClaim', statement: CLAIM, claimant: NAME } },
    { id: 'e2', author: NAME, op: { type: 'addSource', source: { title: SOURCE_TITLE, url: SOURCE_URL, publisher: 'Audit Office' } } },
    { id: 'e3', author: NAME, op: { type: 'addMember', name: NAME, role: 'checker' } },
  ].map((e) => signEntry(e, privateKey));
}

async function writeThrough(transport: SyncTransport, device: string): Promise<void> {
  await transport.offerKeyDescriptor(key.descriptor);
  const batch = encryptBatch(key, { id: `${device}-1`, device, entries: entries() });
  expect((await transport.push([batch])).stored).toEqual([`${device}-1`]);
  const sha = createHash('sha256').update(ATTACHMENT).digest('hex');
  await transport.putAttachment(attachmentRemoteName(key, sha), encryptAttachment(key, sha, ATTACHMENT));
}

describe('nothing readable leaves the machine', () => {
  it('the search finds the words when they are there (it is not blind)', () => {
    const plain = Buffer.from(JSON.stringify(entries()));
    expect(findNeedles(plain)).toEqual(NEEDLES);
    expect(findNeedles(Buffer.from(JSON.stringify(entries()), 'utf16le'))).toEqual(NEEDLES);
    expect(findNeedles(ATTACHMENT)).toEqual(NEEDLES);
  });

  it('the sync folder holds no claim, source or name in clear text', async () => {
    const folder = join(dir, 'share');
    await initSyncFolder(folder);
    await writeThrough(createFolderTransport({ folder, deviceId: 'aaaa' }), 'aaaa');
    const files = await filesUnder(folder);
    expect(files.length).toBe(3); // descriptor, log, attachment
    for (const file of files) expect({ file, found: findNeedles(await readFile(file)) }).toEqual({ file, found: [] });
    // …yet everything is there for a holder of the key.
    const pulled = await createFolderTransport({ folder, deviceId: 'bbbb' }).pull(null);
    expect(JSON.stringify(decryptBatch(key, pulled.batches[0]).entries)).toContain(CLAIM);
  });

  it('the server stores no claim, source or name in clear text (documents, attachments, its own files)', async () => {
    const url = `${server.url}/plaintext`;
    await writeThrough(createCouchTransport({ url }), 'cccc');
    const docs = await server.allDocuments('plaintext');
    expect(docs.length).toBe(3);
    const stored = Buffer.from(JSON.stringify(docs));
    expect(findNeedles(stored)).toEqual([]);
    for (const doc of docs as { _attachments?: Record<string, { data?: string }> }[]) {
      for (const attachment of Object.values(doc._attachments ?? {})) {
        expect(attachment.data).toBeTruthy();
        expect(findNeedles(Buffer.from(attachment.data!, 'base64'))).toEqual([]);
      }
    }
    for (const file of await filesUnder(server.workDir)) expect({ file, found: findNeedles(await readFile(file)) }).toEqual({ file, found: [] });
  });
});
