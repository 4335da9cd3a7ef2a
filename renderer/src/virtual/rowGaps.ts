/**
 * A windowed table's rows in order with the empty space between them: rows cannot be placed
 * absolutely inside a table, so the space of the rows not rendered is taken by spacer rows (before
 * the first, between a kept row and the window, after the last).
 */
export interface PlacedRow {
  index: number;
  start: number;
  end: number;
}

export type RowOrGap<R extends PlacedRow> = { kind: 'row'; row: R } | { kind: 'gap'; size: number; key: string };

/** `origin` is where the first row would start (the scroll margin); `total` where the last one ends. */
export function rowsWithGaps<R extends PlacedRow>(rows: readonly R[], origin: number, total: number): RowOrGap<R>[] {
  const out: RowOrGap<R>[] = [];
  let at = origin;
  for (const row of rows) {
    if (row.start > at) out.push({ kind: 'gap', size: row.start - at, key: `gap-before-${row.index}` });
    out.push({ kind: 'row', row });
    at = Math.max(at, row.end);
  }
  if (total > at) out.push({ kind: 'gap', size: total - at, key: 'gap-end' });
  return out;
}
