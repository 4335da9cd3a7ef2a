/**
 * Indexes the article's text while the window is idle (prepareTextIndex), so that Mark claim, which
 * searches the text for its quote's context, never builds the index in the click (15 ms for a
 * 250 kB article, on the fifth Mark). Texts over MAX_IDLE_CHARS are left to be indexed when searched:
 * their index would be one long task of its own (about 25 ms a megabyte).
 */
import { useEffect } from 'react';
import { prepareTextIndex } from '../../../shared/anchoring';
import { whenIdle } from '../platform/whenIdle';

export const MAX_IDLE_CHARS = 1_500_000;

export function useTextIndexWhenIdle(text: string): void {
  useEffect(() => {
    if (text.length > MAX_IDLE_CHARS) return;
    return whenIdle(() => prepareTextIndex(text), 5000);
  }, [text]);
}
