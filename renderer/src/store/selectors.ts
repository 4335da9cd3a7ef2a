/** What the workspace shows, derived from the session: current article, its claims, the selected claim. */
import { claimsForArticle, claimsInReadingOrder } from '../../../shared/claims';
import type { Article, Claim } from '../../../shared/model';
import type { Project } from '../../../shared/operations';

export function currentArticle(project: Project | null, articleId: string | null): Article | null {
  if (!project) return null;
  return project.articles.find((article) => article.id === articleId) ?? project.articles[0] ?? null;
}

// Same claims list → same array, so a re-render that changed no claim (typing, a selection) does not
// make the reader re-place and repaint thousands of highlights.
const byClaims = new WeakMap<readonly Claim[], Map<string, Claim[]>>();
const NONE: Claim[] = [];

export function articleClaims(project: Project | null, articleId: string | null): Claim[] {
  if (!project || !articleId) return NONE;
  let cache = byClaims.get(project.claims);
  if (!cache) byClaims.set(project.claims, (cache = new Map()));
  let claims = cache.get(articleId);
  if (!claims) cache.set(articleId, (claims = claimsInReadingOrder(claimsForArticle(project, articleId))));
  return claims;
}
