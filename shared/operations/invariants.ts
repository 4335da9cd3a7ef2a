/**
 * What must hold between the parts of a project beyond its schema — the rules the loader checks —
 * and the reducer's per-operation guard: after each operation only what it changed is checked
 * (items are compared by identity: every operation copies what it changes and shares the rest), so
 * a saved project always reopens without re-validating the whole file on every save.
 *
 *   ids         articles, claims, sources, links, comments and scale levels have unique ids
 *   articles    text = blocks joined by blank lines, without lone surrogates (every version)
 *   claims      in an article of the project; a claim on current selectors (no anchor status,
 *               exact, moved, or a changed/orphaned one accepted or re-targeted) lies inside the
 *               text, on whole characters, with `quote.exact` equal to the text there; one still
 *               marked changed or orphaned keeps its old selectors (from an earlier version) on
 *               purpose; a proposed span lies inside the text likewise
 *   verdicts    a level of the project's scale or none; an approved claim has a verdict
 *   references  links name a claim and a source of the project, comments a claim
 */
import { joinBlocks } from '../articles/canonicalText';
import { hasLoneSurrogate, splitsSurrogatePair } from '../articles/wellFormed';
import type { Article, ArticleVersion, Claim, ClaimTarget, RatingLevel, Verdict } from '../model';
import { OperationError } from './errors';
import type { Project } from './schema';

/**
 * Whether a verdict is one a reader would see: a level of the scale, or — on a "conclusion only"
 * scale, which has no levels — a written conclusion.
 */
export function verdictGiven(verdict: Pick<Verdict, 'levelId' | 'conclusion'>, scale: { readonly levels: readonly RatingLevel[] }): boolean {
  return Boolean(verdict.levelId) || (scale.levels.length === 0 && verdict.conclusion.trim() !== '');
}

/** A claim still marked changed or orphaned (not accepted, not re-targeted) keeps the selectors it had in an earlier version. */
export function keepsOldSelectors(claim: Pick<Claim, 'anchor'>): boolean {
  const anchor = claim.anchor;
  if (!anchor || (anchor.status !== 'changed' && anchor.status !== 'orphaned')) return false;
  return anchor.decision !== 'accepted' && anchor.decision !== 'retargeted';
}

/** A rule a project breaks: where in the file (e.g. "claims[3].target") and what, naming the item. */
export interface Problem {
  path: string;
  message: string;
}

/** "claims[3].target: claim "c1" …", as the loader words it. */
export function describeProblem(problem: Problem): string {
  return `${problem.path}: ${problem.message}`;
}

/** Why a span is not a span of `text` (outside it, cutting a character, or quoting other words), or null. */
export function spanProblem(text: string, target: ClaimTarget): string | null {
  const { start, end } = target.position;
  if (!(start <= end && end <= text.length)) return `${start}–${end} lies outside the article's text (length ${text.length})`;
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) return `${start}–${end} cuts a character in half`;
  if (text.slice(start, end) !== target.quote.exact) return `the text at ${start}–${end} is not its quote "${clip(target.quote.exact)}"`;
  return null;
}

/** Problems of one article version (`what` names it): its text must be its blocks joined, with no lone surrogate. */
export function articleVersionProblems(version: Pick<ArticleVersion, 'text' | 'blocks'>, path: string, what: string): Problem[] {
  const problems: Problem[] = [];
  if (joinBlocks(version.blocks) !== version.text) problems.push({ path: `${path}.text`, message: `the text of ${what} is not its blocks joined by blank lines` });
  if (hasLoneSurrogate(version.text)) problems.push({ path: `${path}.text`, message: `the text of ${what} holds a lone surrogate (a broken character)` });
  return problems;
}

/** Problems of one claim's selectors against its article's current text. */
export function claimSpanProblems(claim: Claim, text: string, path: string): Problem[] {
  const problems: Problem[] = [];
  if (!keepsOldSelectors(claim)) {
    const problem = spanProblem(text, claim.target);
    if (problem) problems.push({ path: `${path}.target`, message: `claim "${claim.id}": ${problem}` });
  } else if (claim.target.position.start > claim.target.position.end) {
    problems.push({ path: `${path}.target.position`, message: `claim "${claim.id}" starts after it ends` });
  }
  const proposed = claim.anchor?.proposed;
  if (proposed) {
    const problem = spanProblem(text, proposed);
    if (problem) problems.push({ path: `${path}.anchor.proposed`, message: `the span proposed for claim "${claim.id}": ${problem}` });
  }
  return problems;
}

