import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { openProjectStore } from '../../../../electron/services/projectStore';
import type { Project } from '../../../../shared/operations';
import { parseProjectFile, serializeProject } from '../../../../shared/projectFile';
import { doOp, emptyProject, exists, meta, sampleArticle, sampleClaim, tempDir } from './helpers';

async function readProject(file: string): Promise<Project> {
  const parsed = parseProjectFile(await fs.readFile(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.project;
}

/** Wraps the adapter to count writes. */
function counting() {
  const counter = { writes: 0 };
  const wrapAdapter = (adapter: Adapter<Project>): Adapter<Project> => ({
    read: () => adapter.read(),
    write: async (data) => {
      counter.writes += 1;
      await adapter.write(data);
    },
  });
  return { counter, wrapAdapter };
}

describe('project store', () => {
  it('creates the file at once, saves changes, and reopens deep-equal', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'p.factcheck.json');
    const store = await openProjectStore(file, { create: emptyProject() });
    expect(await readProject(file)).toEqual(emptyProject());
    expect(store.status()).toEqual({ state: 'saved', savedSeq: 0 });

    const article = sampleArticle();
    const entries = store.apply(0, [doOp({ type: 'addArticle', article }), doOp({ type: 'addClaim', claim: sampleClaim(article) })], meta);
    expect(entries.map((e) => e.seq)).toEqual([0, 1]);
    expect(store.status().state).toBe('saving');
    const status = await store.waitForSave(2);
    expect(status).toEqual({ state: 'saved', savedSeq: 2 });
    const inMemory = store.project;
    await store.close();
    expect(await exists(`${file}.lock`)).toBe(false);

    const reopened = await openProjectStore(file);
    expect(reopened.project).toEqual(inMemory);
    expect(reopened.project.claims).toHaveLength(1);
    await reopened.close();
  });

  it('refuses a corrupt file with its name and the problem, and never touches it', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'broken.factcheck.json');
    const text = serializeProject(emptyProject());
    await fs.writeFile(file, text.slice(0, text.length / 2));
    const past = new Date('2020-01-01T00:00:00Z');
    await fs.utimes(file, past, past);
    const before = await fs.readFile(file);

    const error = await openProjectStore(file).catch((e) => e);
    expect(error).toMatchObject({ code: 'invalid-project' });
    expect(error.message).toContain('Cannot open "broken.factcheck.json":');
    expect(error.message).toMatch(/JSON|truncated/);

    expect(await fs.readFile(file)).toEqual(before);
    expect((await fs.stat(file)).mtime.getTime()).toBe(past.getTime());
    expect(await fs.readdir(dir)).toEqual(['broken.factcheck.json']);
  });

  it('refuses an empty file and another program\'s JSON', async () => {
    const dir = await tempDir();
    const empty = path.join(dir, 'empty.factcheck.json');
    await fs.writeFile(empty, '');
    await expect(openProjectStore(empty)).rejects.toMatchObject({ code: 'invalid-project', message: expect.stringContaining('empty.factcheck.json') });
    const other = path.join(dir, 'other.json');
    await fs.writeFile(other, '{"name": "package", "version": "1.0.0"}');
    await expect(openProjectStore(other)).rejects.toMatchObject({ code: 'invalid-project' });
    expect((await fs.readdir(dir)).sort()).toEqual(['empty.factcheck.json', 'other.json']);
  });

  it('reports a missing file as an io-error', async () => {
    const dir = await tempDir();
    await expect(openProjectStore(path.join(dir, 'nope.factcheck.json'))).rejects.toMatchObject({ code: 'io-error', message: expect.stringContaining('nope.factcheck.json') });
  });

  it('coalesces a burst of 200 edits into a handful of writes, ending with the final state on disk', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'burst.factcheck.json');
    const { counter, wrapAdapter } = counting();
    const store = await openProjectStore(file, { create: emptyProject(), wrapAdapter });
    const article = sampleArticle();
    store.apply(0, [doOp({ type: 'addArticle', article }), doOp({ type: 'addClaim', claim: sampleClaim(article) })], meta);
    for (let i = 0; i < 200; i++) {
      const seq = store.project.history.length;
      store.apply(seq, [doOp({ type: 'editClaim', claimId: 'claim-1', changes: { statement: `Statement ${i}` } })], meta);
    }
    const status = await store.waitForSave(store.project.history.length);
    expect(status).toEqual({ state: 'saved', savedSeq: 202 });
    expect(counter.writes).toBeGreaterThanOrEqual(1);
    expect(counter.writes).toBeLessThanOrEqual(3);
    expect(await readProject(file)).toEqual(store.project);
    expect(store.project.claims[0].statement).toBe('Statement 199');
    await store.close();
  });

  it('is never more than about a second behind under a steady stream of changes', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'stream.factcheck.json');
    const { counter, wrapAdapter } = counting();
    const store = await openProjectStore(file, { create: emptyProject(), wrapAdapter });
    const started = Date.now();
    // A change every 50 ms keeps pushing the 250 ms debounce; the 1 s cap must still write.
    while (Date.now() - started < 1400) {
      store.apply(store.project.history.length, [doOp({ type: 'renameProject', title: `T${Date.now()}` })], meta);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(counter.writes).toBeGreaterThanOrEqual(1);
    await store.close();
    expect((await readProject(file)).title).toBe(store.project.title);
  });

  it('applies the changes of one call all or none, and checks baseSeq', async () => {
    const dir = await tempDir();
    const store = await openProjectStore(path.join(dir, 'a.factcheck.json'), { create: emptyProject() });
    const article = sampleArticle();
    const error = (() => {
      try {
        store.apply(0, [doOp({ type: 'addArticle', article }), doOp({ type: 'editClaim', claimId: 'missing', changes: { statement: 'x' } })], meta);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: 'operation-failed' });
    expect(store.project).toEqual(emptyProject());
    expect(store.status().state).toBe('saved');

    expect(() => store.apply(3, [doOp({ type: 'renameProject', title: 'x' })], meta)).toThrow(expect.objectContaining({ code: 'out-of-sync' }));
    expect(() => store.apply(0, [{ kind: 'undo' }], meta)).toThrow(expect.objectContaining({ code: 'operation-failed' }));

    store.apply(0, [doOp({ type: 'addArticle', article }), { kind: 'undo' }, { kind: 'redo' }], meta);
    expect(store.project.articles).toHaveLength(1);
    expect(store.project.history.map((e) => e.kind)).toEqual(['do', 'undo', 'redo']);
    await store.close();
  });

  it('a second store on the same file is refused while the first is open', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.factcheck.json');
    const first = await openProjectStore(file, { create: emptyProject() });
    await expect(openProjectStore(file)).rejects.toMatchObject({ code: 'project-locked' });
    await first.close();
    const second = await openProjectStore(file);
    await second.close();
  });

  it('reports a failed write as an error, resolves waiters with it, and retries on flush', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.factcheck.json');
    let fail = true;
    const store = await openProjectStore(file, {
      create: emptyProject(),
      wrapAdapter: (adapter) => ({
        read: () => adapter.read(),
        write: async (data) => {
          if (fail) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          await adapter.write(data);
        },
      }),
    });
    store.apply(0, [doOp({ type: 'renameProject', title: 'Renamed' })], meta);
    const status = await store.waitForSave(1);
    expect(status.state).toBe('error');
    expect(status.savedSeq).toBe(0);
    expect(status.error).toContain('a.factcheck.json');
    expect(status.error).toContain('disk is full');
    expect(await store.waitForSave(1)).toMatchObject({ state: 'error' });
    await expect(store.close()).rejects.toMatchObject({ code: 'io-error' });

    fail = false;
    expect(await store.flush()).toEqual({ state: 'saved', savedSeq: 1 });
    expect((await readProject(file)).title).toBe('Renamed');
    await store.close();
  });

  it('saveAs writes a new file, continues there, and refuses to overwrite a different file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.factcheck.json');
    const store = await openProjectStore(file, { create: emptyProject() });
    store.apply(0, [doOp({ type: 'renameProject', title: 'Before save as' })], meta);

    const other = path.join(dir, 'other.txt');
    await fs.writeFile(other, 'not mine');
    await expect(store.saveAs(other)).rejects.toMatchObject({ code: 'io-error' });
    expect(await fs.readFile(other, 'utf8')).toBe('not mine');

    const copy = path.join(dir, 'b.factcheck.json');
    await store.saveAs(copy);
    expect(store.path).toBe(copy);
    expect(await exists(`${file}.lock`)).toBe(false);
    expect(await exists(`${copy}.lock`)).toBe(true);
    expect((await readProject(file)).title).toBe('Before save as');
    expect(await readProject(copy)).toEqual(store.project);

    store.apply(1, [doOp({ type: 'renameProject', title: 'After save as' })], meta);
    await store.waitForSave(2);
    expect((await readProject(copy)).title).toBe('After save as');
    expect((await readProject(file)).title).toBe('Before save as');
    await store.close();
    expect(await exists(`${copy}.lock`)).toBe(false);
  });

  it('never creates over an existing file', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.factcheck.json');
    await fs.writeFile(file, 'precious');
    await expect(openProjectStore(file, { create: emptyProject() })).rejects.toMatchObject({ code: 'io-error' });
    expect(await fs.readFile(file, 'utf8')).toBe('precious');
    expect(await fs.readdir(dir)).toEqual(['a.factcheck.json']);
  });
});
