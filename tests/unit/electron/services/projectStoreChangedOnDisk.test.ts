import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProjectStore } from '../../../../electron/services/projectStore';
import { parseProjectFile, serializeProject } from '../../../../shared/projectFile';
import { sha256Hex } from '../../../../electron/services/intake/sha256';
import { doOp, emptyProject, meta, sampleArticle, tempDir } from './helpers';

const articlesIn = async (file: string) => {
  const parsed = parseProjectFile(await fs.readFile(file, 'utf8'), sha256Hex);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.project.articles.map((a) => a.id);
};

describe('a project file another program deletes or replaces while it is open', () => {
  it('deleted: the save says so and writes nothing; Save as onto the same name writes every change back', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'gone.factcheck.json');
    const store = await openProjectStore(file, { create: emptyProject(), debounceMs: 0 });
    await fs.rm(file);
    const article = sampleArticle();
    store.apply(0, [doOp({ type: 'addArticle', article })], meta);
    const status = await store.waitForSave();
    expect(status.state).toBe('error');
    expect(status.error).toBe('Could not save "gone.factcheck.json": the file was deleted or moved by another program while it was open. Use Save as to keep your version.');
    await expect(fs.stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    // Retrying without the user's choice still refuses.
    expect((await store.flush()).state).toBe('error');
    await store.saveAs(file);
    expect(store.status()).toEqual({ state: 'saved', savedSeq: 1 });
    expect(await articlesIn(file)).toEqual([article.id]);
    await store.close();
  });

  it('replaced: the other file is left as it is and the change stays in memory until Save as', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'swapped.factcheck.json');
    const store = await openProjectStore(file, { create: emptyProject(), debounceMs: 0 });
    const other = serializeProject({ ...emptyProject(), id: 'another-project', title: 'Someone else’s' });
    await fs.writeFile(`${file}.new`, other);
    await fs.rename(`${file}.new`, file);
    const article = sampleArticle();
    store.apply(0, [doOp({ type: 'addArticle', article })], meta);
    const status = await store.waitForSave();
    expect(status.error).toBe(
      'Could not save "swapped.factcheck.json": another program replaced or changed the file while it was open; that file is left as it is. Use Save as to keep your version.',
    );
    expect(await fs.readFile(file, 'utf8')).toBe(other);
    expect(store.project.articles.map((a) => a.id)).toEqual([article.id]);
    // Save as onto it refuses (a different project), so the other file survives; another name keeps ours.
    await expect(store.saveAs(file)).rejects.toThrow('a different file with that name already exists');
    expect(await fs.readFile(file, 'utf8')).toBe(other);
    const copy = path.join(dir, 'mine.factcheck.json');
    await store.saveAs(copy);
    expect(await articlesIn(copy)).toEqual([article.id]);
    await store.close();
  });

  it('a file only this store writes is never taken for a changed one', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'mine.factcheck.json');
    const store = await openProjectStore(file, { create: emptyProject(), debounceMs: 0 });
    for (let i = 0; i < 5; i++) {
      store.apply(i, [doOp({ type: 'addArticle', article: sampleArticle(`article-${i}`) })], meta);
      expect((await store.waitForSave()).state).toBe('saved');
    }
    expect(await articlesIn(file)).toHaveLength(5);
    await store.close();
  });
});