/** Problems of one claim's verdict: a level of the scale (or none), and a verdict when approved. */
export function verdictProblems(claim: Claim, levels: ReadonlySet<string>, scale: { readonly levels: readonly RatingLevel[] }, path: string): Problem[] {
  const { levelId } = claim.verdict;
  if (levelId !== null && !levels.has(levelId)) {
    return [{ path: `${path}.verdict.levelId`, message: `the verdict "${levelId}" of claim "${claim.id}" is not a level of the project's rating scale` }];
  }
  if (claim.state === 'approved' && !verdictGiven(claim.verdict, scale)) {
    return [{ path: `${path}.state`, message: `claim "${claim.id}" is approved without a verdict` }];
  }
  return [];
}

/** Every problem of one claim: its article, selectors and verdict. */
export function claimProblems(claim: Claim, articles: ReadonlyMap<string, Article>, levels: ReadonlySet<string>, scale: Project['ratingScale'], path: string): Problem[] {
  const article = articles.get(claim.articleId);
  const problems = article
    ? claimSpanProblems(claim, article.text, path)
    : [{ path: `${path}.articleId`, message: `claim "${claim.id}" refers to article "${claim.articleId}", which is not in the project` }];
  return [...problems, ...verdictProblems(claim, levels, scale, path)];
}

/** One problem for every repeated id of a list (`what`: "claim", "comment"…). */
export function duplicateIds(items: readonly { id: string }[], path: string, what: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) problems.push({ path: `${path}[${i}].id`, message: `the id "${item.id}" is used twice (${what}s)` });
    seen.add(item.id);
  });
  return problems;
}

// ---------- the reducer's guard ----------

/** Throws OperationError when `after` (the result of one operation on `before`) breaks a rule the loader checks. */
export function assertInvariantsKept(before: Project, after: Project): void {
  const problem = firstProblem(before, after);
  if (problem) throw new OperationError(capitalize(problem));
}

/** The items of `after` that are not (identically) in `before`. */
function changedItems<T>(before: readonly T[], after: readonly T[]): T[] {
  if (before === after) return [];
  // Operations change a few items of long lists: only the span between the unchanged ends is compared.
  const [start, endBefore, endAfter] = changedSpan(before, after);
  if (start === endAfter) return [];
  const old = new Set(before.slice(start, endBefore));
  return after.slice(start, endAfter).filter((item) => !old.has(item));
}

/** Where two versions of a list differ: the first index that differs, and the ends of the differing spans. */
function changedSpan<T>(before: readonly T[], after: readonly T[]): [number, number, number] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return [start, endBefore, endAfter];
}

/** The ids of `before` that `after` no longer has. */
function removedIds(before: readonly { id: string }[], after: readonly { id: string }[]): Set<string> {
  if (before === after || before.length === 0) return new Set();
  const [start, endBefore, endAfter] = changedSpan(before, after);
  if (start === endBefore) return new Set();
  const nearby = new Set(after.slice(start, endAfter).map((item) => item.id));
  const candidates = before.slice(start, endBefore).filter((item) => !nearby.has(item.id));
  if (candidates.length === 0) return new Set();
  const now = new Set(after.map((item) => item.id));
  return new Set(candidates.filter((item) => !now.has(item.id)).map((item) => item.id));
}

/** Whether every item of `after` has the id of the item at its place in `before` (the ids were unique before, so they still are). */
function sameIdsInPlace(before: readonly { id: string }[], after: readonly { id: string }[]): boolean {
  if (before === after) return true;
  if (before.length !== after.length) return false;
  for (let i = 0; i < after.length; i++) if (after[i] !== before[i] && after[i]!.id !== before[i]!.id) return false;
  return true;
}

/** An id of `changed` that occurs more than once in `all`, or undefined. */
function repeatedId(changed: readonly { id: string }[], all: readonly { id: string }[], before?: readonly { id: string }[]): string | undefined {
  if (changed.length === 0) return undefined;
  if (before && sameIdsInPlace(before, all)) return undefined;
  const ids = new Set(changed.map((item) => item.id));
  const counts = new Map<string, number>();
  for (const item of all) {
    if (!ids.has(item.id)) continue;
    const n = (counts.get(item.id) ?? 0) + 1;
    if (n > 1) return item.id;
    counts.set(item.id, n);
  }
  return undefined;
}

