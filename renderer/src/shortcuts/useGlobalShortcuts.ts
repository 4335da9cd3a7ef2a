/**
 * Window-wide keyboard shortcuts (the full list is shortcutList.ts). While typing in a field only
 * command-key combos count, and Ctrl/Cmd+Z / Shift+Z / Y are left to the field's own undo. While a
 * dialog is open only the dialog's keys work.
 */
import { useEffect, useRef } from 'react';
import { modalOpen } from '../dialogs/layers';
import { hasCommandKey } from '../platform/shortcutLabel';

export interface ShortcutActions {
  undo: () => void;
  redo: () => void;
  markClaim: () => void;
  newProject: () => void;
  openProject: () => void;
  saveAs: () => void;
  mergeCopy: () => void;
  closeProject: () => void;
  addArticle: () => void;
  nextClaim: () => void;
  previousClaim: () => void;
  toggleCaretMode: () => void;
  showShortcuts: () => void;
  /** +1 larger, -1 smaller, 0 back to normal. */
  zoom: (step: 1 | -1 | 0) => void;
}

function isTextEntry(target: EventTarget | null): boolean {
  return isTextField(target) && !(target instanceof HTMLSelectElement);
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
      if (modalOpen() || document.querySelector('[role="dialog"]')) return;
      const a = latest.current;
      const inField = isTextField(event.target);
      const key = event.key.toLowerCase();
      if (hasCommandKey(event) && !event.altKey) {
        let run: (() => void) | null = null;
        if (key === '=' || key === '+') run = () => a.zoom(1);
        else if (key === '-' || key === '_') run = () => a.zoom(-1);
        else if (key === '0' && !event.shiftKey) run = () => a.zoom(0);
        // In a text field these are the field's own typing undo; a <select> has none, so there they undo the project.
        else if (key === 'z' && !event.shiftKey) run = isTextEntry(event.target) ? null : a.undo;
        else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) run = isTextEntry(event.target) ? null : a.redo;
        else if (key === 'm' && !event.shiftKey) run = a.markClaim;
        else if (key === 'n' && !event.shiftKey) run = a.newProject;
        else if (key === 'o' && !event.shiftKey) run = a.openProject;
        else if (key === 's' && event.shiftKey) run = a.saveAs;
        else if (key === 'm' && event.shiftKey) run = a.mergeCopy;
        else if (key === 'w' && !event.shiftKey) run = a.closeProject;
        else if (key === 'a' && event.shiftKey) run = a.addArticle;
        if (run) {
          event.preventDefault();
          run();
        }
        return;
      }
      if (!event.ctrlKey && !event.metaKey && !event.altKey && !inField) {
        if (event.key === 'F7') {
          event.preventDefault();
          a.toggleCaretMode();
          return;
        }
        if (event.key === '?') {
          event.preventDefault();
          a.showShortcuts();
          return;
        }
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
