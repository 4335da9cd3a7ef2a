/**
 * Keyboard selection in the reader ("Select text with keyboard", F7): a caret that moves through the
 * article with the arrow keys and selects with Shift, as caret browsing does, so a passage can be
 * marked as a claim without a mouse. The caret and the selection are kept as canonical offsets
 * (the offsets claims anchor to) and drawn as the document's selection, so Mark claim takes the
 * same path as a mouse selection and the offsets stay exact.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { cssZoom } from '../app/appearance';
import { createStore, useStore } from '../store/createStore';
import { blockElements, boundaryToOffset } from './blockElements';
import { caretFromPoint } from './caretFromPoint';
import { blockEndOf, blockStartOf, nextChar, nextWordEnd, previousChar, previousWordStart } from './caretMotion';
import { offsetToPoint } from './offsetsToRange';
import type { ReaderGeometry } from './selectionToOffsets';

const mode = createStore(false);

export function setCaretMode(on: boolean): void {
  mode.set(on);
}

export function toggleCaretMode(): void {
  mode.set((on) => !on);
}

export function useCaretModeOn(): boolean {
  return useStore(mode);
}

export interface CaretBox {
  left: number;
  top: number;
  height: number;
}

interface Options {
  active: boolean;
  scrollerRef: RefObject<HTMLElement | null>;
  bodyRef: RefObject<HTMLElement | null>;
  geometry: ReaderGeometry;
  /** Where the caret starts when the mode is switched on. */
  startAt: () => number;
}

/** The viewport rectangle of the caret at `offset` (a zero-width line box). */
function caretRect(body: HTMLElement, offset: number, geometry: ReaderGeometry, elements: readonly HTMLElement[]): DOMRect | null {
  const { text } = geometry;
  const doc = body.ownerDocument;
  const rectOf = (from: number, to: number, side: 'left' | 'right'): DOMRect | null => {
    const start = offsetToPoint(body, from, geometry, 'start', elements);
    const end = offsetToPoint(body, to, geometry, 'end', elements);
    if (!start || !end) return null;
    const range = doc.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    const rects = Array.from(range.getClientRects()).filter((r) => r.height > 0);
    const rect = side === 'left' ? rects[0] : rects.at(-1);
    if (!rect) return null;
    const x = side === 'left' ? rect.left : rect.right;
    return new DOMRect(x, rect.top, 0, rect.height);
  };
  // The left edge of the character after the caret, else the right edge of the one before it.
  if (offset < text.length && !/\s/.test(text[offset])) {
    const rect = rectOf(offset, nextChar(text, offset), 'left');
    if (rect) return rect;
  }
  if (offset > 0) {
    const rect = rectOf(previousChar(text, offset), offset, 'right');
    if (rect) return rect;
  }
  return offset < text.length ? rectOf(offset, nextChar(text, offset), 'left') : null;
}

