/**
 * Plain text (.txt) → blocks. Paragraphs are separated by blank lines; the lines of one paragraph
 * are soft wraps and are joined by a single space. The first line becomes the title; when it stands
 * alone (a short line followed by a blank line) it is kept as a heading block.
 */
import type { Block } from '../../../shared/model';

export interface TextStructure {
  title: string;
  blocks: Block[];
}

/** Longest first line still taken as a title. */
export const MAX_TITLE_LENGTH = 200;

/** CRLF and lone CR → LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * One line of running text: control characters become spaces, runs of spaces/tabs/line breaks
 * collapse to one space, and the ends are trimmed.
 */
export function cleanInline(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ')
    .replace(/[ \t\n]+/g, ' ')
    .trim();
}

export function plainTextToBlocks(text: string): TextStructure {
  const paragraphs = normalizeNewlines(text)
    .split(/\n[ \t\f\v]*\n/)
    .map((para) =>
      para
        .split('\n')
        .map((line) => cleanInline(line))
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);

  const blocks: Block[] = [];
  let title = '';
  paragraphs.forEach((lines, i) => {
    if (i === 0) {
      title = lines[0].length < MAX_TITLE_LENGTH ? lines[0] : '';
      if (title && lines.length === 1) {
        blocks.push({ type: 'heading', level: 1, text: lines[0] });
        return;
      }
    }
    blocks.push({ type: 'paragraph', text: cleanInline(lines.join(' ')) });
  });
  return { title, blocks };
}
