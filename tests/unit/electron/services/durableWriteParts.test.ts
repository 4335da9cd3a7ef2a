/** Text written in pieces lands in the file as the same UTF-8 bytes as the whole text, across batch boundaries. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeTempFile } from '../../../../electron/services/durableWrite';
import { tempDir } from './helpers';

describe('writeTempFile with text in pieces', () => {
  it('writes the UTF-8 of the joined pieces, with multi-byte letters at every batch edge and pieces larger than a batch', async () => {
    const dir = await tempDir();
    // Pieces of many sizes (some over a megabyte of UTF-8) made of ASCII, 2-, 3- and 4-byte characters.
    const piece = fc.tuple(fc.constantFrom('a', 'é', '€', '😀', '"\\n'), fc.constantFrom(1, 7, 4_000, 90_000, 400_000)).map(([text, times]) => text.repeat(times));
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 30 }), async (parts) => {
        const tmp = await writeTempFile(path.join(dir, 'parts.json'), parts);
        const written = await fs.readFile(tmp);
        await fs.rm(tmp);
        expect(written.equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
      }),
      { numRuns: 15 },
    );
  });
});
