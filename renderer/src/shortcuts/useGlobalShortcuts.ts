/**
 * Window-wide keyboard shortcuts. While typing in a field only command-key combos count, and
 * Ctrl/Cmd+Z / Shift+Z / Y are left to the field's own undo.
 */
import { useEffect, useRef } from 'react';
import { hasCommandKey } from '../platform/shortcutLabel';

export interface ShortcutActions {
  undo: () => void;
  redo: () => void;
  markClaim: () => void;
  newProject: () => void;
  openProject: () => void;
  saveAs: () => void;
  closeProject: () => void;
  addArticle: () => void;
  nextClaim: () => void;
  previousClaim: () => void;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
  return target instanceof HTMLSelectElement;
}

export function useGlobalShortcuts(actions: ShortcutActions, enabled: boolean): void {
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (document.querySelector('[role="dialog"]')) return;
      const a = latest.current;
      const inField = isTextField(event.target);
      const key = event.key.toLowerCase();
      if (hasCommandKey(event) && !event.altKey) {
        let run: (() => void) | null = null;
        if (key === 'z' && !event.shiftKey) run = inField ? null : a.undo;
        else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) run = inField ? null : a.redo;
        else if (key === 'm' && !event.shiftKey) run = a.markClaim;
        else if (key === 'n' && !event.shiftKey) run = a.newProject;
        else if (key === 'o' && !event.shiftKey) run = a.openProject;
        else if (key === 's' && event.shiftKey) run = a.saveAs;
        else if (key === 'w' && !event.shiftKey) run = a.closeProject;
        else if (key === 'a' && event.shiftKey) run = a.addArticle;
        if (run) {
          event.preventDefault();
          run();
        }
        return;
      }
      if (event.altKey && !event.ctrlKey && !event.metaKey && !inField) {
        if (event.key === 'ArrowDown') {
          event.preventDefault();
          a.nextClaim();
        } else if (event.key === 'ArrowUp') {
          event.preventDefault();
          a.previousClaim();
        }
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
