/**
 * A text field's local draft: typing changes only the draft; the change is committed as one
 * operation when the user leaves the field (which also happens when the window loses focus),
 * presses Enter in a one-line field, the field goes away or the page is hidden — and only if it
 * differs from the stored value. So while the user is in a field, Ctrl+Z is the field's own text
 * undo and adds nothing to the project's history; one visit to a field is one history entry — unless
 * the typing goes on longer than DRAFT_MAX_WAIT_MS, which commits what is there so far (DraftTimer).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { DraftTimer } from './draftTimer';

export interface DraftField {
  value: string;
  onChange: (next: string) => void;
  /** Commits the draft now (on blur, Enter). */
  onBlur: () => void;
}

export function useDraftField(stored: string, commit: (next: string) => void): DraftField {
  const [draft, setDraft] = useState(stored);
  const dirty = useRef(false);
  const latest = useRef({ draft: stored, stored, commit });

  useLayoutEffect(() => {
    latest.current.stored = stored;
    latest.current.commit = commit;
  });

  // Follow the stored value (undo, redo, another window) unless the user has uncommitted typing here.
  useEffect(() => {
    if (!dirty.current) {
      latest.current.draft = stored;
      setDraft(stored);
    }
  }, [stored]);

  const timer = useRef<DraftTimer | null>(null);
  const flush = useCallback(() => {
    timer.current?.committed();
    if (!dirty.current) return;
    dirty.current = false;
    const { draft: next, stored: current, commit: save } = latest.current;
    if (next !== current) save(next);
  }, []);

  // Leaving the page (closing the window, reloading) must not lose what was typed.
  useEffect(() => {
    const onHide = () => flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [flush]);

  timer.current ??= new DraftTimer(() => flush());

  const onChange = useCallback((next: string) => {
    latest.current.draft = next;
    dirty.current = true;
    setDraft(next);
    timer.current?.typed();
  }, []);

  return { value: draft, onChange, onBlur: flush };
}

/**
 * A one-line <input>'s handlers for a draft field, each keeping its identity (a memoized input then renders
 * only when its value changes): typing changes the draft; Enter commits it, as leaving the field does.
 */
export function useDraftInputHandlers({ onChange, onBlur }: DraftField) {
  const onInputChange = useCallback((event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value), [onChange]);
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'Enter' && !event.nativeEvent.isComposing) onBlur();
    },
    [onBlur],
  );
  return { onChange: onInputChange, onKeyDown, onBlur };
}
