/** Keyboard shortcut labels for tooltips: "Ctrl+M" on Windows/Linux, "Cmd+M" on macOS. */
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function shortcut(keys: string): string {
  return isMac ? keys.replace(/Ctrl\+/g, 'Cmd+') : keys;
}

/** True when the platform's command modifier (Cmd on macOS, Ctrl elsewhere) is held. */
export function hasCommandKey(event: KeyboardEvent | ReactKeyboardEvent): boolean {
  return isMac ? event.metaKey : event.ctrlKey;
}
