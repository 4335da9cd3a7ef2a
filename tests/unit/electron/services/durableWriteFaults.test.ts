import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileDurably } from '../../../../electron/services/durableWrite';
import { describeFsError } from '../../../../electron/services/fsErrors';

const CASES: Array<[string, string]> = [
  ['ENOSPC', 'the disk is full.'],
  ['EACCES', 'permission denied.'],
  ['EPERM', 'permission denied.'],
  ['EIO', 'the disk reported an input/output error.'],
  ['EROFS', 'the disk is read-only.'],
  ['EMFILE', 'too many open files; close some programs and try again.'],
];

afterEach(() => vi.restoreAllMocks());

describe('a durable write that the disk refuses', () => {
  for (const [code, message] of CASES) {
    for (const step of ['open', 'rename'] as const) {
      it(`${code} at ${step}: keeps the old file, leaves no temp file and says why`, async () => {
        const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fault-'));
        const file = path.join(dir, 'project.json');
        await fs.writeFile(file, 'old contents');
        vi.spyOn(fs, step).mockRejectedValueOnce(Object.assign(new Error(code), { code }));
        const err = await writeFileDurably(file, 'new contents').then(() => undefined, (e: unknown) => e);
        expect(err).toBeDefined();
        expect(describeFsError(err)).toBe(message);
        vi.restoreAllMocks();
        expect(await fs.readFile(file, 'utf8')).toBe('old contents');
        expect(await fs.readdir(dir)).toEqual(['project.json']);
        await fs.rm(dir, { recursive: true, force: true });
      });
    }
  }
});
