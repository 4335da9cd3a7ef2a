/**
 * Overlapping claims are drawn on separate layers (separate Highlight objects) so their translucent
 * backgrounds stack and each overlap stays visible. Layer = lowest one free at the claim's start.
 */
export interface PlacedSpan {
  id: string;
  start: number;
  end: number;
}

export const MAX_LAYERS = 3;

export function assignLayers(spans: readonly PlacedSpan[]): Map<string, number> {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const layerEnds: number[] = [];
  const layers = new Map<string, number>();
  for (const span of sorted) {
    let layer = layerEnds.findIndex((end) => end <= span.start);
    if (layer < 0) layer = layerEnds.length;
    layerEnds[layer] = span.end;
    layers.set(span.id, Math.min(layer, MAX_LAYERS - 1));
  }
  return layers;
}
