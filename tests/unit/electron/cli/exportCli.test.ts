/** `factcheck export` and `factcheck import-annotations`, called as the CLI calls them. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../../../electron/cli/exportCommand';
import { importAnnotationsCommand } from '../../../../electron/cli/importAnnotationsCommand';
import { findChromium } from '../../../../electron/services/interop/chromiumPdf';
import { importArticle } from '../../../../electron/services/intake/importArticle';
import type { Project } from '../../../../shared/operations';
import { createEmptyProject, parseProjectFile, serializeProject } from '../../../../shared/projectFile';
import { loadSample, REPO } from '../../shared/interop/helpers';
import { sharedFixture } from '../../testPaths';
import { captureIo } from './cliIo';
import { sha256Hex } from '../../../../electron/services/intake/sha256';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'factcheck-export-cli-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The verb's lines, and what it writes to standard output as a whole (an export to stdout). */
function capture() {
  let stdout = '';
  return { ...captureIo(), write: (t: string) => (stdout += t), stdout: () => stdout };
}

async function writeProject(name: string, project: Project): Promise<string> {
  const file = path.join(dir, `${name}.factcheck.json`);
  await fs.writeFile(file, serializeProject(project));
  return file;
}

async function readProject(file: string): Promise<Project> {
  const parsed = parseProjectFile(await fs.readFile(file, 'utf8'), sha256Hex);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.project;
}

const SAMPLE = path.join(REPO, 'resources', 'sample', 'sample.factcheck.json');

