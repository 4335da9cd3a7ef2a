/** A claim marked on an article's words, built the way the reader marks one, for unit and e2e tests. */
import { describeRange } from '../../shared/anchoring';
import type { Article, Claim } from '../../shared/model';

/**
 * A draft claim without a verdict, anchored on the first occurrence of `phrase` in the article's
 * text, its statement the phrase; `fields` replace any of that.
 */
export function claimOn(article: Pick<Article, 'id' | 'text'>, id: string, phrase: string, fields: Partial<Claim> = {}): Claim {
  const start = article.text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the article`);
  return {
    id,
    articleId: article.id,
    target: describeRange(article.text, start, start + phrase.length),
    statement: phrase,
    claimant: '',
    verdict: { levelId: null, rationale: '', conclusion: '' },
    state: 'draft',
    createdAt: '2026-11-25T10:00:00.000Z',
    createdBy: 'Tester',
    ...fields,
  };
}
