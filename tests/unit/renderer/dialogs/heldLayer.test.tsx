// @vitest-environment jsdom
/**
 * A lazily loaded panel or dialog holds one Escape layer from its loading frame to the loaded one:
 * a menu opened over the loading panel is still the top layer after the chunk arrives, so Escape
 * closes the menu first, then the panel (one press, one layer).
 */
import { act, useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { Dialog } from '../../../../renderer/src/dialogs/Dialog';
import { SidePanel } from '../../../../renderer/src/dialogs/SidePanel';
import { useLayer } from '../../../../renderer/src/dialogs/layers';
import { lazyComponent } from '../../../../renderer/src/lazy/lazyComponent';
import { LazyDialog, LazyPanel } from '../../../../renderer/src/lazy/LazyPanel';
import { rootPerTest } from '../mountedRoot';

/** A chunk that arrives when the test says so. */
function deferredChunk<P extends object>(component: (props: P) => ReactNode) {
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const Lazy = lazyComponent<P>(async () => {
    await arrived;
    return component;
  });
  return { Lazy, arrive };
}

function Menu({ onClose }: { onClose: () => void }) {
  useLayer(onClose);
  return <div role="menu" aria-label="File" />;
}

const escape = () => act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })));

const mounted = rootPerTest('root');

describe('a lazily loaded panel keeps one Escape layer across the swap', () => {
  it('a menu opened over the loading panel stays on top when the chunk arrives', async () => {
    const { Lazy, arrive } = deferredChunk(({ onClose }: { onClose: () => void }) => (
      <SidePanel label="Overview" onClose={onClose}>
        <p>Loaded rows</p>
      </SidePanel>
    ));
    let setPanel!: (open: boolean) => void;
    let setMenu!: (open: boolean) => void;
    function App() {
      const [panel, showPanel] = useState(false);
      const [menu, showMenu] = useState(false);
      setPanel = showPanel;
      setMenu = showMenu;
      return (
        <>
          <button type="button">Overview</button>
          {menu && <Menu onClose={() => showMenu(false)} />}
          {panel && (
            <LazyPanel label="Overview" onClose={() => showPanel(false)}>
              <Lazy onClose={() => showPanel(false)} />
            </LazyPanel>
          )}
        </>
      );
    }
    await act(async () => mounted.root.render(<App />));
    const opener = mounted.container.querySelector('button')!;
    opener.focus();
    await act(async () => setPanel(true));
    expect(mounted.container.textContent).toContain('Loading…');
    await act(async () => setMenu(true));
    await act(async () => {
      arrive();
      await Lazy.preload();
    });
    expect(mounted.container.textContent).toContain('Loaded rows');
    expect(mounted.container.querySelectorAll('section[aria-label="Overview"]')).toHaveLength(1);

    escape();
    expect(mounted.container.querySelector('[role="menu"]')).toBeNull();
    expect(mounted.container.querySelector('section[aria-label="Overview"]')).not.toBeNull();
    escape();
    expect(mounted.container.querySelector('section[aria-label="Overview"]')).toBeNull();
    // Focus goes back once, to the button that opened the panel.
    expect(document.activeElement).toBe(opener);
    // Nothing is left on the stack: a third Escape closes nothing and is not taken.
    const third = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    act(() => void document.dispatchEvent(third));
    expect(third.defaultPrevented).toBe(false);
  });

  it('a lazily loaded dialog is one modal layer: the app stays inert across the swap and is usable after Escape', async () => {
    const { Lazy, arrive } = deferredChunk(({ onClose }: { onClose: () => void }) => (
      <Dialog label="Settings" onClose={onClose}>
        <input aria-label="Your name" />
      </Dialog>
    ));
    let setOpen!: (open: boolean) => void;
    function App() {
      const [open, show] = useState(false);
      setOpen = show;
      return (
        <>
          <button type="button">Settings</button>
          {open && (
            <LazyDialog label="Settings" onClose={() => show(false)}>
              <Lazy onClose={() => show(false)} />
            </LazyDialog>
          )}
        </>
      );
    }
    await act(async () => mounted.root.render(<App />));
    const opener = mounted.container.querySelector('button')!;
    opener.focus();
    await act(async () => setOpen(true));
    expect(mounted.container.hasAttribute('inert')).toBe(true);
    await act(async () => {
      arrive();
      await Lazy.preload();
    });
    expect(document.querySelectorAll('[role="dialog"]')).toHaveLength(1);
    expect(mounted.container.hasAttribute('inert')).toBe(true);
    // Focus is in the loaded dialog (jsdom lays nothing out, so the dialog itself rather than its field).
    expect(document.querySelector('[role="dialog"]')!.contains(document.activeElement)).toBe(true);
    escape();
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    expect(mounted.container.hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(opener);
  });
});
