/**
 * A non-modal panel sliding in from the right, a named region with a close button. It takes focus
 * when it opens, Escape closes it (wherever focus is, one layer at a time), and focus goes back to
 * where it was (the button that opened it). Inside a held layer (a lazily loaded panel) its frames
 * share that one layer, and the layer returns focus when the panel closes.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { focusLost, HeldLayerContext, useHeldLayerContext, useLayer } from './layers';

interface SidePanelProps {
  label: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** Wider still, for tables. */
  extraWide?: boolean;
}

export function SidePanel({ label, onClose, children, wide, extraWide }: SidePanelProps) {
  const ref = useRef<HTMLElement>(null);
  const held = useHeldLayerContext();
  const close = useRef(onClose);
  close.current = onClose;
  useLayer(onClose, !held);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = ref.current;
    if (held) {
      // A later frame of the same panel (the loaded one) leaves focus where it is unless it was lost.
      const swap = held.claimed;
      const release = held.claim({ close: () => close.current(), container: panel, previous });
      if (!swap || focusLost()) panel?.focus({ preventScroll: true });
      return release;
    }
    panel?.focus({ preventScroll: true });
    return () => {
      // Only when focus was inside the panel: a click elsewhere keeps its own focus.
      const active = document.activeElement;
      const inside = !active || active === document.body || panel?.contains(active) || !active.isConnected;
      if (inside && previous?.isConnected) previous.focus();
    };
  }, [held]);

  return (
    <section ref={ref} tabIndex={-1} className={`side-panel${wide ? ' side-panel-wide' : ''}${extraWide ? ' side-panel-extra-wide' : ''}`} aria-label={label}>
      <header className="side-panel-head">
        <h2 className="side-panel-title">{label}</h2>
        <button type="button" className="button button-quiet button-small" onClick={onClose} aria-label={`Close ${label.toLowerCase()}`}>
          Close
        </button>
      </header>
      <div className="side-panel-body">
        <HeldLayerContext.Provider value={null}>{children}</HeldLayerContext.Provider>
      </div>
    </section>
  );
}
