/**
 * A text field's local draft: typing changes only the draft; the change is committed as one
 * operation when the user pauses (600 ms), leaves the field, or the field goes away — and only if it
 * differs from the stored value. So one undo undoes a whole phrase, not a keystroke.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export const DRAFT_PAUSE_MS = 600;

export interface DraftField {
  value: string;
  onChange: (next: string) => void;
  onBlur: () => void;
}

export function useDraftField(stored: string, commit: (next: string) => void, pauseMs = DRAFT_PAUSE_MS): DraftField {
  const [draft, setDraft] = useState(stored);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ draft: stored, stored, commit });

  useLayoutEffect(() => {
    latest.current.stored = stored;
    latest.current.commit = commit;
  });

  // Follow the stored value (undo, redo, another field) unless the user has unsaved typing here.
  useEffect(() => {
    if (!dirty.current) {
      latest.current.draft = stored;
      setDraft(stored);
    }
  }, [stored]);

  const flush = useCallback(() => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (!dirty.current) return;
    dirty.current = false;
    const { draft: next, stored: current, commit: save } = latest.current;
    if (next !== current) save(next);
  }, []);

  useEffect(() => flush, [flush]);

  const onChange = useCallback(
    (next: string) => {
      latest.current.draft = next;
      dirty.current = true;
      setDraft(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, pauseMs);
    },
    [flush, pauseMs],
  );

  return { value: draft, onChange, onBlur: flush };
}
