import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmptyProject, migrate, parseProjectFile, projectBaseName, serializeProject, serializeProjectParts } from '../../../shared/projectFile';
import { commitChange } from '../../../shared/history';
import { projectWith } from './operations/arbitraries';
import type { Change, Project } from '../../../shared/operations';
import { DEFAULT_RATING_SCALE } from '../../../shared/scales/defaultScale';
import { makeArticle, makeClaim, makeLink, makeSource, meta, sampleProject } from './helpers';
import { sha256Hex } from '../../../electron/services/intake/sha256';

function problemOf(text: string): string {
  const result = parseProjectFile(text, sha256Hex);
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
}

function built(): Project {
  const article = makeArticle('a1', 'Strikes', ['The strikes have killed at least 75 people.']);
  const changes: Change[] = [
    { kind: 'do', op: { type: 'addArticle', article } },
    { kind: 'do', op: { type: 'addClaim', claim: makeClaim('c1', article, 'at least 75 people') } },
    { kind: 'do', op: { type: 'setVerdict', claimId: 'c1', levelId: 'mostly-true', rationale: '**UN** figure' } },
    {
      kind: 'do',
      op: { type: 'batch', label: 'Add source', ops: [{ type: 'addSource', source: makeSource('s1') }, { type: 'linkSource', link: makeLink('l1', 'c1', 's1') }] },
    },
    { kind: 'undo' },
    { kind: 'redo' },
    { kind: 'do', op: { type: 'renameProject', title: 'Strikes check' } },
  ];
  const empty = createEmptyProject({ id: 'p1', title: 'Check', createdAt: '2026-11-25T09:00:00.000Z' });
  return changes.reduce((p, c) => commitChange(p, c, meta(p.history.length)).project, empty);
}

describe('projectBaseName', () => {
  it('names a project file without its ending, as the assets folder and the Save as suggestion use it', () => {
    expect(projectBaseName('claims.factcheck.json')).toBe('claims');
    expect(projectBaseName('Claims.FACTCHECK.JSON')).toBe('Claims');
    expect(projectBaseName('other.json')).toBe('other');
    expect(projectBaseName('notes.txt')).toBe('notes.txt');
  });
});

describe('createEmptyProject', () => {
  it('makes a valid project with the default scale', () => {
    const p = createEmptyProject({ id: 'p', title: 'T', createdAt: '2026-11-25T09:00:00.000Z' });
    expect(p).toMatchObject({ format: 'factcheck-workbench', schemaVersion: 1, articles: [], history: [] });
    expect(p.ratingScale).toEqual(DEFAULT_RATING_SCALE);
    expect(p.ratingScale).not.toBe(DEFAULT_RATING_SCALE);
  });
});

