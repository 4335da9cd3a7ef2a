/** Small selectors and predicates over a project's claims, used by the renderer, the services and the reports. */
import type { Article, Claim, ClaimSourceLink, RatingLevel, RatingScale, Source } from './model';
import { verdictGiven, type Project } from './operations';

type ProjectLists = Pick<Project, 'articles' | 'claims' | 'sources' | 'links'>;

/** The claims of one article, in the project's claim order. */
export function claimsForArticle(project: Pick<Project, 'claims'>, articleId: string): Claim[] {
  return project.claims.filter((claim) => claim.articleId === articleId);
}

/** Claims sorted by where they start in the text (then where they end); ties keep the project's order. */
export function claimsInReadingOrder(claims: readonly Claim[]): Claim[] {
  return claims
    .map((claim, index) => ({ claim, index }))
    .sort((a, b) => readsBefore(a.claim, b.claim) || a.index - b.index)
    .map(({ claim }) => claim);
}

/** Negative when `a` starts (then ends) before `b` in the text, 0 at the same place. */
function readsBefore(a: Claim, b: Claim): number {
  return a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end;
}

/**
 * `sorted` (claims in reading order) with `added` put in their places, each after the claims at the
 * same place: claimsInReadingOrder of the list followed by `added`, without sorting it all again
 * (Mark claim in a 5,000-claim article).
 */
export function withClaimsAdded(sorted: readonly Claim[], added: readonly Claim[]): Claim[] {
  const out = [...sorted];
  for (const claim of added) {
    let low = 0;
    let high = out.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (readsBefore(out[mid], claim) <= 0) low = mid + 1;
      else high = mid;
    }
    out.splice(low, 0, claim);
  }
  return out;
}

/** The source links of one claim, in the project's link order. */
export function linksForClaim(project: Pick<Project, 'links'>, claimId: string): ClaimSourceLink[] {
  return project.links.filter((link) => link.claimId === claimId);
}

/** The links that use one source (a source can be removed only when there are none). */
export function linksForSource(project: Pick<Project, 'links'>, sourceId: string): ClaimSourceLink[] {
  return project.links.filter((link) => link.sourceId === sourceId);
}

export function sourceById(project: Pick<ProjectLists, 'sources'>, id: string): Source | undefined {
  return project.sources.find((source) => source.id === id);
}

export function articleById(project: Pick<ProjectLists, 'articles'>, id: string): Article | undefined {
  return project.articles.find((article) => article.id === id);
}

export function claimById(project: Pick<ProjectLists, 'claims'>, id: string): Claim | undefined {
  return project.claims.find((claim) => claim.id === id);
}

/**
 * Whether a claim has a verdict a reader would see: a level of the scale, or — on a "conclusion
 * only" scale, which has no levels — a written conclusion. Used for the review warnings and to flag
 * a verdict for re-checking when the article's wording changes.
 */
export function hasVerdict(claim: Pick<Claim, 'verdict'>, scale: { readonly levels: readonly RatingLevel[] }): boolean {
  return verdictGiven(claim.verdict, scale);
}

/** A claim whose wording changed in an article update and awaits the checker's decision on the proposed span. */
export function isPendingChange(claim: Pick<Claim, 'anchor'>): boolean {
  return claim.anchor?.status === 'changed' && Boolean(claim.anchor.proposed) && !claim.anchor.decision;
}

/** The rating level with this id, or undefined (also for a null / missing verdict). */
export function levelById(scale: RatingScale, id: string | null | undefined): RatingLevel | undefined {
  if (id === null || id === undefined) return undefined;
  return scale.levels.find((level) => level.id === id);
}
