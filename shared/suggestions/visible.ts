/**
 * Which suggestions the reader shows: not one the checker dismissed in that article (matched by its
 * text), and not one a claim overlaps (the checker has looked at that sentence; an accepted one becomes a claim).
 * No weights here: the reader imports this statically and the model lazily.
 */
export interface Suggestion {
  start: number;
  end: number;
  text: string;
  score: number;
  reasons: string[];
}

export interface Span {
  start: number;
  end: number;
}

/** A sentence with a claim in it has been looked at already: any overlap with a claim covers it. */
function covered(suggestion: Span, claims: readonly Span[]): boolean {
  return claims.some((claim) => claim.start < suggestion.end && suggestion.start < claim.end);
}

export function visibleSuggestions<S extends Suggestion>(
  suggestions: readonly S[],
  articleId: string,
  dismissed: readonly { articleId: string; text: string }[],
  claims: readonly Span[],
): S[] {
  const hidden = new Set(dismissed.filter((d) => d.articleId === articleId).map((d) => d.text));
  return suggestions.filter((s) => !hidden.has(s.text) && !covered(s, claims));
}

/** A suggestion's id in the reader: its place in the text (stable while the article does not change). */
export function suggestionId(suggestion: Span): string {
  return `s${suggestion.start}-${suggestion.end}`;
}
