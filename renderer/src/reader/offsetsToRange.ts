/** Maps a span of the canonical text back to a DOM Range over the reader's block elements. */
import { blockElements } from './blockElements';
import type { ReaderGeometry, TextSpan } from './selectionToOffsets';

interface Point {
  node: Node;
  offset: number;
}

/** The DOM point at `local` characters into a block element's text. */
function pointInBlock(element: HTMLElement, local: number): Point {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let remaining = local;
  let last: Text | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (remaining <= text.length) return { node: text, offset: remaining };
    remaining -= text.length;
    last = text;
  }
  if (last) return { node: last, offset: last.length };
  return { node: element, offset: 0 };
}

/** Index of the block holding `offset`; offsets in a joint go to the next block ('start') or the previous one ('end'). */
export function blockAt(geometry: ReaderGeometry, offset: number, edge: 'start' | 'end'): number {
  const { starts, lengths } = geometry;
  // Binary searches (blocks are in text order): thousands of claims over hundreds of blocks.
  if (edge === 'start') {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offset <= starts[mid] + lengths[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** `elements`: the container's block elements when the caller maps many spans at once (saves a query per span). */
export function offsetsToRange(container: Element, span: TextSpan, geometry: ReaderGeometry, elements: readonly HTMLElement[] = blockElements(container)): Range | null {
  if (geometry.starts.length === 0 || span.end <= span.start) return null;
  const first = blockAt(geometry, span.start, 'start');
  const last = blockAt(geometry, span.end, 'end');
  const firstElement = elements[first];
  const lastElement = elements[last];
  if (!firstElement || !lastElement || last < first) return null;
  const startLocal = Math.max(0, Math.min(geometry.lengths[first], span.start - geometry.starts[first]));
  const endLocal = Math.max(0, Math.min(geometry.lengths[last], span.end - geometry.starts[last]));
  const start = pointInBlock(firstElement, startLocal);
  const end = pointInBlock(lastElement, endLocal);
  const range = container.ownerDocument.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

/** The block element where a span starts (to scroll it into view). */
export function blockElementAt(container: Element, offset: number, geometry: ReaderGeometry): HTMLElement | null {
  if (geometry.starts.length === 0) return null;
  return blockElements(container)[blockAt(geometry, offset, 'start')] ?? null;
}

/**
 * The DOM boundary point at a canonical offset. An offset in the joint between two blocks goes to
 * the next block's start ('start') or the previous block's end ('end').
 */
export function offsetToPoint(container: Element, offset: number, geometry: ReaderGeometry, edge: 'start' | 'end', elements: readonly HTMLElement[] = blockElements(container)): Point | null {
  if (geometry.starts.length === 0) return null;
  const index = blockAt(geometry, offset, edge);
  const element = elements[index];
  if (!element) return null;
  const local = Math.max(0, Math.min(geometry.lengths[index], offset - geometry.starts[index]));
  return pointInBlock(element, local);
}
