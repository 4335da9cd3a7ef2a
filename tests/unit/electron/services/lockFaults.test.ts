/**
 * A project lock the disk will not let us write or remove, through injected file-system errors
 * (we run as root, so permissions cannot make a folder unwritable): opening and Save as refuse with
 * the reason and leave nothing behind; closing still keeps every edit.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openProjectStore } from '../../../../electron/services/projectStore';
import { lockPathFor } from '../../../../electron/services/projectLock';
import { serializeProject } from '../../../../shared/projectFile';
import { doOp, emptyProject, exists, meta, tempDir } from './helpers';

afterEach(() => vi.restoreAllMocks());

const fault = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** Makes `fs.<name>` fail with `code` for paths that `match`, and work for every other path. */
function refuse(name: 'link' | 'writeFile' | 'rm', match: (file: string) => boolean, code: string) {
  const original = fs[name] as (...args: unknown[]) => Promise<unknown>;
  return vi.spyOn(fs, name).mockImplementation(((file: unknown, ...rest: unknown[]) =>
    typeof file === 'string' && match(file) ? Promise.reject(fault(code)) : original.call(fs, file, ...rest)) as never);
}

async function projectFile(dir: string): Promise<{ file: string; text: string }> {
  const file = path.join(dir, 'harbour.factcheck.json');
  const text = serializeProject(emptyProject());
  await fs.writeFile(file, text);
  return { file, text };
}

describe('a lock that cannot be written', () => {
  it.each<[string, 'link' | 'writeFile', string, string]>([
    ['its folder refuses the lock', 'link', 'EACCES', 'permission denied.'],
    ['the lock’s first write fails', 'writeFile', 'EROFS', 'the disk is read-only.'],
    ['too many files are open', 'writeFile', 'EMFILE', 'too many open files; close some programs and try again.'],
  ])('opening refuses with the reason when %s (fs.%s fails with %s), and leaves the folder as it was', async (_case, call, code, reason) => {
    const dir = await tempDir();
    const { file, text } = await projectFile(dir);
    const lock = lockPathFor(file);
    refuse(call, (f) => f.startsWith(lock), code);
    await expect(openProjectStore(file)).rejects.toMatchObject({ code: 'io-error', message: `Cannot open "harbour.factcheck.json" for editing: ${reason}` });
    vi.restoreAllMocks();
    expect(await fs.readFile(file, 'utf8')).toBe(text);
    expect(await fs.readdir(dir)).toEqual(['harbour.factcheck.json']);
    // Once the disk lets it, the project opens.
    const store = await openProjectStore(file);
    expect(await exists(lock)).toBe(true);
    await store.close();
  });

  it('Save as whose lock is refused says why; the project stays at its path and keeps saving there', async () => {
    const dir = await tempDir();
    const { file } = await projectFile(dir);
    const store = await openProjectStore(file);
    store.apply(0, [doOp({ type: 'renameProject', title: 'Before Save as' })], meta);
    const copy = path.join(dir, 'copy.factcheck.json');
    refuse('link', (f) => f.startsWith(lockPathFor(copy)), 'EACCES');
    await expect(store.saveAs(copy)).rejects.toMatchObject({ code: 'io-error', message: 'Cannot save as "copy.factcheck.json": permission denied.' });
    vi.restoreAllMocks();
    expect(store.path).toBe(file);
    expect(await exists(copy)).toBe(false);
    expect((await fs.readdir(dir)).sort()).toEqual(['harbour.factcheck.json', 'harbour.factcheck.json.lock']);
    store.apply(1, [doOp({ type: 'renameProject', title: 'After the refused Save as' })], meta);
    expect(await store.waitForSave(2)).toEqual({ state: 'saved', savedSeq: 2 });
    expect(JSON.parse(await fs.readFile(file, 'utf8')).title).toBe('After the refused Save as');
    await store.close();
  });
});

describe('a lock that cannot be removed', () => {
  it('closing still saves every edit; the lock left behind is ours and does not stop the next open', async () => {
    const dir = await tempDir();
    const { file } = await projectFile(dir);
    const store = await openProjectStore(file);
    store.apply(0, [doOp({ type: 'renameProject', title: 'Saved before close' })], meta);
    refuse('rm', (f) => f === lockPathFor(file), 'EACCES');
    expect(await store.close()).toEqual({ state: 'saved', savedSeq: 1 });
    vi.restoreAllMocks();
    expect(JSON.parse(await fs.readFile(file, 'utf8')).title).toBe('Saved before close');
    expect(JSON.parse(await fs.readFile(lockPathFor(file), 'utf8')).pid).toBe(process.pid);
    const again = await openProjectStore(file);
    expect(again.project.title).toBe('Saved before close');
    await again.close();
    expect(await exists(lockPathFor(file))).toBe(false);
  });
});
