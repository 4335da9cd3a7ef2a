/**
 * Generated project files for browser tests and benches: a plain-text article and N claims added
 * in one batch (one history entry, so one Undo removes them all and Redo brings them back). The
 * tests open these files through the app's Open project dialog, as a user would; nothing reaches
 * into the running renderer.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeRange } from '../../shared/anchoring';
import { countWords, joinBlocks } from '../../shared/articles/canonicalText';
import { commitChange } from '../../shared/history';
import type { Article, Block, Claim } from '../../shared/model';
import type { Project } from '../../shared/operations';
import { createEmptyProject, parseProjectFile, serializeProject } from '../../shared/projectFile';
import { sha256Hex } from '../../electron/services/intake/sha256';

const AT = '2026-11-25T10:00:00.000Z';

export interface GeneratedProjectOptions {
  title: string;
  paragraphs: readonly string[];
  /** How many claims, spread evenly over the article: non-overlapping spans of 1–4 words. */
  claims: number;
  /** Verdict level ids given in turn (null: no verdict). */
  levels?: readonly (string | null)[];
}

export function plainArticle(id: string, title: string, paragraphs: readonly string[]): Article {
  const blocks: Block[] = paragraphs.map((text) => ({ type: 'paragraph', text }));
  const text = joinBlocks(blocks);
  return {
    id,
    importedAt: AT,
    format: 'text',
    metadata: { title, wordCount: countWords(text), fileName: `${id}.txt` },
    blocks,
    text,
    textSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    previousVersions: [],
  };
}

/** Evenly spread, non-overlapping spans of 1–4 words, each within one paragraph. */
export function spreadSpans(text: string, count: number): { start: number; end: number }[] {
  const words = [...text.matchAll(/\S+/g)];
  const step = Math.floor(words.length / count);
  if (step < 1) throw new Error(`${count} claims do not fit in ${words.length} words`);
  return Array.from({ length: count }, (_, i) => {
    const first = words[i * step]!;
    let last = words[Math.min(words.length - 1, i * step + Math.min(step - 1, i % 4))]!;
    // Within one paragraph, as a claim marked in the reader is.
    if (text.slice(first.index!, last.index!).includes('\n')) last = first;
    return { start: first.index!, end: last.index! + last[0].length };
  });
}

/** A project whose article carries `claims` claims, all added by one batch in the history. */
export function projectWithClaims(options: GeneratedProjectOptions): Project {
  const levels = options.levels ?? ['true', 'false', null];
  const article = plainArticle('article-1', options.title, options.paragraphs);
  const base: Project = { ...createEmptyProject({ id: `generated-${options.claims}`, title: options.title, createdAt: AT }), articles: [article] };
  const claims: Claim[] = spreadSpans(article.text, options.claims).map((span, i) => ({
    id: `claim-${i + 1}`,
    articleId: article.id,
    target: describeRange(article.text, span.start, span.end),
    statement: article.text.slice(span.start, span.end),
    claimant: '',
    verdict: { levelId: levels[i % levels.length] ?? null, rationale: '', conclusion: '' },
    state: 'draft',
    createdAt: AT,
    createdBy: 'generator',
  }));
  const { project } = commitChange(
    base,
    { kind: 'do', op: { type: 'batch', label: `Add ${options.claims} claims`, ops: claims.map((claim) => ({ type: 'addClaim' as const, claim })) } },
    { id: 'generated-batch', at: AT, author: 'generator' },
  );
  return project;
}

/** Writes a project as `<dir>/<name>.factcheck.json` after checking that the loader accepts it; returns the path. */
export function writeProjectFile(dir: string, name: string, project: Project): string {
  const text = serializeProject(project);
  const parsed = parseProjectFile(text, sha256Hex);
  if (!parsed.ok) throw new Error(`The loader rejects the generated project: ${parsed.problem}`);
  const file = path.join(dir, `${name}.factcheck.json`);
  writeFileSync(file, text);
  return file;
}
