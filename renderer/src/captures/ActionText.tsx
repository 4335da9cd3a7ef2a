/**
 * A quiet action that is not a <button>: reading a capture stays possible when the claim is locked
 * (a disabled fieldset disables every button inside it).
 */
import type { ReactNode } from 'react';

export function ActionText({ onAct, children, expanded, label }: { onAct: () => void; children: ReactNode; expanded?: boolean; label?: string }) {
  return (
    <span
      role="button"
      tabIndex={0}
      className="button button-quiet button-small"
      aria-expanded={expanded}
      aria-label={label}
      onClick={onAct}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onAct();
        }
      }}
    >
      {children}
    </span>
  );
}