describe('factcheck export', () => {
  it('prints help and exits 0', async () => {
    const c = capture();
    expect(await exportCommand(['--help'], c.io, c.write)).toBe(0);
    expect(c.out.join('\n')).toContain('--format FORMAT');
  });

  it.each([
    [[SAMPLE], /--format is required/],
    [[SAMPLE, '--format', 'docx'], /unknown format "docx"/],
    [[SAMPLE, '--format', 'pdf'], /pdf export needs an output file: add -o/],
    [['--format', 'md'], /exactly one project file/],
    [[SAMPLE, '--format', 'md', '--bogus'], /bogus/],
  ])('usage errors exit 2 and say what to fix: %j', async (argv, message) => {
    const c = capture();
    expect(await exportCommand(argv as string[], c.io, c.write)).toBe(2);
    expect(c.err.join('\n')).toMatch(message);
  });

  it('an unreadable or invalid project exits 1 with the problem', async () => {
    const c = capture();
    expect(await exportCommand([path.join(dir, 'missing.json'), '--format', 'md'], c.io, c.write)).toBe(1);
    expect(c.err.join('\n')).toContain('file not found');
    const bad = path.join(dir, 'bad.factcheck.json');
    await fs.writeFile(bad, '{"format":"something-else"}');
    expect(await exportCommand([bad, '--format', 'md'], c.io, c.write)).toBe(1);
    expect(c.err.join('\n')).toContain('not a valid project file');
  });

  it('writes text formats to stdout, or to -o, with warnings on stderr', async () => {
    const c = capture();
    expect(await exportCommand([SAMPLE, '--format', 'claimreview'], c.io, c.write)).toBe(0);
    expect(JSON.parse(c.stdout())).toHaveLength(loadSample().claims.filter((x) => x.verdict.levelId).length);
    expect(c.err.join('\n')).toContain('have no fact-check URL, which Google requires: set “Published at” under Publication, or the claim’s Fact-check URL. (or pass --url)');
    const out = path.join(dir, 'nested', 'report.csv');
    expect(await exportCommand([SAMPLE, '-f', 'csv', '-o', out, '--bom', '--approved-only'], c.io, c.write)).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFnumber,')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + loadSample().claims.filter((x) => x.state === 'approved').length);
  });

  it('is registered in the factcheck command (exit codes through bin/factcheck.js)', () => {
    const bin = path.join(REPO, 'bin', 'factcheck.js');
    const ok = spawnSync(process.execPath, [bin, 'export', SAMPLE, '--format', 'html'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^<!DOCTYPE html>/);
    const usage = spawnSync(process.execPath, [bin, 'import-annotations'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('needs a project file and an annotation file');
  }, 60_000);

  it.skipIf(!findChromium())('prints the PDF with a local Chromium', async () => {
    const out = path.join(dir, 'report.pdf');
    const c = capture();
    expect(await exportCommand([SAMPLE, '--format', 'pdf', '-o', out], c.io, c.write)).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    let pdftoppm = false;
    try {
      execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
      pdftoppm = true;
    } catch {
      console.log('pdftoppm not found: page 1 not rendered to PNG');
    }
    if (pdftoppm) {
      execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', out, path.join(dir, 'page')]);
      const png = (await fs.readdir(dir)).find((n) => n.startsWith('page') && n.endsWith('.png'));
      expect(png).toBeDefined();
      expect(readFileSync(path.join(dir, png!)).subarray(1, 4).toString()).toBe('PNG');
    }
  }, 120_000);

  it('says clearly when no Chromium is found for PDF', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = path.join(dir, 'no-chromium-here');
    try {
      const c = capture();
      expect(await exportCommand([SAMPLE, '--format', 'pdf', '-o', path.join(dir, 'x.pdf')], c.io, c.write)).toBe(1);
      expect(c.err.join('\n')).toContain('PDF export needs Chromium or Google Chrome');
      expect(existsSync(path.join(dir, 'x.pdf'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});

describe('factcheck import-annotations', () => {
  it('export → import → export of our own annotations is identical, except that review steps are not imported', async () => {
    const sample = loadSample();
    const first = capture();
    expect(await exportCommand([SAMPLE, '--format', 'w3c'], first.io, first.write)).toBe(0);
    const annotations = path.join(dir, 'sample.annotations.jsonld');
    await fs.writeFile(annotations, first.stdout());
    const target = await writeProject('roundtrip', { ...sample, claims: [], sources: [], links: [], history: [] });
    const c = capture();
    expect(await importAnnotationsCommand([target, annotations], c.io)).toBe(0);
    const n = sample.claims.length;
    expect(c.out.join('\n')).toBe(`Anchored ${n} of ${n} annotations in "${sample.articles[0]!.metadata.title}"; 0 not anchored.`);
    const second = capture();
    expect(await exportCommand([target, '--format', 'w3c'], second.io, second.write)).toBe(0);
    // An approval or a request for changes is taken in this workbench: it comes back as work for review.
    const imported: Record<string, string> = { approved: 'readyForReview', changesRequested: 'researching' };
    const expected = JSON.parse(first.stdout(), (key, value: unknown) => (key === 'state' && typeof value === 'string' ? (imported[value] ?? value) : value));
    expect(first.stdout()).toContain('"state": "approved"');
    expect(JSON.parse(second.stdout())).toEqual(expected);
    // The import is one undoable step in the history.
    expect((await readProject(target)).history).toHaveLength(1);
  });

  it('anchors Recogito and Hypothesis annotations in the matching article and reports the count', async () => {
    const cases = [
      ['recogito/odyssey.html', 'recogito/annotations.w3c.json', 'Anchored 5 of 5'],
      ['hypothesis/wikipedia-regression-testing.html', 'hypothesis/wikipedia-regression-testing.json', 'Anchored 4 of 5'],
    ] as const;
    for (const [page, json, expected] of cases) {
      const version = importArticle(path.basename(page), new Uint8Array(readFileSync(sharedFixture('annotations', page))));
      const project = { ...createEmptyProject({ id: 'p', title: 'P', createdAt: '2026-03-14T00:00:00.000Z' }), articles: [{ ...version, id: 'a1', previousVersions: [] }] };
      const file = await writeProject(path.basename(page, '.html'), project);
      const c = capture();
      expect(await importAnnotationsCommand([file, sharedFixture('annotations', json)], c.io)).toBe(0);
      console.log(`${json}: ${c.out.join(' ')} ${c.err.join(' ')}`);
      expect(c.out.join('\n')).toContain(expected);
      const saved = await readProject(file);
      expect(saved.claims).toHaveLength(Number(expected.split(' ')[1]));
    }
  });

  it('fails with a message that says what to fix', async () => {
    const empty = await writeProject('empty', createEmptyProject({ id: 'e', title: 'E', createdAt: '2026-03-14T00:00:00.000Z' }));
    const recogito = sharedFixture('annotations', 'recogito', 'annotations.w3c.json');
    let c = capture();
    expect(await importAnnotationsCommand([empty, recogito], c.io)).toBe(1);
    expect(c.err.join('\n')).toContain('Add the annotated page to the project first');
    c = capture();
    const notJson = path.join(dir, 'notes.json');
    await fs.writeFile(notJson, 'hello');
    expect(await importAnnotationsCommand([empty, notJson], c.io)).toBe(1);
    expect(c.err.join('\n')).toContain('is not JSON');
    c = capture();
    expect(await importAnnotationsCommand([path.join(dir, 'nope.factcheck.json'), recogito], c.io)).toBe(1);
    c = capture();
    expect(await importAnnotationsCommand(['--help'], c.io)).toBe(0);
    expect(c.out.join('\n')).toContain('Hypothesis JSON');
  });
});
