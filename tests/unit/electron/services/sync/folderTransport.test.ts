import { appendFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderTransport, initSyncFolder } from '../../../../../electron/services/sync/folderTransport';
import { decryptBatch, encryptBatch } from '../../../../../electron/services/sync/syncCipher';
import { makeBatches, pullAll, testKey } from './helpers';

let root: string;
let n = 0;
const key = testKey();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sync-folder-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function newFolder(): Promise<string> {
  const folder = join(root, `share-${++n}`);
  await initSyncFolder(folder);
  return folder;
}

describe('sync folder', () => {
  it('carries batches between devices; each device appends only its own log and pulls only the others', async () => {
    const folder = await newFolder();
    const a = createFolderTransport({ folder, deviceId: 'aaaa' });
    const b = createFolderTransport({ folder, deviceId: 'bbbb' });
    const pushA = await a.push(makeBatches(key, 'aaaa', 3));
    expect(pushA).toEqual({ stored: ['aaaa-b0', 'aaaa-b1', 'aaaa-b2'], alreadyStored: [], notSent: [] });
    await b.push(makeBatches(key, 'bbbb', 2));

    const atB = await b.pull(null);
    expect(atB.batches.map((x) => x.id)).toEqual(['aaaa-b0', 'aaaa-b1', 'aaaa-b2']);
    expect(decryptBatch(key, atB.batches[1]).entries.map((e) => e.id)).toEqual(['aaaa-e1-0']);
    expect(typeof atB.cursor).toBe('string');
    const atA = await a.pull(null);
    expect(atA.batches.map((x) => x.id)).toEqual(['bbbb-b0', 'bbbb-b1']);

    // From the cursor on only what is new arrives.
    expect((await b.pull(atB.cursor)).batches).toEqual([]);
    await a.push(makeBatches(key, 'aaaa', 1, 1, 3));
    expect((await b.pull(atB.cursor)).batches.map((x) => x.id)).toEqual(['aaaa-b3']);

    // One file per device, holding only that device's batches.
    expect((await readdir(join(folder, 'logs'))).sort()).toEqual(['aaaa.log', 'bbbb.log']);
    const aLines = (await readFile(join(folder, 'logs', 'aaaa.log'), 'utf8')).trim().split('\n');
    expect(aLines.map((l) => JSON.parse(l).device)).toEqual(['aaaa', 'aaaa', 'aaaa', 'aaaa']);
  });

  it('stores a batch pushed twice once and says it was already there', async () => {
    const folder = await newFolder();
    const [batch] = makeBatches(key, 'aaaa', 1);
    await createFolderTransport({ folder, deviceId: 'aaaa' }).push([batch!]);
    // A new instance (the app restarted) recognises it from the log.
    const again = await createFolderTransport({ folder, deviceId: 'aaaa' }).push([batch!, batch!]);
    expect(again).toEqual({ stored: [], alreadyStored: ['aaaa-b0'], notSent: [] });
    expect((await readFile(join(folder, 'logs', 'aaaa.log'), 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('leaves a half-written last line for later and delivers it once it is complete', async () => {
    const folder = await newFolder();
    const reader = createFolderTransport({ folder, deviceId: 'rrrr' });
    const [first, second] = makeBatches(key, 'cccc', 2);
    const line2 = JSON.stringify(second) + '\n';
    const log = join(folder, 'logs', 'cccc.log');
    // As a file sync or a USB copy might leave it: the second line cut in the middle.
    await writeFile(log, JSON.stringify(first) + '\n' + line2.slice(0, 40));
    const page = await reader.pull(null);
    expect(page.batches.map((b) => b.id)).toEqual(['cccc-b0']);
    expect(page.problems).toEqual([]);
    expect(page.more).toBe(false);
    await appendFile(log, line2.slice(40));
    const next = await reader.pull(page.cursor);
    expect(next.batches.map((b) => b.id)).toEqual(['cccc-b1']);
  });

  it('cuts its own half-written tail (a crash mid-append) before appending again', async () => {
    const folder = await newFolder();
    const log = join(folder, 'logs', 'aaaa.log');
    const [b0, b1, b2] = makeBatches(key, 'aaaa', 3);
    await writeFile(log, JSON.stringify(b0) + '\n' + JSON.stringify(b1).slice(0, 50));
    const writer = createFolderTransport({ folder, deviceId: 'aaaa' });
    expect((await writer.push([b1!, b2!])).stored).toEqual(['aaaa-b1', 'aaaa-b2']);
    const all = await pullAll(createFolderTransport({ folder, deviceId: 'zzzz' }));
    expect(all.batches.map((b) => b.id)).toEqual(['aaaa-b0', 'aaaa-b1', 'aaaa-b2']);
    expect(all.problems).toEqual([]);
  });

  it('skips a damaged complete line with a problem report and delivers the rest', async () => {
    const folder = await newFolder();
    const [b0, b1] = makeBatches(key, 'cccc', 2);
    await writeFile(join(folder, 'logs', 'cccc.log'), `${JSON.stringify(b0)}\n{"v":1,"id":"garbage"\n${JSON.stringify(b1)}\n`);
    const page = await createFolderTransport({ folder, deviceId: 'rrrr' }).pull(null);
    expect(page.batches.map((b) => b.id)).toEqual(['cccc-b0', 'cccc-b1']);
    expect(page.problems).toEqual([{ where: expect.stringContaining('logs/cccc.log at byte'), message: expect.stringMatching(/damaged line/) }]);
  });

  it('reads a log again from the start when it was replaced by a shorter one (merge drops the repeats)', async () => {
    const folder = await newFolder();
    const writer = createFolderTransport({ folder, deviceId: 'cccc' });
    const reader = createFolderTransport({ folder, deviceId: 'rrrr' });
    await writer.push(makeBatches(key, 'cccc', 3));
    const first = await reader.pull(null);
    const [b0] = makeBatches(key, 'cccc', 1);
    await writeFile(join(folder, 'logs', 'cccc.log'), JSON.stringify(b0) + '\n');
    expect((await reader.pull(first.cursor)).batches.map((b) => b.id)).toEqual(['cccc-b0']);
  });

  it('reports a missing folder clearly, sends nothing, and never creates it', async () => {
    const folder = join(root, 'unplugged-stick');
    const transport = createFolderTransport({ folder, deviceId: 'aaaa' });
    const result = await transport.push(makeBatches(key, 'aaaa', 2));
    expect(result.stored).toEqual([]);
    expect(result.notSent).toEqual(['aaaa-b0', 'aaaa-b1']);
    expect(result.error?.kind).toBe('folder-missing');
    expect(result.error?.message).toMatch(/sync folder .*unplugged-stick is not there \(is the drive or share connected\?\)/);
    await expect(transport.pull(null)).rejects.toMatchObject({ kind: 'folder-missing' });
    await expect(stat(folder)).rejects.toThrow();
  });

  it('counts nothing as sent when the write fails', async () => {
    const folder = await newFolder();
    // A folder where the log file should be: the append fails.
    await mkdir(join(folder, 'logs', 'aaaa.log'));
    const result = await createFolderTransport({ folder, deviceId: 'aaaa' }).push(makeBatches(key, 'aaaa', 2));
    expect(result).toMatchObject({ stored: [], alreadyStored: [], notSent: ['aaaa-b0', 'aaaa-b1'], error: { kind: 'io' } });
  });

  it('keeps the first sync key description offered; later offers get that one', async () => {
    const folder = await newFolder();
    const a = createFolderTransport({ folder, deviceId: 'aaaa' });
    const b = createFolderTransport({ folder, deviceId: 'bbbb' });
    expect(await a.readKeyDescriptor()).toBeNull();
    const [fromA, fromB] = await Promise.all([a.offerKeyDescriptor({ who: 'a' }), b.offerKeyDescriptor({ who: 'b' })]);
    expect(fromA).toEqual(fromB);
    expect(await b.readKeyDescriptor()).toEqual(fromA);
  });

  it('stores encrypted attachments once under their remote name', async () => {
    const folder = await newFolder();
    const t = createFolderTransport({ folder, deviceId: 'aaaa' });
    const name = 'ab'.repeat(32);
    expect(await t.hasAttachment(name)).toBe(false);
    expect(await t.getAttachment(name)).toBeNull();
    await t.putAttachment(name, Buffer.from('blob-1'));
    await t.putAttachment(name, Buffer.from('blob-1'));
    expect(await t.hasAttachment(name)).toBe(true);
    expect((await createFolderTransport({ folder, deviceId: 'bbbb' }).getAttachment(name))?.toString()).toBe('blob-1');
    await expect(t.putAttachment('../escape', Buffer.from('x'))).rejects.toThrow(/not a remote attachment name/);
  });

  it('moves 10,000 entries in 100 batches, pulled in bounded slices', async () => {
    const folder = await newFolder();
    const batches = makeBatches(key, 'aaaa', 100, 100);
    const push = await createFolderTransport({ folder, deviceId: 'aaaa' }).push(batches);
    expect(push.stored).toHaveLength(100);
    const reader = createFolderTransport({ folder, deviceId: 'bbbb', maxBytesPerPull: 256 * 1024 });
    const all = await pullAll(reader);
    expect(all.rounds).toBeGreaterThan(3);
    const ids = all.batches.flatMap((b) => decryptBatch(key, b).entries.map((e) => e.id));
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
  });

  it('takes only plain, well-formed device ids', () => {
    expect(() => createFolderTransport({ folder: root, deviceId: '../x' })).toThrow(/invalid device id/);
    expect(() => encryptBatch(key, { id: 'x', device: 'a/b', entries: [] })).toThrow(/invalid device id/);
  });
});
