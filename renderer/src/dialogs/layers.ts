/**
 * The window's stack of things that float above the workspace: modal dialogs, the Overview and
 * History panels, menus. Escape closes the topmost one only (one press, one layer; nothing more),
 * and while a modal dialog is open everything beneath it is inert: the app root and any dialog
 * under it. Messages and toasts live in their own layer outside the app root and stay usable.
 */
import { createContext, useContext, useEffect, useRef, useState } from 'react';

export interface Layer {
  /** Modal layers make everything beneath them inert. */
  modal: boolean;
  /** The modal's own element (a portal host), kept interactive while it is on top. */
  element?: HTMLElement;
  close(): void;
}

const stack: Layer[] = [];
let listening = false;

/** The element holding the whole app (main.tsx renders into it). */
function appRoot(): HTMLElement | null {
  return document.getElementById('root');
}

function applyInert(): void {
  const modals = stack.filter((layer) => layer.modal);
  const top = modals.at(-1);
  appRoot()?.toggleAttribute('inert', Boolean(top));
  for (const layer of modals) layer.element?.toggleAttribute('inert', layer !== top);
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
  const top = stack.at(-1);
  if (!top) return;
  event.preventDefault();
  event.stopPropagation();
  top.close();
}

/** Puts a layer on top; the returned function takes it off again (idempotent). */
export function pushLayer(layer: Layer): () => void {
  stack.push(layer);
  if (!listening) {
    document.addEventListener('keydown', onKeyDown);
    listening = true;
  }
  applyInert();
  return () => {
    const at = stack.indexOf(layer);
    if (at < 0) return;
    stack.splice(at, 1);
    applyInert();
  };
}

export function isTopLayer(layer: Layer): boolean {
  return stack.at(-1) === layer;
}

export function isTopModal(layer: Layer): boolean {
  return stack.filter((candidate) => candidate.modal).at(-1) === layer;
}

/** Whether any modal dialog is open (global shortcuts stay quiet then). */
export function modalOpen(): boolean {
  return stack.some((layer) => layer.modal);
}

/** Registers a non-modal layer (a panel or a menu) while `active`; Escape calls the latest `close`. */
export function useLayer(close: () => void, active = true): void {
  const latest = useRef(close);
  latest.current = close;
  useEffect(() => {
    if (!active) return;
    return pushLayer({ modal: false, close: () => latest.current() });
  }, [active]);
}

/** What a panel or dialog frame tells the layer it holds. */
export interface LayerFrame {
  close(): void;
  /** A modal's own element (its portal host). */
  element?: HTMLElement;
  /** The frame's element: focus inside it when the layer ends goes back to `previous`. */
  container?: HTMLElement | null;
  /** Where focus was when the frame opened. */
  previous: HTMLElement | null;
  /** Where focus goes when `previous` is gone (modal frames). */
  returnFocus?: () => HTMLElement | null | undefined;
}

/**
 * One layer for a panel or dialog whose frame is replaced while it stays open (a lazily loaded
 * chunk: its loading frame, then the real one). The layer keeps its place in the stack across the
 * swap, so what was opened above it (a menu) stays on top, and focus returns once, when it ends.
 */
export interface HeldLayer {
  readonly layer: Layer;
  /** Whether a frame held it already: a later frame (the swap) takes focus only if it was lost. */
  readonly claimed: boolean;
  /** The frame takes the layer; the returned function gives it back (the layer stays). */
  claim(frame: LayerFrame): () => void;
}

/** The held layer frames inside it use instead of pushing their own (null: push their own). */
export const HeldLayerContext = createContext<HeldLayer | null>(null);

export function useHeldLayerContext(): HeldLayer | null {
  return useContext(HeldLayerContext);
}

/** Whether focus was lost (its element left the document): a new frame may take it. */
export function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

class HeldLayerImpl implements HeldLayer {
  readonly layer: Layer;
  claimed = false;
  private frames: LayerFrame[] = [];
  private last: LayerFrame | null = null;
  private previous: HTMLElement | null = null;
  private remove: (() => void) | null = null;

  constructor(modal: boolean, private readonly fallbackClose: () => void) {
    this.layer = { modal, close: () => (this.frames.at(-1)?.close ?? this.fallbackClose)() };
  }

  /** On the stack (once), where it stays until `end`. */
  hold(): void {
    this.remove ??= pushLayer(this.layer);
  }

  claim(frame: LayerFrame): () => void {
    if (!this.claimed) this.previous = frame.previous;
    this.claimed = true;
    this.frames.push(frame);
    this.last = frame;
    this.layer.element = frame.element;
    this.hold();
    applyInert();
    return () => {
      const at = this.frames.indexOf(frame);
      if (at >= 0) this.frames.splice(at, 1);
    };
  }

  /** Off the stack; focus goes back to where it was before the first frame (if it was in the frame). */
  end(): void {
    if (!this.remove) return;
    this.remove();
    this.remove = null;
    const frame = this.last;
    const previous = this.previous;
    if (!frame) return;
    if (this.layer.modal) {
      const target = previous && previous.isConnected && previous !== document.body ? previous : frame.returnFocus?.();
      target?.focus();
      return;
    }
    const active = document.activeElement;
    const inside = focusLost() || Boolean(active && frame.container?.contains(active));
    if (inside && previous?.isConnected) previous.focus();
  }
}

/** Holds one layer while the component is mounted; provide it through HeldLayerContext to the frames. */
export function useHeldLayer(modal: boolean, close: () => void): HeldLayer {
  const latest = useRef(close);
  latest.current = close;
  const [held] = useState(() => new HeldLayerImpl(modal, () => latest.current()));
  useEffect(() => {
    held.hold();
    return () => held.end();
  }, [held]);
  return held;
}
