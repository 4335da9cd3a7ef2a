import { describe, expect, it } from 'vitest';
import { commitChange } from '../../../shared/history';
import { createEmptyProject, parseProjectFile, serializeProject } from '../../../shared/projectFile';
import { splitHistoryLines } from '../../../shared/projectFileLines';
import type { Project } from '../../../shared/operations';
import { sha256Hex } from '../../../electron/services/intake/sha256';
import { meta } from './helpers';

function withHistory(titles: string[]): Project {
  const empty = createEmptyProject({ id: 'p1', title: 'Check', createdAt: '2026-11-25T09:00:00.000Z' });
  return titles.reduce((p, title) => commitChange(p, { kind: 'do', op: { type: 'renameProject', title } }, meta(p.history.length)).project, empty);
}

describe('reading the history of a project file line by line', () => {
  it('finds each entry’s text and the rest of the file, which together are the file', () => {
    const project = withHistory(['One', 'Two', 'Three']);
    const text = serializeProject(project);
    const split = splitHistoryLines(text)!;
    expect(split.entries.map((line) => JSON.parse(line))).toEqual(project.history);
    expect(JSON.parse(split.rest)).toEqual({ ...project, history: [] });
  });

  it('reads a file in another layout whole, with the same result', () => {
    const project = withHistory(['One', 'Two']);
    for (const text of [JSON.stringify(project), JSON.stringify(project, null, 2), serializeProject(project).replace(/\n/g, '\r\n')]) {
      expect(splitHistoryLines(text)).toBeNull();
      expect(parseProjectFile(text, sha256Hex)).toEqual({ ok: true, project, repairs: [] });
    }
  });

  it('leaves a file that names "history" twice to JSON.parse of the whole text (the last one counts)', () => {
    const project = withHistory(['One', 'Two']);
    const text = serializeProject(project).replace('\n}\n', ',\n  "history": []\n}\n');
    expect(splitHistoryLines(text)).toBeNull();
    expect(parseProjectFile(text, sha256Hex)).toEqual({ ok: true, project: { ...project, history: [] }, repairs: [] });
  });

  it('rejects a file with a corrupt history line at open, in the words of the whole-file reading', () => {
    const project = withHistory(['One', 'Two', 'Three']);
    const text = serializeProject(project);
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.includes('"title":"Two"'));
    const cases = [
      lines.map((line, i) => (i === at ? line.slice(0, 40) : line)).join('\n'), // truncated line
      lines.map((line, i) => (i === at ? line.replace('"kind":"do"', '"kind":"again"') : line)).join('\n'), // valid JSON, bad entry
      lines.map((line, i) => (i === at ? line.replace('"seq":1', '"seq":7') : line)).join('\n'), // out of sequence
      lines.map((line, i) => (i === at ? line.replace('"type":"renameProject"', '"type":"formatDisk"') : line)).join('\n'),
    ];
    for (const damaged of cases) {
      const result = parseProjectFile(damaged, sha256Hex);
      expect(result.ok).toBe(false);
      let whole: unknown;
      try {
        whole = JSON.parse(damaged);
      } catch (err) {
        expect(result).toEqual({ ok: false, problem: `The file is not valid JSON (it may be truncated): ${(err as Error).message}` });
        continue;
      }
      expect(whole).toBeTruthy();
      expect(result.ok ? '' : result.problem).toMatch(/^The project file is damaged: history\[1\]/);
    }
  });

  it('keeps each entry’s text from the file when asked, only for entries read as they are', () => {
    const project = withHistory(['One', 'Two']);
    const text = serializeProject(project).replace('"title":"Two"}', '"title":"Two","extra":1}').replace('"author":"Tester"', '"author":"Tester","note":"hand-made"');
    const texts = new WeakMap<object, string>();
    const result = parseProjectFile(text, sha256Hex, texts);
    if (!result.ok) throw new Error(result.problem);
    const [first, second] = result.project.history;
    // The first entry had a key the schema strips: not its file text any more.
    expect(texts.has(first!)).toBe(false);
    expect(texts.get(second!)).toBe(text.split('\n').find((line) => line.includes('"title":"Two"'))!.trim());
    expect(JSON.parse(texts.get(second!)!)).toEqual(second);
  });
});
