/**
 * The suggestions of an article's text, computed once the model is loaded. The model (with its
 * weights) is a dynamic import: its own chunk, fetched the first time suggestions are turned on, so
 * the renderer's first script does not grow.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Suggestion } from '../../../shared/suggestions/visible';

type Suggest = (text: string) => Suggestion[];

let loading: Promise<Suggest> | null = null;

/** Loads the model once per window; later calls share the same promise. */
export function loadSuggester(): Promise<Suggest> {
  loading ??= import('../../../shared/suggestions').then((module) => module.suggestClaims);
  return loading;
}

export type SuggestionsState = { status: 'off' } | { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; suggestions: Suggestion[] };

export function useSuggestions(text: string | null, enabled: boolean): SuggestionsState {
  const [suggest, setSuggest] = useState<Suggest | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!enabled || suggest) return;
    let live = true;
    loadSuggester().then(
      (fn) => live && setSuggest(() => fn),
      (err: unknown) => {
        loading = null;
        if (live) setFailure(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      live = false;
    };
  }, [enabled, suggest]);

  const suggestions = useMemo(() => (enabled && suggest && text !== null ? suggest(text) : null), [enabled, suggest, text]);

  if (!enabled) return { status: 'off' };
  if (failure) return { status: 'failed', message: failure };
  return suggestions ? { status: 'ready', suggestions } : { status: 'loading' };
}
