/** A non-modal panel sliding in from the right, a named region with a close button; Escape closes it. */
import type { ReactNode } from 'react';

interface SidePanelProps {
  label: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}

export function SidePanel({ label, onClose, children, wide }: SidePanelProps) {
  return (
    <section
      className={`side-panel${wide ? ' side-panel-wide' : ''}`}
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
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
