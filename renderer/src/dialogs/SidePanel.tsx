/**
 * A non-modal panel sliding in from the right, a named region with a close button. It takes focus
 * when it opens, Escape closes it (wherever focus is, one layer at a time), and focus goes back to
 * where it was (the button that opened it).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useLayer } from './layers';

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
  useLayer(onClose);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const panel = ref.current;
    panel?.focus({ preventScroll: true });
    return () => {
      // Only when focus was inside the panel: a click elsewhere keeps its own focus.
      const active = document.activeElement;
      const inside = !active || active === document.body || panel?.contains(active) || !active.isConnected;
      if (inside && previous?.isConnected) previous.focus();
    };
  }, []);

  return (
    <section ref={ref} tabIndex={-1} className={`side-panel${wide ? ' side-panel-wide' : ''}${extraWide ? ' side-panel-extra-wide' : ''}`} aria-label={label}>
      <header className="side-panel-head">
        <h2 className="side-panel-title">{label}</h2>
        <button type="button" className="button button-quiet button-small" onClick={onClose} aria-label={`Close ${label.toLowerCase()}`}>
          Close
        </button>
      </header>
      <div className="side-panel-body">{children}</div>
    </section>
  );
}
