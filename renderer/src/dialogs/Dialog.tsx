/**
 * A modal dialog: role dialog with a name, drawn in its own layer above the app (a portal), which
 * makes everything beneath it inert. Focus goes to the first field (or [data-autofocus]), stays
 * inside (Tab wraps; focus that falls out, e.g. when the focused button becomes disabled, is brought
 * back), Escape closes it (also when nothing in it has focus), and focus returns to where it was.
 * Inside a held layer (a lazily loaded dialog) its frames share that one layer, which returns focus.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { focusLost, HeldLayerContext, isTopModal, pushLayer, useHeldLayerContext, type Layer } from './layers';

interface DialogProps {
  label: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** Where focus goes on close when the element that had it is gone (e.g. a menu item). */
  returnFocus?: () => HTMLElement | null | undefined;
}

export const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), iframe, [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((element) => !element.closest('[inert]') && element.getClientRects().length > 0);
}

export function Dialog({ label, onClose, children, wide, returnFocus }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  const fallback = useRef(returnFocus);
  fallback.current = returnFocus;
  const [host] = useState(() => {
    const element = document.createElement('div');
    element.className = 'dialog-layer';
    return element;
  });

  useLayoutEffect(() => {
    document.body.appendChild(host);
    return () => host.remove();
  }, [host]);

  const held = useHeldLayerContext();

  useLayoutEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    const swap = held?.claimed ?? false;
    let layer: Layer;
    let removeLayer: () => void;
    if (held) {
      layer = held.layer;
      removeLayer = held.claim({ close: () => close.current(), element: host, container: dialog, previous, returnFocus: () => fallback.current?.() });
    } else {
      layer = { modal: true, element: host, close: () => close.current() };
      removeLayer = pushLayer(layer);
    }
    const first = () => dialog?.querySelector<HTMLElement>('[data-autofocus]') ?? (dialog ? focusables(dialog)[0] : undefined) ?? dialog;
    // A later frame of the same dialog (the loaded one) leaves focus where it is unless it was lost.
    if (!swap || focusLost()) first()?.focus();

    const onFocusIn = (event: FocusEvent) => {
      if (!dialog || !isTopModal(layer)) return;
      const target = event.target as Node | null;
      // Messages and toasts keep their own focus; anything else beneath the dialog gives it back.
      if (target && (dialog.contains(target) || (target instanceof Element && target.closest('.overlay-layer')))) return;
      first()?.focus();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || !dialog || !isTopModal(layer)) return;
      const items = focusables(dialog);
      if (items.length === 0) {
        event.preventDefault();
        dialog.focus();
        return;
      }
      const active = document.activeElement;
      const at = active instanceof HTMLElement ? items.indexOf(active) : -1;
      if (at < 0 && !(active instanceof Element && active.closest('.overlay-layer'))) {
        event.preventDefault();
        (event.shiftKey ? items[items.length - 1] : items[0]).focus();
      } else if (event.shiftKey && at === 0) {
        event.preventDefault();
        items[items.length - 1].focus();
      } else if (!event.shiftKey && at === items.length - 1) {
        event.preventDefault();
        items[0].focus();
      }
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('keydown', onKeyDown, true);
      // Lift the inertness first: an inert element cannot take focus back.
      removeLayer();
      // A held layer gives focus back once, when the dialog closes (not when its frame is swapped).
      if (held) return;
      const target = previous && previous.isConnected && previous !== document.body ? previous : fallback.current?.();
      target?.focus();
    };
  }, [host, held]);

  return createPortal(
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) close.current();
      }}
    >
      <div ref={ref} role="dialog" aria-modal="true" aria-label={label} tabIndex={-1} className={`dialog${wide ? ' dialog-wide' : ''}`}>
        <h2 className="dialog-title">{label}</h2>
        <HeldLayerContext.Provider value={null}>{children}</HeldLayerContext.Provider>
      </div>
    </div>,
    host,
  );
}
