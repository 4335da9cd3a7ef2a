/**
 * Too many open files (EMFILE) while saving, injected where the durable write opens its temp file:
 * the save status says why in the user's words, the file on disk stays the last good one, and the
 * next save once files can be opened again writes every edit.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openProjectStore } from '../../../../electron/services/projectStore';
import { serializeProject } from '../../../../shared/projectFile';
import { doOp, emptyProject, meta, tempDir } from './helpers';

afterEach(() => vi.restoreAllMocks());

describe('a save when too many files are open', () => {
  it('says why, keeps the file as it was, and saves every edit on the next try', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'harbour.factcheck.json');
    await fs.writeFile(file, serializeProject(emptyProject()));
    const store = await openProjectStore(file, { debounceMs: 0, maxDelayMs: 0 });
    const before = await fs.readFile(file, 'utf8');

    const open = fs.open;
    vi.spyOn(fs, 'open').mockImplementation(((target: unknown, ...rest: unknown[]) =>
      typeof target === 'string' && target.startsWith(`${file}.`) && target.endsWith('.tmp')
        ? Promise.reject(Object.assign(new Error('EMFILE: injected'), { code: 'EMFILE' }))
        : (open as (...args: unknown[]) => Promise<unknown>).call(fs, target, ...rest)) as never);
    store.apply(0, [doOp({ type: 'renameProject', title: 'Written while no file could be opened' })], meta);
    const failed = await store.waitForSave(1);
    expect(failed).toMatchObject({ state: 'error', error: 'Could not save "harbour.factcheck.json": too many open files; close some programs and try again.' });
    expect(await fs.readFile(file, 'utf8')).toBe(before);

    vi.restoreAllMocks();
    store.apply(1, [doOp({ type: 'renameProject', title: 'Written once files could be opened' })], meta);
    expect(await store.waitForSave(2)).toEqual({ state: 'saved', savedSeq: 2 });
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { title: string; history: { op: { title?: string } }[] };
    expect(saved.title).toBe('Written once files could be opened');
    expect(saved.history.map((e) => e.op.title)).toEqual(['Written while no file could be opened', 'Written once files could be opened']);
    // No temp file is left; the file as it was before the first save is kept as the backup.
    expect((await fs.readdir(dir)).sort()).toEqual(['harbour.factcheck.json', 'harbour.factcheck.json.bak', 'harbour.factcheck.json.lock']);
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe(before);
    await store.close();
  });
});