describe('serialize / parse', () => {
  it('round-trips a project built by operations', () => {
    const p = built();
    const text = serializeProject(p);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "format": "factcheck-workbench"');
    const result = parseProjectFile(text, sha256Hex);
    expect(result).toEqual({ ok: true, project: p, repairs: [] });
    expect(parseProjectFile('\ufeff' + text, sha256Hex).ok).toBe(true);
  });

  it('keeps publication details, a claim’s fact-check URL and corrections (typed in the schema), and loads files without them', () => {
    const changes: Change[] = [
      { kind: 'do', op: { type: 'setPublication', changes: { organisation: 'Northline Checks', publishedAt: 'https://checks.example.org/strikes' } } },
      { kind: 'do', op: { type: 'editClaim', claimId: 'c1', changes: { factCheckUrl: 'https://checks.example.org/strikes/c1' } } },
      { kind: 'do', op: { type: 'addCorrection', correction: { id: 'f1', claimId: 'c1', author: 'Bo Lindqvist', at: '2026-11-28T10:00:00.000Z', text: 'Toll updated.' } } },
    ];
    const p = changes.reduce((project, c) => commitChange(project, c, meta(project.history.length)).project, built());
    const result = parseProjectFile(serializeProject(p), sha256Hex);
    expect(result).toEqual({ ok: true, project: p, repairs: [] });
    if (!result.ok) return;
    expect(result.project.publication).toEqual({ organisation: 'Northline Checks', publishedAt: 'https://checks.example.org/strikes' });
    expect(result.project.claims[0]!.factCheckUrl).toBe('https://checks.example.org/strikes/c1');
    expect(result.project.corrections).toEqual([{ id: 'f1', claimId: 'c1', author: 'Bo Lindqvist', at: '2026-11-28T10:00:00.000Z', text: 'Toll updated.' }]);
    // A file written before these fields existed has none of them and still loads.
    const old = built();
    expect(old.publication).toBeUndefined();
    expect(parseProjectFile(serializeProject(old), sha256Hex).ok).toBe(true);
  });

  it('rejects an empty file', () => {
    expect(problemOf('')).toBe('The file is empty.');
    expect(problemOf('  \n')).toBe('The file is empty.');
  });

  it('rejects truncated JSON', () => {
    const text = serializeProject(built());
    expect(problemOf(text.slice(0, text.length / 2))).toMatch(/^The file is not valid JSON \(it may be truncated\): .+/);
  });

  it("rejects another program's JSON", () => {
    const expected = 'This is not a Factcheck Workbench project (no "format": "factcheck-workbench").';
    expect(problemOf('{"name":"x","version":"1.0","dependencies":{}}')).toBe(expected);
    expect(problemOf('[1,2,3]')).toBe(expected);
    expect(problemOf('"hello"')).toBe(expected);
    expect(problemOf('null')).toBe(expected);
    expect(problemOf('{"format":"other-app","schemaVersion":1}')).toBe(expected);
  });

  it('rejects a project from a newer version', () => {
    const raw = { ...JSON.parse(serializeProject(built())), schemaVersion: 2 };
    expect(problemOf(JSON.stringify(raw))).toBe(
      'This project was made by a newer version of the workbench (schemaVersion 2; this version reads 1). Update the workbench to open it.',
    );
  });

  it('rejects a version it has no migration for, and a missing version', () => {
    const raw = { ...JSON.parse(serializeProject(built())), schemaVersion: 0 };
    expect(problemOf(JSON.stringify(raw))).toMatch(/schemaVersion 0, which this version of the workbench cannot read/);
    const { schemaVersion: _omit, ...noVersion } = JSON.parse(serializeProject(built()));
    expect(problemOf(JSON.stringify(noVersion))).toMatch(/^The project file is damaged: schemaVersion: /);
  });

  it('passes the current version through migrate unchanged', () => {
    const raw = JSON.parse(serializeProject(built()));
    expect(migrate(raw)).toEqual({ ok: true, raw });
  });

  it('names the path of a schema error', () => {
    const raw = JSON.parse(serializeProject(built()));
    raw.claims[0].target.position.start = -1;
    expect(problemOf(JSON.stringify(raw))).toMatch(/^The project file is damaged: claims\[0\]\.target\.position\.start: .+/);
    const raw2 = JSON.parse(serializeProject(built()));
    delete raw2.articles;
    expect(problemOf(JSON.stringify(raw2))).toMatch(/^The project file is damaged: articles: /);
  });

  it('rejects a claim pointing at a missing article', () => {
    const raw = JSON.parse(serializeProject(built()));
    raw.claims[0].articleId = 'gone';
    expect(problemOf(JSON.stringify(raw))).toBe(
      'The project file is damaged: claims[0].articleId: claim "c1" refers to article "gone", which is not in the project',
    );
  });

  it('rejects other broken references', () => {
    const p = sampleProject();
    const check = (mutate: (raw: any) => void, pattern: RegExp) => {
      const raw = JSON.parse(serializeProject(p));
      mutate(raw);
      expect(problemOf(JSON.stringify(raw))).toMatch(pattern);
    };
    check((r) => (r.links[0].sourceId = 'nope'), /links\[0\]\.sourceId: .*source "nope"/);
    check((r) => (r.links[1].claimId = 'nope'), /links\[1\]\.claimId: .*claim "nope"/);
    check((r) => r.sources.push(r.sources[0]), /sources\[3\]\.id: the id "s1" is used twice/);
    // A verdict off the scale and a claim outside its text are repaired instead (projectFileRepairs.test.ts).
    check(
      (r) => {
        r.links[0].sourceId = 'x';
        r.links[1].sourceId = 'x';
        r.links[2].sourceId = 'x';
        r.links[3].sourceId = 'x';
      },
      /\(and 1 more problem\)$/,
    );
  });

  it('rejects an inconsistent history', () => {
    const raw = JSON.parse(serializeProject(built()));
    raw.history[1].seq = 7;
    expect(problemOf(JSON.stringify(raw))).toMatch(/history\[1\]\.seq: expected 1, found 7/);
    const raw2 = JSON.parse(serializeProject(built()));
    raw2.history[4].of = 0;
    expect(problemOf(JSON.stringify(raw2))).toMatch(/history\[4\]\.of: expected 3, found 0/);
    const raw3 = JSON.parse(serializeProject(built()));
    raw3.history[1].op = { type: 'fly' };
    expect(problemOf(JSON.stringify(raw3))).toMatch(/^The project file is damaged: history\[1\]\.op/);
  });

  it('opens a history whose stored operation is damaged inside, and refuses to undo that entry, naming the field', () => {
    const raw = JSON.parse(serializeProject(built()));
    // The last 'do' (rename) is the undo target; its inverse loses its title.
    raw.history[6].inverse = { type: 'renameProject', title: 42 };
    const opened = parseProjectFile(JSON.stringify(raw), sha256Hex);
    if (!opened.ok) throw new Error(opened.problem);
    expect(opened.project.history).toHaveLength(7);
    expect(() => commitChange(opened.project, { kind: 'undo' }, meta(7))).toThrow(/renameProject: title/);
  });
});

