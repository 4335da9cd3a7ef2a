/**
 * Builds large projects as plain project files (never through the app): N articles of generated
 * paragraphs, each with M claims spread over its text, and optionally a long history. Used by the
 * scale benches and the virtualization end-to-end tests.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { joinBlocks, blockStarts, countWords } from '../../shared/articles/canonicalText';
import type { Block, Claim } from '../../shared/model';
import type { HistoryEntry, Project } from '../../shared/operations';
import { createEmptyProject, serializeProject } from '../../shared/projectFile';

export interface LargeProjectShape {
  articles: number;
  claimsPerArticle: number;
  /** Paragraphs per article (default: enough for one claim per paragraph). */
  paragraphs?: number;
  /** Extra 'do' entries in the history (verdict edits of existing claims). */
  historyEntries?: number;
}

const AT = '2026-11-20T09:00:00.000Z';
const VERDICTS = ['true', 'mostly-false', 'false', null] as const;

export function paragraphText(article: number, i: number): string {
  return `Paragraph ${i} of article ${article}: officials said ${i * 7} boats were hit near the coast on Tuesday, and observers disputed the figures, saying the toll could be far higher than the ministry admitted.`;
}

export function generateLargeProject(shape: LargeProjectShape): Project {
  const project = createEmptyProject({ id: 'large-project', title: `Large project ${shape.articles} × ${shape.claimsPerArticle}`, createdAt: AT });
  const levels = new Set(project.ratingScale.levels.map((l) => l.id));
  const claims: Claim[] = [];
  for (let a = 0; a < shape.articles; a++) {
    const paragraphs = shape.paragraphs ?? Math.max(1, shape.claimsPerArticle);
    const blocks: Block[] = Array.from({ length: paragraphs }, (_, i) => ({ type: 'paragraph', text: paragraphText(a, i) }));
    const text = joinBlocks(blocks);
    const starts = blockStarts(blocks);
    const articleId = `article-${a}`;
    project.articles.push({
      id: articleId,
      importedAt: AT,
      format: 'text',
      metadata: { title: `Generated article ${a}`, wordCount: countWords(text), fileName: `article-${a}.txt` },
      blocks,
      text,
      textSha256: createHash('sha256').update(text).digest('hex'),
      previousVersions: [],
    });
    for (let c = 0; c < shape.claimsPerArticle; c++) {
      const block = Math.floor((c * paragraphs) / shape.claimsPerArticle);
      // "<n> boats were hit": a span inside the paragraph, distinct per claim.
      const within = blocks[block]!.text.indexOf('officials said');
      const start = starts[block]! + within;
      const end = start + 'officials said'.length + 1 + String(block * 7).length + ' boats'.length;
      const verdict = VERDICTS[c % VERDICTS.length]!;
      claims.push({
        id: `claim-${a}-${c}`,
        articleId,
        target: {
          position: { start, end },
          quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
        },
        statement: `Claim ${c} of article ${a}: ${text.slice(start, end)}`,
        claimant: `Speaker ${c % 7}`,
        verdict: { levelId: verdict && levels.has(verdict) ? verdict : null, rationale: '', conclusion: '' },
        state: 'draft',
        createdAt: AT,
        createdBy: 'generator',
      });
    }
  }
  project.claims = claims;
  project.history = generateHistory(claims, shape.historyEntries ?? 0);
  return project;
}

function generateHistory(claims: readonly Claim[], count: number): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (let seq = 0; seq < count && claims.length > 0; seq++) {
    const claim = claims[seq % claims.length]!;
    entries.push({
      seq,
      id: `h-${seq}`,
      at: AT,
      author: 'generator',
      kind: 'do',
      op: { type: 'editClaim', claimId: claim.id, changes: { claimant: `Speaker ${seq % 11}` } },
      inverse: { type: 'editClaim', claimId: claim.id, changes: { claimant: `Speaker ${(seq + 10) % 11}` } },
    });
  }
  return entries;
}

export async function writeLargeProject(file: string, shape: LargeProjectShape): Promise<Project> {
  const project = generateLargeProject(shape);
  await fs.writeFile(file, serializeProject(project));
  return project;
}
