/** Shared fixtures for the services tests: temp folders, a small project, articles and claims. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Article, Claim } from '../../../../shared/model';
import type { Change, ChangeMeta, Project } from '../../../../shared/operations';
import { createEmptyProject, serializeProject } from '../../../../shared/projectFile';
import { pathExists } from '../../../../electron/services/durableWrite';
import { SAMPLE_FILE_NAME } from '../../../../electron/services/sampleProject';
import { importArticle } from '../../../../electron/services/intake/importArticle';
import { loadable } from '../../loadable';

const dirs: string[] = [];

/** A fresh temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fcw-services-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  while (dirs.length) {
    const dir = dirs.pop()!;
    await fs.rm(dir, { recursive: true, force: true });
  }
});

/** A temp data folder and a resources folder with a bundled sample project, as the app has them; `sampleText` is the sample's file. */
export async function withBundledSample(): Promise<{ dataDir: string; resourcesDir: string; sampleText: string }> {
  const root = await tempDir();
  const resourcesDir = path.join(root, 'resources');
  await fs.mkdir(path.join(resourcesDir, 'sample'), { recursive: true });
  const sampleText = serializeProject(emptyProject('Sample'));
  await fs.writeFile(path.join(resourcesDir, 'sample', SAMPLE_FILE_NAME), sampleText);
  return { dataDir: path.join(root, 'data'), resourcesDir, sampleText };
}

export function emptyProject(title = 'Test project', id = 'project-1'): Project {
  return loadable(createEmptyProject({ id, title, createdAt: '2026-01-02T03:04:05.000Z' }));
}

export const ARTICLE_TEXT =
  'Strikes kill dozens\n\nAt least 75 people have been killed in the strikes, officials said on Tuesday.\n\nThe carrier is the largest in the world.';

export function sampleArticle(id = 'article-1'): Article {
  const version = importArticle('strikes.txt', new TextEncoder().encode(ARTICLE_TEXT), new Date('2026-01-02T00:00:00Z'));
  return { ...version, id, previousVersions: [] };
}

export function sampleClaim(article: Article, id = 'claim-1'): Claim {
  const exact = 'At least 75 people';
  const start = article.text.indexOf(exact);
  return {
    id,
    articleId: article.id,
    target: {
      position: { start, end: start + exact.length },
      quote: { exact, prefix: article.text.slice(Math.max(0, start - 32), start), suffix: article.text.slice(start + exact.length, start + exact.length + 32) },
    },
    statement: 'At least 75 people have been killed in the strikes',
    claimant: 'Officials',
    verdict: { levelId: null, rationale: '', conclusion: '' },
    state: 'draft',
    createdAt: '2026-01-02T00:00:00.000Z',
    createdBy: 'tester',
  };
}

let counter = 0;
export function meta(): ChangeMeta {
  counter += 1;
  return { author: 'tester', at: new Date().toISOString(), id: `h-${counter}` };
}

export const doOp = (op: Extract<Change, { kind: 'do' }>['op']): Change => ({ kind: 'do', op });

/** True when something (even a dangling link) exists at `file`. */
export const exists = pathExists;
