/**
 * The project store and the history's lines: the first save after opening writes the unchanged
 * entries as the file had them (not made again), an entry the loader had to change is written
 * anew, and a file with a damaged history line is refused at open and left as it was.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProjectStore } from '../../../../electron/services/projectStore';
import { sha256Hex } from '../../../../electron/services/intake/sha256';
import { commitChange } from '../../../../shared/history';
import { createEmptyProject, parseProjectFile, serializeProject } from '../../../../shared/projectFile';
import type { Project } from '../../../../shared/operations';
import { meta } from '../../shared/helpers';
import { tempDir } from './helpers';

function withHistory(titles: string[]): Project {
  const empty = createEmptyProject({ id: 'p1', title: 'Check', createdAt: '2026-11-25T09:00:00.000Z' });
  return titles.reduce((p, title) => commitChange(p, { kind: 'do', op: { type: 'renameProject', title } }, meta(p.history.length)).project, empty);
}

const lineOf = (text: string, needle: string) => text.split('\n').find((line) => line.includes(needle));

describe('the project store and the history’s lines', () => {
  it('writes the entries it opened as the file had them at the first save, and the file reopens as the project', async () => {
    const file = path.join(await tempDir(), 'lines.factcheck.json');
    // Valid JSON that JSON.stringify would write otherwise: an escaped letter, and a key the loader drops.
    const text = serializeProject(withHistory(['One', 'Two', 'Three']))
      .replace('"title":"Two"', '"title":"T\\u0077o"')
      .replace('"id":"h2",', '"id":"h2","note":"by hand",');
    await fs.writeFile(file, text);
    const store = await openProjectStore(file, { lock: false, debounceMs: 0, maxDelayMs: 0 });
    store.apply(3, [{ kind: 'do', op: { type: 'renameProject', title: 'Four' } }], () => meta(3));
    const status = await store.close();
    expect(status.state).toBe('saved');

    const saved = await fs.readFile(file, 'utf8');
    // Unchanged entries: their own text, byte for byte.
    expect(lineOf(saved, 'T\\u0077o')).toBe(lineOf(text, 'T\\u0077o'));
    expect(lineOf(saved, '"title":"One"')).toBe(lineOf(text, '"title":"One"'));
    // The entry the loader changed (a key dropped) is written as it is now.
    expect(saved).not.toContain('by hand');
    const reopened = parseProjectFile(saved, sha256Hex);
    expect(reopened.ok && reopened.project).toEqual(store.project);
    expect(reopened.ok && reopened.project.history.map((e) => (e.op as { title: string }).title)).toEqual(['One', 'Two', 'Three', 'Four']);
  });

  it('refuses a file with a damaged history line, names it, and never writes it', async () => {
    const file = path.join(await tempDir(), 'damaged.factcheck.json');
    const good = serializeProject(withHistory(['One', 'Two', 'Three']));
    for (const damaged of [
      good.replace('"title":"Two"}', '"title":"Two"'), // a cut line
      good.replace('"kind":"do","op":{"type":"renameProject","title":"Two"}', '"kind":"do","op":{"type":"formatDisk"}'), // not an operation
      good.replace(/"seq":1,/, '"seq":"1",'), // a wrong type
    ]) {
      expect(damaged).not.toBe(good);
      await fs.writeFile(file, damaged);
      await expect(openProjectStore(file, { lock: false })).rejects.toMatchObject({ code: 'invalid-project', message: expect.stringContaining('damaged.factcheck.json') });
      expect(await fs.readFile(file, 'utf8')).toBe(damaged);
    }
  });
});
