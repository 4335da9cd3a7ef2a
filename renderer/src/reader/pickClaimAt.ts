/**
 * Which claim a click at a text offset selects: every claim under the pointer is found through the
 * interval index (independent of creation order); the shortest wins, and clicking again at a spot
 * covered by several claims cycles through them, shortest first.
 */
import type { PlacedSpan } from './claimLayers';
import { IntervalIndex } from './intervalIndex';

export function claimsContaining(spans: readonly PlacedSpan[] | IntervalIndex, offset: number): PlacedSpan[] {
  const index = spans instanceof IntervalIndex ? spans : new IntervalIndex(spans);
  return index.containing(offset);
}

export function pickClaimAt(spans: readonly PlacedSpan[] | IntervalIndex, offset: number, selectedId: string | null): string | null {
  const candidates = claimsContaining(spans, offset);
  if (candidates.length === 0) return null;
  const current = candidates.findIndex((span) => span.id === selectedId);
  if (current < 0) return candidates[0].id;
  return candidates[(current + 1) % candidates.length].id;
}