export function useKeyboardCaret({ active, scrollerRef, bodyRef, geometry, startAt }: Options) {
  const [anchor, setAnchor] = useState(0);
  const [focus, setFocus] = useState(0);
  const [box, setBox] = useState<CaretBox | null>(null);
  const goalX = useRef<number | null>(null);
  const start = useRef(startAt);
  start.current = startAt;

  // Switching the mode on puts the caret at its start and focus in the reader.
  useEffect(() => {
    if (!active) {
      setBox(null);
      return;
    }
    const at = Math.max(0, Math.min(geometry.text.length, start.current()));
    setAnchor(at);
    setFocus(at);
    goalX.current = null;
    scrollerRef.current?.focus({ preventScroll: true });
  }, [active, geometry, scrollerRef]);

  // Draw: the document selection between anchor and focus (Mark claim reads it), and the caret.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const scroller = scrollerRef.current;
    if (!active || !body || !scroller) return;
    const elements = blockElements(body);
    const selection = document.getSelection();
    if (selection) {
      if (anchor === focus) {
        if (selection.rangeCount > 0 && body.contains(selection.anchorNode)) selection.removeAllRanges();
      } else {
        const from = offsetToPoint(body, anchor, geometry, anchor < focus ? 'start' : 'end', elements);
        const to = offsetToPoint(body, focus, geometry, anchor < focus ? 'end' : 'start', elements);
        if (from && to) selection.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
      }
    }
    const rect = caretRect(body, focus, geometry, elements);
    const page = body.offsetParent as HTMLElement | null;
    if (!rect || !page) {
      setBox(null);
      return;
    }
    // Rectangles are in zoomed pixels, scroll offsets and CSS lengths in the element's own.
    const zoom = cssZoom(page);
    const view = scroller.getBoundingClientRect();
    if (rect.top < view.top + 8) scroller.scrollTop -= (view.top + 8 - rect.top + rect.height) / zoom;
    else if (rect.bottom > view.bottom - 8) scroller.scrollTop += (rect.bottom - (view.bottom - 8) + rect.height) / zoom;
    const moved = caretRect(body, focus, geometry, elements) ?? rect;
    const origin = page.getBoundingClientRect();
    setBox({ left: (moved.left - origin.left) / zoom, top: (moved.top - origin.top) / zoom, height: moved.height / zoom });
  }, [active, anchor, focus, geometry, bodyRef, scrollerRef]);

  // Mark claim clears the selection: the caret stays where the selection ended.
  useEffect(() => {
    if (!active) return;
    const onChange = () => {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0) setAnchor((current) => (current === focus ? current : focus));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [active, focus]);

  /** A mouse selection or click while the mode is on moves the caret there. */
  const onMouseUp = useCallback(() => {
    const body = bodyRef.current;
    const selection = document.getSelection();
    if (!active || !body || !selection || selection.rangeCount === 0 || !body.contains(selection.focusNode)) return;
    const elements = blockElements(body);
    const at = (node: Node | null, offset: number) => (node ? boundaryToOffset(elements, geometry.starts, geometry.lengths, node, offset, 'start') : null);
    const to = at(selection.focusNode, selection.focusOffset);
    const from = selection.isCollapsed ? to : at(selection.anchorNode, selection.anchorOffset);
    if (to === null || from === null) return;
    goalX.current = null;
    setAnchor(from);
    setFocus(to);
  }, [active, bodyRef, geometry]);

  /** One line up or down from the caret, at the column the vertical moves started from. */
  const lineFrom = (offset: number, direction: 1 | -1): number | null => {
    const body = bodyRef.current;
    const scroller = scrollerRef.current;
    if (!body || !scroller) return null;
    const elements = blockElements(body);
    let rect = caretRect(body, offset, geometry, elements);
    if (!rect) return null;
    const view = scroller.getBoundingClientRect();
    const room = rect.height * 3;
    const zoom = cssZoom(scroller);
    if (direction > 0 && rect.bottom + room > view.bottom) scroller.scrollTop += (rect.bottom + room - view.bottom) / zoom;
    if (direction < 0 && rect.top - room < view.top) scroller.scrollTop -= (view.top - (rect.top - room)) / zoom;
    rect = caretRect(body, offset, geometry, elements) ?? rect;
    const bounds = body.getBoundingClientRect();
    goalX.current ??= rect.left;
    const x = Math.max(bounds.left + 1, Math.min(bounds.right - 1, goalX.current));
    let y = direction > 0 ? rect.bottom + 2 : rect.top - 2;
    for (let step = 0; step < 60; step++, y += direction * 6) {
      const hit = caretFromPoint(document, x, y);
      if (!hit || !body.contains(hit.node)) continue;
      const found = boundaryToOffset(elements, geometry.starts, geometry.lengths, hit.node, hit.offset, 'start');
      if (found === null || (direction > 0 ? found <= offset : found >= offset)) continue;
      const there = caretRect(body, found, geometry, elements);
      if (there && (direction > 0 ? there.top > rect.top + 2 : there.top < rect.top - 2)) return found;
    }
    return direction > 0 ? geometry.text.length : 0;
  };

  /** Handles a key in the reader while the mode is on; returns whether it did. */
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): boolean => {
    if (!active) return false;
    const { text, starts, lengths } = geometry;
    const word = event.ctrlKey || event.altKey || event.metaKey;
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowRight':
        next = word ? nextWordEnd(text, focus) : nextChar(text, focus);
        break;
      case 'ArrowLeft':
        next = word ? previousWordStart(text, focus) : previousChar(text, focus);
        break;
      case 'ArrowDown':
        next = lineFrom(focus, 1);
        break;
      case 'ArrowUp':
        next = lineFrom(focus, -1);
        break;
      case 'Home':
        next = event.ctrlKey || event.metaKey ? 0 : blockStartOf(starts, focus);
        break;
      case 'End':
        next = event.ctrlKey || event.metaKey ? text.length : blockEndOf(starts, lengths, focus);
        break;
      case 'Escape':
        // First Escape drops the selection, the next one leaves the mode.
        if (anchor !== focus) setAnchor(focus);
        else setCaretMode(false);
        return true;
      default:
        return false;
    }
    if (next === null) return true;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') goalX.current = null;
    setFocus(next);
    if (!event.shiftKey) setAnchor(next);
    return true;
  };

  return { box, onKeyDown, onMouseUp };
}
