/**
 * Runs in the page (page.waitForFunction): every claim of the article placed (at least `count`),
 * and each claim in the blocks the reader draws highlights in (rendered, and near view when there
 * are many) has its range — the reader's own count, from its `claim-highlights` measure.
 */
export function everyClaimDrawn(count: number): boolean {
  const paint = performance.getEntriesByName('claim-highlights').at(-1) as PerformanceMeasure | undefined;
  const detail = paint?.detail as { count: number; painted: number } | undefined;
  return Boolean(detail && detail.count >= count && [...CSS.highlights.values()].reduce((sum, h) => sum + h.size, 0) >= detail.painted);
}
