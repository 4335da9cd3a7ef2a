/**
 * Maps a DOM Range inside the reader to a span of the canonical text. A range across blocks maps
 * across the "\n\n" joints between them. Whitespace at both ends is trimmed; an empty result is null.
 */
import { blockElements, boundaryToOffset } from './blockElements';

export interface TextSpan {
  start: number;
  end: number;
}

export interface ReaderGeometry {
  text: string;
  starts: readonly number[];
  lengths: readonly number[];
}

export function rangeToOffsets(container: Element, range: Range, geometry: ReaderGeometry): TextSpan | null {
  if (range.collapsed) return null;
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const elements = blockElements(container);
  let start = boundaryToOffset(elements, geometry.starts, geometry.lengths, range.startContainer, range.startOffset, 'start');
  let end = boundaryToOffset(elements, geometry.starts, geometry.lengths, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null) return null;
  const { text } = geometry;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end <= start) return null;
  return { start, end };
}

/** The current document selection as a span of the reader's text, if it lies inside the reader. */
export function selectionToOffsets(container: Element, selection: Selection | null, geometry: ReaderGeometry): TextSpan | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  return rangeToOffsets(container, selection.getRangeAt(0), geometry);
}

/** Canonical offset of a single point (e.g. where the user clicked). */
export function pointToOffset(container: Element, node: Node, offset: number, geometry: ReaderGeometry): number | null {
  if (!container.contains(node)) return null;
  const elements = blockElements(container);
  return boundaryToOffset(elements, geometry.starts, geometry.lengths, node, offset, 'start');
}
