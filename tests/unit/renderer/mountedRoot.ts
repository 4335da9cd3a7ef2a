/**
 * A React root in a fresh container for each test (jsdom), unmounted and removed after it. Call once
 * at the top of a test file; `mounted.root` and `mounted.container` are the current test's.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export function rootPerTest(id?: string): { root: Root; container: HTMLElement } {
  const mounted = {} as { root: Root; container: HTMLElement };
  beforeEach(() => {
    mounted.container = document.createElement('div');
    if (id) mounted.container.id = id;
    document.body.append(mounted.container);
    mounted.root = createRoot(mounted.container);
  });
  afterEach(() => {
    act(() => mounted.root.unmount());
    mounted.container.remove();
    document.body.innerHTML = '';
  });
  return mounted;
}
