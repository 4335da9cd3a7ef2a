/** Mark claim: turn the passage selected in the reader into a new draft claim. */
import { describeRange } from '../../../shared/anchoring';
import { newId } from '../../../shared/ids';
import type { Article, Claim } from '../../../shared/model';
import { currentReaderSelection, setReaderSelection } from '../reader/readerSelection';
import type { ProjectSession } from '../store/projectSession';
import { currentArticle } from '../store/selectors';

export function markClaim(session: ProjectSession): boolean {
  const selection = currentReaderSelection();
  const { project, articleId } = session.getSnapshot();
  const article = currentArticle(project, articleId);
  if (!selection || !article || selection.articleId !== article.id) return false;
  const claim = draftClaim(article, selection.start, selection.end, session.authorName());
  if (!session.dispatch({ type: 'addClaim', claim })) return false;
  document.getSelection()?.removeAllRanges();
  // Said now, in the same render as the new claim: the browser's selectionchange comes a task later
  // and then finds nothing to change (one render for Mark claim, not two).
  setReaderSelection(null);
  session.selectClaim(claim.id);
  return true;
}

/** A new draft claim on a passage of an article (Mark claim, Accept as claim). */
export function draftClaim(article: Article, start: number, end: number, author: string): Claim {
  const target = describeRange(article.text, start, end);
  return {
    id: newId('c'),
    articleId: article.id,
    target,
    statement: target.quote.exact,
    claimant: '',
    verdict: { levelId: null, rationale: '', conclusion: '' },
    state: 'draft',
    createdAt: new Date().toISOString(),
    createdBy: author,
  };
}
