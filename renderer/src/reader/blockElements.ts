/**
 * The reader's block elements (each carries data-block-index) and how a DOM boundary point inside
 * them maps to an offset in the article's canonical text.
 */

export const BLOCK_ATTRIBUTE = 'data-block-index';

/** The block elements of a reader container, indexed by block index. */
export function blockElements(container: Element): HTMLElement[] {
  const elements: HTMLElement[] = [];
  for (const element of container.querySelectorAll<HTMLElement>(`[${BLOCK_ATTRIBUTE}]`)) {
    const index = Number(element.getAttribute(BLOCK_ATTRIBUTE));
    if (Number.isInteger(index) && index >= 0) elements[index] = element;
  }
  return elements;
}

/** Length of the text from the start of `element` up to the boundary point (node, offset). */
function textLengthBefore(element: HTMLElement, node: Node, offset: number): number {
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  range.setEnd(node, offset);
  return range.toString().length;
}

/**
 * Canonical offset of a boundary point. A point inside a block maps to its character; a point
 * between blocks maps to the next block's start (edge 'start') or the previous block's end (edge 'end').
 * Returns null when the point is outside every block in that direction.
 */
export function boundaryToOffset(
  elements: readonly HTMLElement[],
  starts: readonly number[],
  lengths: readonly number[],
  node: Node,
  offset: number,
  edge: 'start' | 'end',
): number | null {
  const doc = node.ownerDocument ?? document;
  const probe = doc.createRange();
  if (edge === 'start') {
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i];
      if (!element) continue;
      probe.selectNodeContents(element);
      const where = probe.comparePoint(node, offset);
      if (where < 0) return starts[i];
      if (where === 0) return starts[i] + Math.min(lengths[i], textLengthBefore(element, node, offset));
    }
    return null;
  }
  for (let i = elements.length - 1; i >= 0; i--) {
    const element = elements[i];
    if (!element) continue;
    probe.selectNodeContents(element);
    const where = probe.comparePoint(node, offset);
    if (where > 0) return starts[i] + lengths[i];
    if (where === 0) return starts[i] + Math.min(lengths[i], textLengthBefore(element, node, offset));
  }
  return null;
}
