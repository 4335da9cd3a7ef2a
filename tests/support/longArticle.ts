/**
 * Long plain-text articles for the windowed reader's tests and benches: generated paragraphs of
 * varied length (a deterministic pseudo-random walk over a small vocabulary), as a .txt file's
 * text or as a project file holding the article (blocks exactly as text intake makes them) and
 * claims spread over it, the last one near the end.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { blockStarts, countWords, joinBlocks } from '../../shared/articles/canonicalText';
import type { Claim } from '../../shared/model';
import { createEmptyProject, serializeProject } from '../../shared/projectFile';
import type { Project } from '../../shared/operations';
import { plainTextToBlocks } from '../../electron/services/intake/plainText';

const WORDS = (
  'the council said budget figures were revised after auditors found that spending on roads schools and hospitals ' +
  'rose faster than forecast while officials insisted revenue from taxes remained stable across every region and ' +
  'critics argued ministers had understated debt by several billion in statements to parliament during march'
).split(' ');

/** A paragraph's first words, unique per paragraph: "Paragraph 1234." */
export function paragraphLead(index: number): string {
  return `Paragraph ${index}.`;
}

/** The text of a .txt article of about `chars` characters: a title line, then paragraphs separated by blank lines. */
export function longArticleText(chars: number, title = 'A very long generated article'): string {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    // The high bits: an LCG's low bits repeat with a short period.
    return seed >> 16;
  };
  const parts: string[] = [title];
  let size = title.length;
  for (let i = 0; size < chars; i++) {
    const words = 40 + (next() % 140);
    const out: string[] = [paragraphLead(i)];
    for (let w = 0; w < words; w++) out.push(WORDS[next() % WORDS.length]!);
    const paragraph = `${out.join(' ')}.`;
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  return parts.join('\n\n');
}

export interface LongArticleProject {
  project: Project;
  /** Paragraph (block) index of each claim, in claim order. */
  claimBlocks: number[];
}

/** A project with one long article and `claims` claims on "Paragraph N." leads spread evenly, the last in the article's last paragraph. */
export function longArticleProject(chars: number, claims: number): LongArticleProject {
  const { title, blocks } = plainTextToBlocks(longArticleText(chars));
  const text = joinBlocks(blocks);
  const starts = blockStarts(blocks);
  const project = createEmptyProject({ id: 'long-article-project', title: 'Long article', createdAt: '2026-11-20T09:00:00.000Z' });
  project.articles.push({
    id: 'article-long',
    importedAt: '2026-11-20T09:00:00.000Z',
    format: 'text',
    metadata: { title, wordCount: countWords(text), fileName: 'long-article.txt' },
    blocks,
    text,
    textSha256: createHash('sha256').update(text).digest('hex'),
    previousVersions: [],
  });
  const claimBlocks: number[] = [];
  const out: Claim[] = [];
  for (let c = 0; c < claims; c++) {
    // Paragraph blocks start at 1 (block 0 is the title heading).
    const block = claims === 1 ? blocks.length - 1 : 1 + Math.round((c * (blocks.length - 2)) / (claims - 1));
    const lead = blocks[block]!.text.match(/^Paragraph \d+\./)![0];
    const start = starts[block]!;
    const end = start + lead.length;
    claimBlocks.push(block);
    out.push({
      id: `claim-long-${c}`,
      articleId: 'article-long',
      target: {
        position: { start, end },
        quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
      },
      statement: `Claim ${c}: ${lead}`,
      claimant: 'Speaker',
      verdict: { levelId: null, rationale: '', conclusion: '' },
      state: 'draft',
      createdAt: '2026-11-20T09:00:00.000Z',
      createdBy: 'generator',
    });
  }
  project.claims = out;
  return { project, claimBlocks };
}

export async function writeLongArticleProject(file: string, chars: number, claims: number): Promise<LongArticleProject> {
  const made = longArticleProject(chars, claims);
  await fs.writeFile(file, serializeProject(made.project));
  return made;
}
