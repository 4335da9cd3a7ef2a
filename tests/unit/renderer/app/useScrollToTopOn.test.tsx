// @vitest-environment jsdom
/**
 * The claim panel goes back to its top when another claim opens, and only touches scrollTop (a
 * forced layout of the whole page) when it was scrolled away from the top.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useScrollToTopOn } from '../../../../renderer/src/app/useScrollToTopOn';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Panel({ claimId }: { claimId: string }) {
  const scroller = useScrollToTopOn<HTMLDivElement>(claimId);
  return (
    <div data-testid="scroller" ref={scroller.ref} onScroll={scroller.onScroll}>
      {claimId}
    </div>
  );
}

let root: Root;
let container: HTMLElement;
let writes: number[];
let position: number;

/** The scroller, with its scrollTop kept here and every write to it counted. */
function scroller(): HTMLElement {
  const element = container.querySelector<HTMLElement>('[data-testid="scroller"]')!;
  Object.defineProperty(element, 'scrollTop', {
    configurable: true,
    get: () => position,
    set: (value: number) => {
      writes.push(value);
      position = value;
    },
  });
  return element;
}

function scrollTo(element: HTMLElement, top: number) {
  position = top;
  act(() => void element.dispatchEvent(new Event('scroll', { bubbles: false })));
}

beforeEach(() => {
  writes = [];
  position = 0;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('useScrollToTopOn', () => {
  it('leaves a container at its top alone when the key changes', () => {
    act(() => root.render(<Panel claimId="a" />));
    scroller();
    act(() => root.render(<Panel claimId="b" />));
    act(() => root.render(<Panel claimId="c" />));
    expect(writes).toEqual([]);
  });

  it('brings a scrolled container back to its top when the key changes, not when it stays', () => {
    act(() => root.render(<Panel claimId="a" />));
    const element = scroller();
    scrollTo(element, 420);
    act(() => root.render(<Panel claimId="a" />));
    expect(writes).toEqual([]);
    act(() => root.render(<Panel claimId="b" />));
    expect(writes).toEqual([0]);
    expect(element.scrollTop).toBe(0);
    // Back at the top: the next claim needs no write.
    act(() => root.render(<Panel claimId="c" />));
    expect(writes).toEqual([0]);
  });

  it('knows when the user scrolled back to the top by hand', () => {
    act(() => root.render(<Panel claimId="a" />));
    const element = scroller();
    scrollTo(element, 300);
    scrollTo(element, 0);
    act(() => root.render(<Panel claimId="b" />));
    expect(writes).toEqual([]);
  });
});
