/** The suggestions the reader shows for one article, each with its id in the reader. */
import type { Article } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { suggestionId, visibleSuggestions, type Suggestion } from '../../../shared/suggestions/visible';
import type { PlacedSpan } from '../reader/claimLayers';

export interface ShownSuggestion extends Suggestion {
  id: string;
}

export function shownSuggestions(all: readonly Suggestion[], article: Article, project: Pick<Project, 'dismissedSuggestions'>, claimSpans: readonly PlacedSpan[]): ShownSuggestion[] {
  return visibleSuggestions(all, article.id, project.dismissedSuggestions ?? [], claimSpans).map((s) => ({ ...s, id: suggestionId(s) }));
}
