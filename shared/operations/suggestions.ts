/**
 * Claim suggestions the checker dismissed: recorded in the project so a dismissed suggestion does
 * not come back (after a reload, on another machine). Restoring one is the undo of dismissing it.
 */
import { z } from 'zod';
import { DismissedSuggestionSchema, type DismissedSuggestion } from '../model';
import { OperationError } from './errors';
import { defineFamily } from './family';
import { insertAt, removeAt } from './lists';
import type { Project } from './schema';

export const suggestionSchemas = [
  /** Hides a suggested passage of an article for good; `index` places it in the list (undo keeps order). */
  z.object({ type: z.literal('dismissSuggestion'), suggestion: DismissedSuggestionSchema, index: z.number().int().nonnegative().optional() }),
  /** Shows a dismissed suggestion again. */
  z.object({ type: z.literal('restoreSuggestion'), suggestion: DismissedSuggestionSchema }),
] as const;

const same = (a: DismissedSuggestion, b: DismissedSuggestion) => a.articleId === b.articleId && a.text === b.text;

function indexOf(project: Project, suggestion: DismissedSuggestion): number {
  return (project.dismissedSuggestions ?? []).findIndex((d) => same(d, suggestion));
}

/** The project with this list of dismissals; an empty list is dropped (the form older files have). */
function withDismissed(project: Project, list: DismissedSuggestion[]): Project {
  if (list.length > 0) return { ...project, dismissedSuggestions: list };
  const { dismissedSuggestions: _dropped, ...rest } = project;
  return rest;
}

export const suggestions = defineFamily('suggestions', suggestionSchemas, {
  dismissSuggestion: {
    apply(project, op) {
      if (indexOf(project, op.suggestion) >= 0) throw new OperationError('This suggestion is already dismissed');
      const suggestion = { articleId: op.suggestion.articleId, text: op.suggestion.text };
      return withDismissed(project, insertAt(project.dismissedSuggestions ?? [], suggestion, op.index));
    },
    invert: (_project, op) => ({ type: 'restoreSuggestion', suggestion: op.suggestion }),
    describe: () => 'Dismiss suggestion',
    claimIds: () => [],
    locks: () => false,
  },
  restoreSuggestion: {
    apply(project, op) {
      const at = indexOf(project, op.suggestion);
      if (at < 0) throw new OperationError('This suggestion is not dismissed');
      return withDismissed(project, removeAt(project.dismissedSuggestions ?? [], at));
    },
    invert: (project, op) => ({ type: 'dismissSuggestion', suggestion: op.suggestion, index: indexOf(project, op.suggestion) }),
    describe: () => 'Restore suggestion',
    claimIds: () => [],
    locks: () => false,
  },
});
