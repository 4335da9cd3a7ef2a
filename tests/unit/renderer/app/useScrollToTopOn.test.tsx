// @vitest-environment jsdom
/**
 * The claim panel goes back to its top when another claim opens, and only touches scrollTop (a
 * forced layout of the whole page) when it was scrolled away from the top.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useScrollToTopOn } from '../../../../renderer/src/app/useScrollToTopOn';
import { rootPerTest } from '../mountedRoot';

function Panel({ claimId }: { claimId: string }) {
  const scroller = useScrollToTopOn<HTMLDivElement>(claimId);
  return (
    <div data-testid="scroller" ref={scroller.ref} onScroll={scroller.onScroll}>
      {claimId}
    </div>
  );
}

const mounted = rootPerTest();
let writes: number[];
let position: number;

/** The scroller, with its scrollTop kept here and every write to it counted. */
function scroller(): HTMLElement {
  const element = mounted.container.querySelector<HTMLElement>('[data-testid="scroller"]')!;
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
});

describe('useScrollToTopOn', () => {
  it('leaves a container at its top alone when the key changes', () => {
    act(() => mounted.root.render(<Panel claimId="a" />));
    scroller();
    act(() => mounted.root.render(<Panel claimId="b" />));
    act(() => mounted.root.render(<Panel claimId="c" />));
    expect(writes).toEqual([]);
  });

  it('brings a scrolled container back to its top when the key changes, not when it stays', () => {
    act(() => mounted.root.render(<Panel claimId="a" />));
    const element = scroller();
    scrollTo(element, 420);
    act(() => mounted.root.render(<Panel claimId="a" />));
    expect(writes).toEqual([]);
    act(() => mounted.root.render(<Panel claimId="b" />));
    expect(writes).toEqual([0]);
    expect(element.scrollTop).toBe(0);
    // Back at the top: the next claim needs no write.
    act(() => mounted.root.render(<Panel claimId="c" />));
    expect(writes).toEqual([0]);
  });

  it('knows when the user scrolled back to the top by hand', () => {
    act(() => mounted.root.render(<Panel claimId="a" />));
    const element = scroller();
    scrollTo(element, 300);
    scrollTo(element, 0);
    act(() => mounted.root.render(<Panel claimId="b" />));
    expect(writes).toEqual([]);
  });
});
