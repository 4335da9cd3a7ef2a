/**
 * A pasted article waiting for its provenance: the snapshot is made (sanitized on the main side)
 * but added only once the user has said where it comes from (address and title).
 */
import type { ArticleVersion } from '../../../shared/model';
import { createStore, useStore } from '../store/createStore';

const pending = createStore<ArticleVersion | null>(null);

export function askForPasteDetails(version: ArticleVersion): void {
  pending.set(version);
}

export function clearPendingPaste(): void {
  pending.set(null);
}

export function usePendingPaste(): ArticleVersion | null {
  return useStore(pending);
}

/** The name the intake gives pasted content when it has no title of its own. */
export const PASTE_PLACEHOLDER_TITLE = 'Pasted article';

/** A title to suggest: the snapshot's own, else its first block when that is short enough to be one. */
export function suggestedTitle(version: ArticleVersion): string {
  const title = version.metadata.title.trim();
  if (title && title !== PASTE_PLACEHOLDER_TITLE) return title;
  const first = version.blocks[0]?.text.trim() ?? '';
  return first.length > 0 && first.length <= 120 && !first.includes('\n') ? first : '';
}
