/** What the workspace shows, derived from the session: current article, its claims, the selected claim. */
import { claimsForArticle, claimsInReadingOrder, withClaimsAdded } from '../../../shared/claims';
import type { Article, Claim } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { sharedStart } from '../../../shared/sharedStart';

export function currentArticle(project: Project | null, articleId: string | null): Article | null {
  if (!project) return null;
  return project.articles.find((article) => article.id === articleId) ?? project.articles[0] ?? null;
}

// Same claims list → same array, so a re-render that changed no claim (typing, a selection) does not
// make the reader re-place and repaint thousands of highlights.
const byClaims = new WeakMap<readonly Claim[], Map<string, Claim[]>>();
const NONE: Claim[] = [];
// The claims list seen last: a list that only adds claims at its end (Mark claim) puts them into
// the article's order found for it instead of sorting thousands again.
let lastClaims: readonly Claim[] | null = null;

export function articleClaims(project: Project | null, articleId: string | null): Claim[] {
  if (!project || !articleId) return NONE;
  let cache = byClaims.get(project.claims);
  if (!cache) byClaims.set(project.claims, (cache = new Map()));
  let claims = cache.get(articleId);
  if (!claims) cache.set(articleId, (claims = inReadingOrder(project, articleId)));
  lastClaims = project.claims;
  return claims;
}

function inReadingOrder(project: Project, articleId: string): Claim[] {
  const all = project.claims;
  const before = lastClaims && all.length > lastClaims.length && sharedStart(all, lastClaims) === lastClaims.length ? byClaims.get(lastClaims)?.get(articleId) : undefined;
  if (before) return withClaimsAdded(before, claimsForArticle({ claims: all.slice(lastClaims!.length) }, articleId));
  return claimsInReadingOrder(claimsForArticle(project, articleId));
}