function firstProblem(before: Project, after: Project): string | undefined {
  const levelsChanged = after.ratingScale !== before.ratingScale;
  if (levelsChanged) {
    const duplicate = duplicateIds(after.ratingScale.levels, 'ratingScale.levels', 'rating level')[0];
    if (duplicate) return `the rating scale would have two levels with one id: ${duplicate.message}`;
  }

  // Articles: new or changed versions, ids, and no claim left on an article that is gone.
  const changedArticles = changedItems(before.articles, after.articles);
  const oldArticles = new Map(before.articles.map((a) => [a.id, a]));
  const retexted = new Set<string>();
  for (const article of changedArticles) {
    const old = oldArticles.get(article.id);
    if (!old || old.text !== article.text || old.blocks !== article.blocks) {
      retexted.add(article.id);
      const problem = articleVersionProblems(article, 'article', `article "${article.id}"`)[0];
      if (problem) return problem.message;
    }
    const known = new Set(old?.previousVersions ?? []);
    for (const version of article.previousVersions) {
      if (known.has(version)) continue;
      const problem = articleVersionProblems(version, 'article', `an earlier version of article "${article.id}"`)[0];
      if (problem) return problem.message;
    }
  }
  const repeatedArticle = repeatedId(changedArticles, after.articles, before.articles);
  if (repeatedArticle) return `the article id "${repeatedArticle}" is used twice`;

  // Claims: every claim that changed, or whose article's text or scale changed, is checked whole.
  const changedClaims = new Set(changedItems(before.claims, after.claims));
  const articles = new Map(after.articles.map((a) => [a.id, a]));
  const goneArticles = removedIds(before.articles, after.articles);
  const levels = new Set(after.ratingScale.levels.map((l) => l.id));
  const everyClaim = levelsChanged || retexted.size > 0 || goneArticles.size > 0;
  for (const claim of everyClaim ? after.claims : changedClaims) {
    if (!(changedClaims.has(claim) || levelsChanged || retexted.has(claim.articleId) || goneArticles.has(claim.articleId))) continue;
    const problem = claimProblems(claim, articles, levels, after.ratingScale, 'claim')[0];
    if (problem) return problem.message;
  }
  const repeatedClaim = repeatedId([...changedClaims], after.claims, before.claims);
  if (repeatedClaim) return `the claim id "${repeatedClaim}" is used twice`;

  // Links and comments name a claim (and a source) that is there.
  let claimIdSet: Set<string> | null = null;
  const claimIds = () => (claimIdSet ??= new Set(after.claims.map((c) => c.id)));
  const goneClaims = removedIds(before.claims, after.claims);
  const goneSources = removedIds(before.sources, after.sources);
  const changedLinks = new Set(changedItems(before.links, after.links));
  const sourceIds = goneSources.size || changedLinks.size ? new Set(after.sources.map((s) => s.id)) : null;
  for (const link of goneClaims.size || goneSources.size || changedLinks.size ? after.links : []) {
    const checkClaim = changedLinks.has(link) || goneClaims.has(link.claimId);
    const checkSource = changedLinks.has(link) || goneSources.has(link.sourceId);
    if (checkClaim && !claimIds().has(link.claimId)) return `source link "${link.id}" refers to claim "${link.claimId}", which is not in the project`;
    if (checkSource && !sourceIds!.has(link.sourceId)) return `source link "${link.id}" refers to source "${link.sourceId}", which is not in the project`;
  }
  const repeatedLink = repeatedId([...changedLinks], after.links, before.links);
  if (repeatedLink) return `the source link id "${repeatedLink}" is used twice`;
  const repeatedSource = repeatedId(changedItems(before.sources, after.sources), after.sources, before.sources);
  if (repeatedSource) return `the source id "${repeatedSource}" is used twice`;

  const beforeComments = before.comments ?? [];
  const afterComments = after.comments ?? [];
  const changedComments = new Set(changedItems(beforeComments, afterComments));
  for (const comment of goneClaims.size || changedComments.size ? afterComments : []) {
    if ((changedComments.has(comment) || goneClaims.has(comment.claimId)) && !claimIds().has(comment.claimId)) {
      return `comment "${comment.id}" is on claim "${comment.claimId}", which is not in the project`;
    }
  }
  const repeatedComment = repeatedId([...changedComments], afterComments, beforeComments);
  if (repeatedComment) return `the comment id "${repeatedComment}" is used twice`;
  return undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
