/**
 * Runs in the page (page.waitForFunction): every claim of the article placed (at least `count`),
 * and each claim in the blocks the reader draws highlights in (rendered, and near view when there
 * are many) has its range — the reader's own count, from its `claim-highlights` measure.
 * Polled in animation frames (polling: 'raf'), it also notes when the frame that first found them all
 * was painted (a task after that frame, as the other measures end): `window.__claimsPaintedAt`.
 */
export function everyClaimDrawn(count: number): boolean {
  const paint = performance.getEntriesByName('claim-highlights').at(-1) as PerformanceMeasure | undefined;
  const detail = paint?.detail as { count: number; painted: number } | undefined;
  const drawn = Boolean(detail && detail.count >= count && [...CSS.highlights.values()].reduce((sum, h) => sum + h.size, 0) >= detail.painted);
  const page = window as unknown as { __claimsPaintedAt?: number; __claimsPaintedPending?: boolean };
  if (drawn && page.__claimsPaintedAt === undefined && !page.__claimsPaintedPending) {
    page.__claimsPaintedPending = true;
    setTimeout(() => (page.__claimsPaintedAt = performance.now()), 0);
  }
  return drawn;
}

/** Runs in the page after everyClaimDrawn held: when the frame that showed every claim was painted (ms since navigation). */
export function claimsPaintedAt(): number | false {
  return (window as unknown as { __claimsPaintedAt?: number }).__claimsPaintedAt ?? false;
}
