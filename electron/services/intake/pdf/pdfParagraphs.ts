/**
 * Lines of all pages → blocks: running headers and footers dropped, lines joined into paragraphs
 * (a new paragraph at a larger vertical gap, an indented first line, a change of column or page
 * with a finished sentence, or a change of font size), large lines become headings, hyphenation at
 * line ends repaired, and each block keeps the page it starts on.
 */
import type { Block } from '../../../../shared/model';
import type { PdfLine } from './pdfLines';

/** Share of the page height at the top and the bottom where running headers and footers live. */
const MARGIN_SHARE = 0.1;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function runningKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

const PAGE_NUMBER = /^(?:page|p\.|seite|página|pagina|صفحة)?\s*[-–—]?\s*\d{1,4}\s*(?:(?:of|\/|de|von)\s*\d{1,4})?\s*[-–—]?$/i;

/**
 * Lines near the top or bottom of a page whose text (digits ignored) repeats near the top or bottom
 * of at least half the pages (and of two pages or more), and bare page numbers there.
 */
export function dropRunningLines(pages: readonly { lines: PdfLine[]; height: number }[]): PdfLine[][] {
  const inMargin = (line: PdfLine, height: number) => line.y > height * (1 - MARGIN_SHARE) || line.y < height * MARGIN_SHARE;
  const counts = new Map<string, number>();
  for (const { lines, height } of pages) {
    const keys = new Set(lines.filter((l) => inMargin(l, height)).map((l) => runningKey(l.text)));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map(({ lines, height }) =>
    lines.filter((line) => {
      if (!inMargin(line, height)) return true;
      if (PAGE_NUMBER.test(line.text)) return false;
      return (counts.get(runningKey(line.text)) ?? 0) < needed;
    }),
  );
}

function joinLine(paragraph: string, line: string): string {
  if (paragraph === '') return line;
  const hyphenated = /[\p{L}]-$/u.test(paragraph) && /^\p{Ll}/u.test(line);
  if (hyphenated) return paragraph.slice(0, -1) + line;
  if (paragraph.endsWith('\u00AD')) return paragraph.slice(0, -1) + line;
  return `${paragraph} ${line}`;
}

export function linesToBlocks(pages: readonly PdfLine[][]): Block[] {
  const all = pages.flat();
  const bodySize = median(all.map((l) => l.size)) || 10;
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1].y - lines[i].y;
      if (gap > 0 && lines[i].column === lines[i - 1].column && Math.abs(lines[i].size - bodySize) < 0.5) gaps.push(gap);
    }
  }
  const lineGap = median(gaps) || bodySize * 1.2;
  const leftEdges = new Map<string, number>();
  for (const line of all) {
    const key = `${line.page}:${line.column}`;
    leftEdges.set(key, Math.min(leftEdges.get(key) ?? Infinity, line.x0));
  }

  const blocks: Block[] = [];
  let text = '';
  let page = 0;
  let heading = 0;
  let previous: PdfLine | null = null;
  const flush = () => {
    const clean = text.replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim();
    if (clean) blocks.push(heading ? { type: 'heading', level: heading, text: clean, page } : { type: 'paragraph', text: clean, page });
    text = '';
    heading = 0;
  };

  for (const line of all) {
    const level = line.size >= bodySize * 1.6 ? 1 : line.size >= bodySize * 1.2 ? 2 : 0;
    let startsNew = previous === null;
    if (previous) {
      const samePlace = previous.page === line.page && previous.column === line.column;
      const gap = previous.y - line.y;
      const indented = line.x0 - (leftEdges.get(`${line.page}:${line.column}`) ?? line.x0) > bodySize * 0.8;
      const sentenceDone = /[.!?:;"”»)\]]$/.test(previous.text);
      if (level !== heading) startsNew = true;
      else if (samePlace && (gap > lineGap * 1.45 || gap < 0)) startsNew = true;
      else if (!samePlace && sentenceDone) startsNew = true;
      else if (indented && !level && sentenceDone) startsNew = true;
    }
    if (startsNew) {
      flush();
      page = line.page;
      heading = level;
    }
    text = joinLine(text, line.text);
    previous = line;
  }
  flush();
  return blocks;
}
