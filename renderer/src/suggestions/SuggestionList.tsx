/**
 * The suggested claims of the current article in reading order, each with the reasons it was
 * suggested. The selected one offers "Accept as claim" and "Dismiss suggestion". Keyboard:
 * ArrowDown / ArrowUp or s / Shift+S move (n / p stay for claims), Home / End.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { truncate } from '../claims/claimLabels';
import type { ShownSuggestion } from './shownSuggestions';
import type { CheckedBeforeOf } from './useCheckedBeforeMarks';

interface SuggestionListProps {
  suggestions: readonly ShownSuggestion[];
  activeId: string | null;
  hoveredId: string | null;
  onSelect: (id: string) => void;
  onAccept: (suggestion: ShownSuggestion) => void;
  onDismiss: (suggestion: ShownSuggestion) => void;
  /** The earlier fact-check of the same claim in the archive, when there is one. */
  checkedBefore?: CheckedBeforeOf;
}

/** Where the earlier fact-check was published or recorded, for the mark's tooltip. */
function checkedWhere(match: { source: 'project' | 'archive'; project?: string; publisher?: string; date?: string }): string {
  const where = match.source === 'project' ? `your project “${match.project ?? ''}”` : (match.publisher ?? 'a published fact-check');
  return match.date ? `${where}, ${match.date}` : where;
}

/** In quotation marks, unless the sentence is itself a quotation. */
function quoted(text: string): string {
  return /^["“‘'«]/.test(text) ? text : `“${text}”`;
}

export function SuggestionList({ suggestions, activeId, hoveredId, onSelect, onAccept, onDismiss, checkedBefore }: SuggestionListProps) {
  const listRef = useRef<HTMLUListElement>(null);

  // Keep the selected suggestion visible in the list when the reader's keys move it.
  useEffect(() => {
    listRef.current?.querySelector('.suggestion-item.is-selected')?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target instanceof HTMLElement && !event.target.classList.contains('suggestion-item-button')) return;
    const current = suggestions.findIndex((s) => s.id === activeId);
    let next = -1;
    if (event.key === 'ArrowDown' || (event.key === 's' && !event.shiftKey)) next = Math.min(suggestions.length - 1, current + 1);
    else if (event.key === 'ArrowUp' || event.key === 'S') next = Math.max(0, current < 0 ? 0 : current - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = suggestions.length - 1;
    else return;
    event.preventDefault();
    if (next < 0 || next >= suggestions.length) return;
    onSelect(suggestions[next].id);
    listRef.current?.querySelectorAll<HTMLButtonElement>('.suggestion-item-button')[next]?.focus();
  };

  if (suggestions.length === 0) return <p className="suggestion-empty">No suggestions left in this article.</p>;

  const focusable = suggestions.some((s) => s.id === activeId) ? activeId : suggestions[0].id;
  return (
    <ul className="suggestion-list" aria-label="Suggestion list" ref={listRef} onKeyDown={onKeyDown}>
      {suggestions.map((suggestion) => {
        const selected = suggestion.id === activeId;
        const earlier = checkedBefore?.(suggestion.text);
        return (
          <li
            key={suggestion.id}
            className={`suggestion-item${selected ? ' is-selected' : ''}${suggestion.id === hoveredId ? ' is-hovered' : ''}`}
            data-suggestion-id={suggestion.id}
          >
            <button
              type="button"
              className="suggestion-item-button"
              aria-current={selected ? 'true' : undefined}
              tabIndex={suggestion.id === focusable ? 0 : -1}
              onClick={() => onSelect(suggestion.id)}
              onFocus={() => {
                if (!selected) onSelect(suggestion.id);
              }}
            >
              <span className="suggestion-item-quote" dir="auto">
                {quoted(truncate(suggestion.text, 160))}
              </span>
              {earlier && (
                <span className="suggestion-checked" title={`Checked before in ${checkedWhere(earlier)}`}>
                  Checked before: {earlier.verdict || 'no rating'}
                </span>
              )}
              <span className="suggestion-reasons">
                {suggestion.reasons.map((reason) => (
                  <span key={reason} className="suggestion-reason">
                    {reason}
                  </span>
                ))}
              </span>
            </button>
            {selected && (
              <div className="suggestion-actions">
                <button type="button" className="button button-small button-primary" onClick={() => onAccept(suggestion)}>
                  Accept as claim
                </button>
                <button type="button" className="button button-small" onClick={() => onDismiss(suggestion)}>
                  Dismiss suggestion
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
