/**
 * Text items of one PDF page → lines, in reading order. Items that share a baseline and follow each
 * other become one line. Two-column pages are detected (most lines sit clearly left or right of the
 * middle, few cross it) and read left column first, then right; lines spanning both columns above
 * the columns (a title) come first and those below them last.
 */

export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  hasEOL: boolean;
}

export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
  /** 0 for single-column text and the left column, 1 for the right column. */
  column: number;
}

export function itemsToLines(items: readonly PdfTextItem[], page: number): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  for (const item of items) {
    if (item.str === '' && !item.hasEOL) continue;
    const size = item.size || 10;
    const sameLine =
      current !== null &&
      item.str !== '' &&
      Math.abs(item.y - current.y) < Math.max(size, current.size) * 0.5 &&
      item.x >= current.x1 - size * 0.5 &&
      item.x - current.x1 < size * 3;
    if (item.str === '') {
      if (current) current = null; // hasEOL marker: the line ends here
      continue;
    }
    if (sameLine && current) {
      const gap = item.x - current.x1;
      const needsSpace = gap > size * 0.15 && !current.text.endsWith(' ') && !item.str.startsWith(' ');
      current.text += (needsSpace ? ' ' : '') + item.str;
      current.x1 = Math.max(current.x1, item.x + item.width);
      current.size = Math.max(current.size, size);
    } else {
      current = { text: item.str, x0: item.x, x1: item.x + item.width, y: item.y, size, page, column: 0 };
      lines.push(current);
    }
    if (item.hasEOL) current = null;
  }
  return lines
    .map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }))
    .filter((line) => line.text !== '');
}

/** Orders a page's lines for reading, handling two columns. */
export function orderLines(lines: readonly PdfLine[], pageWidth: number): PdfLine[] {
  const byY = (a: PdfLine, b: PdfLine) => b.y - a.y || a.x0 - b.x0;
  const middle = pageWidth / 2;
  const left = lines.filter((l) => l.x1 <= middle + pageWidth * 0.02);
  const right = lines.filter((l) => l.x0 >= middle - pageWidth * 0.02);
  const crossing = lines.filter((l) => !left.includes(l) && !right.includes(l));
  const twoColumns = left.length >= 3 && right.length >= 3 && crossing.length <= (left.length + right.length) * 0.25;
  if (!twoColumns) return [...lines].sort(byY);

  // The right column's top: a running header or page number on the left does not count.
  const columnsTop = Math.max(...right.map((l) => l.y));
  const above = crossing.filter((l) => l.y > columnsTop).sort(byY);
  const below = crossing.filter((l) => l.y <= columnsTop).sort(byY);
  return [
    ...above,
    ...left.sort(byY).map((l) => ({ ...l, column: 0 })),
    ...right.sort(byY).map((l) => ({ ...l, column: 1 })),
    ...below,
  ];
}
