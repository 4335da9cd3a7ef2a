/**
 * "Mark selection as claim" next to a selection in the reader (as annotation tools do), in
 * addition to the toolbar's Mark claim. It does not take the selection away when pressed.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { cssZoom } from '../app/appearance';
import { offsetsToRange } from './offsetsToRange';
import type { ReaderGeometry, TextSpan } from './selectionToOffsets';

interface SelectionMarkButtonProps {
  bodyRef: RefObject<HTMLDivElement | null>;
  selection: TextSpan;
  geometry: ReaderGeometry;
  onMark: () => void;
}

export function SelectionMarkButton({ bodyRef, selection, geometry, onMark }: SelectionMarkButtonProps) {
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const page = body?.offsetParent as HTMLElement | null;
    if (!body || !page) return;
    const range = offsetsToRange(body, selection, geometry);
    const rects = range ? Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0) : [];
    const last = rects.at(-1);
    if (!last) {
      setPlace(null);
      return;
    }
    const origin = page.getBoundingClientRect();
    const zoom = cssZoom(page);
    const left = Math.min((last.right - origin.left) / zoom + 6, page.clientWidth - 90);
    setPlace({ left: Math.max(0, left), top: (last.bottom - origin.top) / zoom + 4 });
  }, [bodyRef, selection, geometry]);
  if (!place) return null;
  return (
    <button
      type="button"
      className="selection-mark"
      style={{ left: place.left, top: place.top }}
      aria-label="Mark selection as claim"
      title="Mark the selection as a claim (M)"
      onMouseDown={(event) => event.preventDefault()}
      onClick={onMark}
    >
      <span aria-hidden="true">+</span> Claim
    </button>
  );
}
