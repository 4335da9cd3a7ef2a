/** Mark claim: turn the passage selected in the reader into a new draft claim. */
import { describeRange } from '../../../shared/anchoring';
import { newId } from '../../../shared/ids';
import type { Claim } from '../../../shared/model';
import { getReaderSelection } from '../reader/readerSelection';
import type { ProjectSession } from '../store/projectSession';
import { currentArticle } from '../store/selectors';

export function markClaim(session: ProjectSession): boolean {
  const selection = getReaderSelection();
  const { project, articleId } = session.getSnapshot();
  const article = currentArticle(project, articleId);
  if (!selection || !article || selection.articleId !== article.id) return false;
  const target = describeRange(article.text, selection.start, selection.end);
  const claim: Claim = {
    id: newId('c'),
    articleId: article.id,
    target,
    statement: target.quote.exact,
    claimant: '',
    verdict: { levelId: null, rationale: '', conclusion: '' },
    state: 'draft',
    createdAt: new Date().toISOString(),
    createdBy: session.authorName(),
  };
  if (!session.dispatch({ type: 'addClaim', claim })) return false;
  document.getSelection()?.removeAllRanges();
  session.selectClaim(claim.id);
  return true;
}
