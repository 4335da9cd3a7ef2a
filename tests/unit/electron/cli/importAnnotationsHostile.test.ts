/**
 * `factcheck import-annotations` with annotation files that claim to be ours but carry data the
 * project cannot hold: the project must still open afterwards, and what was not imported is said.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAnnotationsCommand } from '../../../../electron/cli/importAnnotationsCommand';
import { validateCommand } from '../../../../electron/cli/validateCommand';
import { importArticle } from '../../../../electron/services/intake/importArticle';
import { createEmptyProject, serializeProject } from '../../../../shared/projectFile';
import { captureIo } from './cliIo';

const TEXT = 'Strikes kill dozens\n\nAt least 75 people have been killed in the strikes, officials said on Tuesday.';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-import-hostile-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function projectFile(name: string): Promise<string> {
  const version = importArticle('strikes.txt', new TextEncoder().encode(TEXT), new Date('2026-01-02T00:00:00Z'));
  const project = { ...createEmptyProject({ id: 'p', title: 'Strikes', createdAt: '2026-01-02T00:00:00.000Z' }), articles: [{ ...version, id: 'a1', previousVersions: [] }] };
  const file = path.join(dir, `${name}.factcheck.json`);
  await fs.writeFile(file, serializeProject(project));
  return file;
}

/** One of our own W3C annotations (the `factcheck` key), with `claim` and `source` fields overridden. */
function ours(claim: Record<string, unknown>, source: Record<string, unknown> = {}, link: Record<string, unknown> = {}) {
  return {
    type: 'Annotation',
    target: { source: 'urn:x', selector: [{ type: 'TextQuoteSelector', exact: 'At least 75 people', prefix: '', suffix: '' }] },
    factcheck: {
      version: 1,
      claim: {
        id: 'c-hostile',
        statement: 'At least 75 people have been killed',
        claimant: 'Officials',
        state: 'draft',
        createdAt: '2026-01-02T00:00:00.000Z',
        createdBy: 'A',
        verdict: { levelId: null, levelLabel: null, conclusion: '' },
        ...claim,
      },
      sources: [
        {
          link: { id: 'l-hostile', stance: 'supports', excerpt: 'x', ...link },
          source: { id: 's-hostile', url: 'https://example.org', title: 'T', publisher: 'P', accessedAt: '2026-01-02', ...source },
        },
      ],
      withheldSources: 0,
    },
  };
}

const HOSTILE: [string, unknown][] = [
  ['a claim state that does not exist', ours({ state: 'published' })],
  ['a statement that is not text', ours({ statement: { html: '<b>x</b>' } })],
  ['no creation date', ours({ createdAt: undefined })],
  ['a source without a URL', ours({}, { url: undefined })],
  ['a stance that does not exist', ours({}, {}, { stance: 'agrees' })],
  ['a claim without an id', ours({ id: '' })],
];

describe('factcheck import-annotations with hostile annotation files', () => {
  it.each(HOSTILE)('%s: the project still opens afterwards, and the annotation is reported', async (name, annotation) => {
    const file = await projectFile(name.replace(/\W+/g, '-'));
    const annotations = path.join(dir, `${name.replace(/\W+/g, '-')}.jsonld`);
    await fs.writeFile(annotations, JSON.stringify(annotation));
    const run = captureIo();
    const code = await importAnnotationsCommand([file, annotations, '--author', 'Importer'], run.io);
    const check = captureIo();
    const valid = await validateCommand(file, check.io);
    expect(check.err.join('\n') || 'valid', 'the project opens after the import').toBe('valid');
    expect(valid).toBe(0);
    expect(code, 'nothing could be imported').toBe(1);
    expect(run.err.join('\n')).toMatch(/annotation 1/);
  });
});
