import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableJsonFile, jsonCodec } from '../../../../electron/services/durableJsonFile';
import { tempDir } from './helpers';

interface Doc {
  n: number;
}
const codec = jsonCodec<Doc>((value) => {
  if (typeof (value as Doc)?.n !== 'number') throw new Error('not a Doc');
  return value as Doc;
});

describe('DurableJsonFile', () => {
  it('reads null for a missing file and round-trips what it writes, leaving no temp files', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'doc.json');
    const adapter = new DurableJsonFile<Doc>(file, codec);
    expect(await adapter.read()).toBeNull();
    await adapter.write({ n: 1 });
    expect(await new DurableJsonFile<Doc>(file, codec).read()).toEqual({ n: 1 });
    expect(await fs.readFile(file, 'utf8')).toBe('{\n  "n": 1\n}\n');
    expect(await fs.readdir(dir)).toEqual(['doc.json']);
  });

  it('keeps the previous good version as <file>.bak', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'doc.json');
    const adapter = new DurableJsonFile<Doc>(file, codec);
    await adapter.write({ n: 1 });
    await adapter.write({ n: 2 });
    expect(JSON.parse(await fs.readFile(`${file}.bak`, 'utf8'))).toEqual({ n: 1 });
    await adapter.write({ n: 3 });
    expect(JSON.parse(await fs.readFile(`${file}.bak`, 'utf8'))).toEqual({ n: 2 });
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ n: 3 });
    expect((await fs.readdir(dir)).sort()).toEqual(['doc.json', 'doc.json.bak']);
  });

  it('leaves no temp file when the backup already names the same file (a save whose last rename failed)', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'doc.json');
    const adapter = new DurableJsonFile<Doc>(file, codec);
    await adapter.write({ n: 1 });
    await adapter.write({ n: 2 });
    // As after a save that made the backup and then could not rename over the file: both names, one file.
    await fs.rm(`${file}.bak`);
    await fs.link(file, `${file}.bak`);
    await adapter.write({ n: 3 });
    expect(JSON.parse(await fs.readFile(`${file}.bak`, 'utf8'))).toEqual({ n: 2 });
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ n: 3 });
    expect((await fs.readdir(dir)).sort()).toEqual(['doc.json', 'doc.json.bak']);
  });

  it('writes a document given in pieces (several megabytes, multi-byte characters across the batches) exactly', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'doc.json');
    const words = Array.from({ length: 100_000 }, (_, i) => `"Zürich — ${i} € 😀"`);
    const parts = { ...codec, serializeParts: (doc: Doc) => ['{"n": ', String(doc.n), ', "w": [', ...words.flatMap((w, i) => (i ? [',', w] : [w])), ']}\n'] };
    const adapter = new DurableJsonFile<Doc>(file, parts);
    await adapter.write({ n: 5 });
    await adapter.write({ n: 6 });
    const written = await fs.readFile(file, 'utf8');
    expect(written).toBe(`{"n": 6, "w": [${words.join(',')}]}\n`);
    expect(Buffer.byteLength(written)).toBeGreaterThan(1 << 21);
    expect(JSON.parse(await fs.readFile(`${file}.bak`, 'utf8')).n).toBe(5);
  });

  it('backs up a file that was read successfully, but never a file that failed to parse', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'doc.json');
    await fs.writeFile(file, '{"n": 7}');
    const good = new DurableJsonFile<Doc>(file, codec);
    await good.read();
    await good.write({ n: 8 });
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe('{"n": 7}');

    await fs.writeFile(file, '{"n": tru');
    const bad = new DurableJsonFile<Doc>(file, codec);
    await expect(bad.read()).rejects.toThrow();
    await bad.write({ n: 9 });
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe('{"n": 7}');
  });

  it('removes its temp file when the rename fails', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'occupied');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'inside.txt'), 'x');
    const adapter = new DurableJsonFile<Doc>(target, codec);
    await expect(adapter.write({ n: 1 })).rejects.toThrow();
    expect(await fs.readdir(dir)).toEqual(['occupied']);
  });

  it('create() writes a new file and refuses to replace an existing one', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'doc.json');
    await new DurableJsonFile<Doc>(file, codec).create({ n: 1 });
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ n: 1 });
    await expect(new DurableJsonFile<Doc>(file, codec).create({ n: 2 })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ n: 1 });
    expect(await fs.readdir(dir)).toEqual(['doc.json']);
  });
});
