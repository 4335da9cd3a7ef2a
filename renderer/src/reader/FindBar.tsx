/**
 * "Find in article": the workbench's own find box, since a windowed reader holds only the blocks in
 * view and the browser's find cannot see the rest. Searches the article's canonical text (ignoring
 * case), shows "N of M", and Next / Previous (Enter / Shift+Enter, Ctrl+F to come here) move to a
 * match, which the reader brings into view and draws. Escape clears the box and returns to the article.
 */
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Article } from '../../../shared/model';
import { findMatches, matchAtOrAfter, matchCountLabel, NO_MATCHES, type FindMatches } from './findMatches';
import { setFindState } from './findState';

/** Above this size, wait for a pause in typing before searching (a search over megabytes takes a few frames). */
const DEBOUNCE_ABOVE_CHARS = 500_000;

/** Memoized: its input, rendered again, would be written again (name, type), and Chromium then repaints every highlight. */
export const FindBar = memo(function FindBar({ article }: { article: Article | null }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<FindMatches>(NO_MATCHES);
  const [current, setCurrent] = useState(-1);
  const reveal = useRef(0);

  // Search when the query or the article changes; the first match is the current one.
  useEffect(() => {
    const text = article?.text ?? '';
    const run = () => {
      const found = findMatches(text, query);
      setMatches(found);
      setCurrent(found.starts.length > 0 ? 0 : -1);
      reveal.current += 1;
    };
    if (text.length <= DEBOUNCE_ABOVE_CHARS || query.trim() === '') {
      run();
      return;
    }
    const timer = setTimeout(run, 150);
    return () => clearTimeout(timer);
  }, [article, query]);

  useEffect(() => {
    setFindState(article && matches.starts.length > 0 ? { articleId: article.id, matches, current, reveal: reveal.current } : null);
  }, [article, matches, current]);
  useEffect(() => () => setFindState(null), []);

  // Ctrl+F (Cmd+F) anywhere in the window, when no dialog is open, comes to the find box.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'f') return;
      if (!inputRef.current || inputRef.current.disabled || document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      inputRef.current.focus();
      inputRef.current.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const count = matches.starts.length;
  const step = (direction: 1 | -1) => {
    if (count === 0) return;
    reveal.current += 1;
    setCurrent((at) => (at < 0 ? matchAtOrAfter(matches, 0) : (at + direction + count) % count));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setQuery('');
      document.querySelector<HTMLElement>('.reader')?.focus({ preventScroll: true });
    }
  };

  return (
    <div className="find-bar">
      <input
        ref={inputRef}
        type="search"
        className="field-input find-input"
        aria-label="Find in article"
        placeholder="Find in article"
        aria-keyshortcuts="Control+F"
        disabled={!article}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="find-count" role="status" aria-live="polite">
        {query.trim() === '' ? '' : matchCountLabel(matches, current)}
      </span>
      <button type="button" className="button button-quiet find-step" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={count === 0} onClick={() => step(-1)}>
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" className="button button-quiet find-step" aria-label="Next match" title="Next match (Enter)" disabled={count === 0} onClick={() => step(1)}>
        <span aria-hidden="true">↓</span>
      </button>
    </div>
  );
});
