/** `factcheck extract <file> [--json]`. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCommand } from '../../../../electron/cli/extractCommand';
import { makeDocx } from '../../../fixtures/intake/makeFixtures';
import { run } from './cliIo';

async function extract(args: string[]) {
  const { code, out, err } = await run(extractCommand, ...args);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function tempFile(name: string, data: Uint8Array | string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fcw-extract-'));
  const file = path.join(dir, name);
  await fs.writeFile(file, data);
  return file;
}

describe('factcheck extract', () => {
  it('prints the canonical text', async () => {
    const file = await tempFile('story.html', '<html><head><title>T</title></head><body><h2>Heading</h2><p>First paragraph.</p><p>Second one.</p></body></html>');
    const result = await extract([file]);
    expect(result.code).toBe(0);
    expect(result.out).toBe('Heading\n\nFirst paragraph.\n\nSecond one.');
  });

  it('prints metadata, blocks and text as JSON', async () => {
    const file = await tempFile('release.docx', await makeDocx());
    const result = await extract([file, '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json.metadata).toMatchObject({ title: 'Ministry announces water plan', fileName: 'release.docx' });
    expect(json.blocks[0]).toEqual({ type: 'heading', text: 'Ministry announces water plan', level: 1 });
    expect(json.text.startsWith('Ministry announces water plan\n\n')).toBe(true);
  });

  it('fails with exit 1 and one clear message', async () => {
    const missing = await extract([path.join(os.tmpdir(), 'no-such-file.html')]);
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toMatch(/no-such-file\.html: file not found/);
    const bad = await extract([await tempFile('x.docx', 'not a zip')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Cannot import "x\.docx": it is not a Word document/);
    expect((await extract([])).code).toBe(2);
  });
});
