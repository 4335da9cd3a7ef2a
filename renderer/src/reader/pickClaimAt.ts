/**
 * Which claim a click at a text offset selects: the shortest span containing it; clicking again at
 * a spot covered by several claims cycles through them, shortest first.
 */
import type { PlacedSpan } from './claimLayers';

export function claimsContaining(spans: readonly PlacedSpan[], offset: number): PlacedSpan[] {
  return spans
    .filter((span) => span.start <= offset && offset <= span.end && span.end > span.start)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
}

export function pickClaimAt(spans: readonly PlacedSpan[], offset: number, selectedId: string | null): string | null {
  const candidates = claimsContaining(spans, offset);
  if (candidates.length === 0) return null;
  const current = candidates.findIndex((span) => span.id === selectedId);
  if (current < 0) return candidates[0].id;
  return candidates[(current + 1) % candidates.length].id;
}
