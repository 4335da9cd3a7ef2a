/**
 * The window's stack of things that float above the workspace: modal dialogs, the Overview and
 * History panels, menus. Escape closes the topmost one only (one press, one layer; nothing more),
 * and while a modal dialog is open everything beneath it is inert: the app root and any dialog
 * under it. Messages and toasts live in their own layer outside the app root and stay usable.
 */
import { useEffect, useRef } from 'react';

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