describe('serializeProject', () => {
  const same = (text: string, project: Project) => expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(project)));
  /** One top-level key per line, one item of each long list per line. */
  const lines = (text: string, project: Project) => {
    const keys = Object.keys(project).filter((key) => project[key as keyof Project] !== undefined);
    const items = ['history', 'articles', 'claims', 'sources', 'links', 'comments'].reduce((n, key) => n + ((project[key as keyof Project] as unknown[] | undefined)?.length ?? 0), 0);
    const closers = ['history', 'articles', 'claims', 'sources', 'links', 'comments'].filter((key) => ((project[key as keyof Project] as unknown[] | undefined)?.length ?? 0) > 0).length;
    expect(text.endsWith('\n}\n')).toBe(true);
    expect(text.split('\n').length).toBe(keys.length + items + closers + 3);
  };

  it('writes the project as JSON, one key and one list item per line, in parts or whole', () => {
    for (const project of [built(), createEmptyProject({ id: 'p0', title: 'Empty', createdAt: '2026-11-25T09:00:00.000Z' })]) {
      same(serializeProject(project), project);
      lines(serializeProject(project), project);
    }
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const project = projectWith(g);
        const text = [...serializeProjectParts(project, new WeakMap())].join('');
        same(text, project);
        lines(text, project);
        expect(text).toBe(serializeProject(project));
      }),
      { numRuns: 40 },
    );
  });

  it('makes long arrays inside an item in pieces that add up to the same JSON', () => {
    const project = built();
    const article = project.articles[0]!;
    const blocks = Array.from({ length: 300 }, (_, i) => ({ ...article.blocks[0]!, id: `b${i}` }));
    const long = { ...project, articles: [{ ...article, blocks, extra: undefined, nothing: [undefined, () => 1] }] } as unknown as Project;
    const parts = [...serializeProjectParts(long)];
    expect(parts.length).toBeGreaterThan(300);
    same(parts.join(''), long);
  });

  it('writes what changed after a save that kept the text of unchanged items', () => {
    const cache = new WeakMap<object, string>();
    let project = built();
    same([...serializeProjectParts(project, cache)].join(''), project);
    for (const change of [
      { kind: 'do', op: { type: 'setVerdict', claimId: 'c1', levelId: 'false', rationale: 'Changed' } },
      { kind: 'undo' },
      { kind: 'do', op: { type: 'editClaim', claimId: 'c1', changes: { claimant: 'Minister' } } },
    ] satisfies Change[]) {
      project = commitChange(project, change, meta(project.history.length)).project;
      const text = [...serializeProjectParts(project, cache)].join('');
      same(text, project);
      expect(text).toBe(serializeProject(project));
    }
  });

  it('still opens files written with 2-space indentation by earlier versions', () => {
    const project = built();
    const opened = parseProjectFile(`${JSON.stringify(project, null, 2)}\n`, sha256Hex);
    if (!opened.ok) throw new Error(opened.problem);
    expect(opened.project).toEqual(project);
  });
});
