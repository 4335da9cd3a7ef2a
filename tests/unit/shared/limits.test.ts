/**
 * Size limits on free text: the contract, the operations, the reducer and the loader refuse the
 * same oversized fields, each with an error naming the field and its limit; an article's text
 * may be at least 20 MB.
 */
import { describe, expect, it } from 'vitest';
import { joinBlocks, countWords } from '../../../shared/articles/canonicalText';
import { parseArgs } from '../../../shared/api';
import { apply, type Operation } from '../../../shared/operations';
import { parseProjectFile, serializeProject } from '../../../shared/projectFile';
import { sampleProject } from './helpers';
import { sha256Hex } from '../../../electron/services/intake/sha256';

const MB = 1024 * 1024;
const huge = (n: number) => 'x'.repeat(n);

function sent(op: Operation) {
  return () => parseArgs('applyChanges', { projectId: 'p1', baseSeq: 0, changes: [{ kind: 'do', op }] });
}

function loadProblem(mutate: (raw: Record<string, any>) => void): string {
  const raw = JSON.parse(serializeProject(sampleProject()));
  mutate(raw);
  const parsed = parseProjectFile(JSON.stringify(raw), sha256Hex);
  return parsed.ok ? 'accepted' : parsed.problem;
}

describe('free-text limits', () => {
  it('refuses a 5 MB project title through the API, naming the field and the limit', () => {
    expect(sent({ type: 'renameProject', title: huge(5 * MB) })).toThrow(/title.*500 characters/);
    expect(() => parseArgs('createProject', { title: huge(5 * MB) })).toThrow(/title.*500 characters/);
  });

  it('refuses 100 MB of source notes through the API and in the reducer', () => {
    const op: Operation = { type: 'editSource', sourceId: 's1', changes: { notes: huge(100 * MB) } };
    expect(sent(op)).toThrow(/notes.*1,000,000 characters/);
    expect(() => apply(sampleProject(), op)).toThrow(/notes.*1,000,000 characters/);
  });

  it('refuses a project file with a 100 MB title or 100 MB of notes, naming the field and the limit', () => {
    expect(loadProblem((raw) => (raw.title = huge(100 * MB)))).toMatch(/^The project file is damaged: title: .*500 characters/);
    expect(loadProblem((raw) => (raw.sources[0].notes = huge(100 * MB)))).toMatch(/sources\[0\]\.notes: .*1,000,000 characters/);
  });

  it('takes an article of 20 MB of text through the API, the reducer and the loader', () => {
    const paragraph = 'The strikes have killed at least 75 people, officials said. '.repeat(1000);
    const blocks = Array.from({ length: Math.ceil((20 * MB) / paragraph.length) }, () => ({ type: 'paragraph' as const, text: paragraph }));
    const text = joinBlocks(blocks);
    expect(text.length).toBeGreaterThanOrEqual(20 * MB);
    const article = { id: 'big', importedAt: '2026-01-01T00:00:00.000Z', format: 'text' as const, metadata: { title: 'Big', wordCount: countWords(text) }, blocks, text, textSha256: '0'.repeat(64), previousVersions: [] };
    const op: Operation = { type: 'addArticle', article };
    expect(sent(op)).not.toThrow();
    const after = apply(sampleProject(), op);
    const reopened = parseProjectFile(serializeProject(after), sha256Hex);
    expect(reopened.ok ? 'accepted' : reopened.problem).toBe('accepted');
  });
});
