/**
 * Short-lived messages at the bottom of the window, some with one action ("Claim deleted — Undo").
 * A toast goes away by itself after a while, unless the pointer or focus is on it.
 */
import { newId } from '../../../shared/ids';
import { createStore } from './createStore';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: string;
  message: string;
  action?: ToastAction;
}

export const TOAST_MS = 8000;

export class Toasts {
  private readonly store = createStore<readonly Toast[]>([]);
  readonly subscribe = this.store.subscribe;
  readonly getSnapshot = this.store.getSnapshot;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly lifetimeMs = TOAST_MS) {}

  /** Shows a toast (replacing any other toast with an action: only the newest change can be undone from one). */
  show(message: string, action?: ToastAction): string {
    const id = newId('t');
    if (action) for (const toast of this.store.getSnapshot()) if (toast.action) this.dismiss(toast.id);
    this.store.set((toasts) => [...toasts, action ? { id, message, action } : { id, message }]);
    this.resume(id);
    return id;
  }

  dismiss(id: string): void {
    this.pause(id);
    this.store.set((toasts) => toasts.filter((toast) => toast.id !== id));
  }

  /** Keeps a toast while it is hovered or focused. */
  pause(id: string): void {
    const timer = this.timers.get(id);
    if (timer) clearTimeout(timer);
    this.timers.delete(id);
  }

  resume(id: string): void {
    this.pause(id);
    this.timers.set(
      id,
      setTimeout(() => this.dismiss(id), this.lifetimeMs),
    );
  }
}
