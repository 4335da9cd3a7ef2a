/**
 * Overlapping claims are drawn on separate layers (separate Highlight objects) so their translucent
 * backgrounds stack and each overlap stays visible. Layer = lowest one free at the claim's start, the
 * claims taken in drawing order: by start, the longer first (an enclosing claim below the claims it
 * holds), then in the article's order.
 */
export interface PlacedSpan {
  id: string;
  start: number;
  end: number;
}

export const MAX_LAYERS = 3;

/** A claim drawn in the reader: its span, its index in the article's claims, and its layer. */
export interface LayeredSpan extends PlacedSpan {
  index: number;
  layer: number;
}

export function drawingOrder(a: LayeredSpan, b: LayeredSpan): number {
  return a.start - b.start || b.end - a.end || a.index - b.index;
}

/** Sets each span's layer; `sorted` is in drawing order. Returns the deepest layer used. */
export function assignLayers(sorted: readonly LayeredSpan[]): number {
  const layerEnds: number[] = [];
  let deepest = 0;
  for (const span of sorted) {
    let layer = 0;
    while (layer < layerEnds.length && layerEnds[layer] > span.start) layer++;
    layerEnds[layer] = span.end;
    span.layer = Math.min(layer, MAX_LAYERS - 1);
    if (span.layer > deepest) deepest = span.layer;
  }
  return deepest;
}
