/** What the workspace shows, derived from the session: current article, its claims, the selected claim. */
import { claimsForArticle, claimsInReadingOrder } from '../../../shared/claims';
import type { Article, Claim } from '../../../shared/model';
import type { Project } from '../../../shared/operations';

export function currentArticle(project: Project | null, articleId: string | null): Article | null {
  if (!project) return null;
  return project.articles.find((article) => article.id === articleId) ?? project.articles[0] ?? null;
}

export function articleClaims(project: Project | null, articleId: string | null): Claim[] {
  if (!project || !articleId) return [];
  return claimsInReadingOrder(claimsForArticle(project, articleId));
}
