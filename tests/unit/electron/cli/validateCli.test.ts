import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyProject, serializeProject } from '../../../../shared/projectFile';
import { runFactcheck } from '../../../support/runProcess';

let dir: string;
let good: string;
let truncated: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'validate-cli-'));
  const text = serializeProject(createEmptyProject({ id: 'p-1', title: 'Budget speech', createdAt: '2026-01-02T03:04:05.000Z' }));
  good = join(dir, 'good.factcheck.json');
  truncated = join(dir, 'truncated.factcheck.json');
  await writeFile(good, text);
  await writeFile(truncated, text.slice(0, Math.floor(text.length / 2)));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe.concurrent('factcheck validate', () => {
  it('accepts a valid project: exit 0 with title and counts', async () => {
    const run = await runFactcheck(['validate', good]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(`valid: ${good} — Budget speech, 0 articles, 0 claims`);
  });

  it('rejects a truncated project: exit 1 naming the file and the problem', async () => {
    const run = await runFactcheck(['validate', truncated]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^invalid: ${truncated.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*JSON`, 'm'));
  });

  it('reports a missing file: exit 1', async () => {
    const run = await runFactcheck(['validate', join(dir, 'nope.factcheck.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('file not found');
  });

  it('prints usage for --help and fails on unknown commands', async () => {
    const help = await runFactcheck(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('serve [project]');
    expect(help.stdout).toContain('validate <file>');
    expect((await runFactcheck(['frobnicate'])).code).toBe(2);
  }, 70_000); // two CLI start-ups, each allowed 30 s on a loaded machine
});
