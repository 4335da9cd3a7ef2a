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

/**
 * Where two versions of a list differ: the first index that differs and the ends of the differing
 * spans (outside them both lists hold the same items at the same places). Operations change a few
 * items of long lists, so each list is walked once and only its span is compared after that.
 */
interface ListChange<T> {
  before: readonly T[];
  after: readonly T[];
  start: number;
  endBefore: number;
  endAfter: number;
}

function listChange<T>(before: readonly T[], after: readonly T[]): ListChange<T> {
  if (before === after) return { before, after, start: before.length, endBefore: before.length, endAfter: after.length };
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { before, after, start, endBefore, endAfter };
}

/** The items of `after` that are not (identically) in `before`. */
function changedItems<T>({ before, after, start, endBefore, endAfter }: ListChange<T>): T[] {
  if (start === endAfter) return [];
  const old = new Set<T>();
  for (let i = start; i < endBefore; i++) old.add(before[i]!);
  const changed: T[] = [];
  for (let i = start; i < endAfter; i++) if (!old.has(after[i]!)) changed.push(after[i]!);
  return changed;
}

/**
 * The ids of `before`'s changed span that `after`'s changed span does not hold: the ids `after` no
 * longer has. Outside the spans both lists hold the same items, and `before`'s ids are unique, so
 * the rest of `after` is not searched; were they not unique, the answer could only name too many
 * (and each use of it checks more, never less).
 */
function removedIds({ before, after, start, endBefore, endAfter }: ListChange<{ id: string }>): Set<string> {
  const gone = new Set<string>();
  if (start === endBefore) return gone;
  const nearby = new Set<string>();
  for (let i = start; i < endAfter; i++) nearby.add(after[i]!.id);
  for (let i = start; i < endBefore; i++) if (!nearby.has(before[i]!.id)) gone.add(before[i]!.id);
  return gone;
}

/** Whether every item of `after` has the id of the item at its place in `before` (the ids were unique before, so they still are). */
function sameIdsInPlace({ before, after, start, endAfter }: ListChange<{ id: string }>): boolean {
  if (before.length !== after.length) return false;
  for (let i = start; i < endAfter; i++) if (after[i] !== before[i] && after[i]!.id !== before[i]!.id) return false;
  return true;
}

/** Few changed items (one added claim, one comment) are looked for by comparing ids; many through a set. */
const FEW = 8;

/** An id of `changed` that occurs more than once in the list after the change, or undefined. */
function repeatedId(changed: readonly { id: string }[], change: ListChange<{ id: string }>): string | undefined {
  if (changed.length === 0 || sameIdsInPlace(change)) return undefined;
  const all = change.after;
  if (changed.length <= FEW) {
    for (const item of changed) {
      const id = item.id;
      let n = 0;
      for (let i = 0; i < all.length; i++) if (all[i]!.id === id && ++n > 1) return id;
    }
    return undefined;
  }
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

/** Asks whether a list holds an id: the first few questions by a scan, then through a set built once. */
function idLookup(items: readonly { id: string }[]): (id: string) => boolean {
  let asked = 0;
  let ids: Set<string> | null = null;
  return (id) => {
    if (ids) return ids.has(id);
    if (++asked <= FEW) {
      for (let i = 0; i < items.length; i++) if (items[i]!.id === id) return true;
      return false;
    }
    ids = new Set(items.map((item) => item.id));
    return ids.has(id);
  };
}

function firstProblem(before: Project, after: Project): string | undefined {
  const levelsChanged = after.ratingScale !== before.ratingScale;
  if (levelsChanged) {
    const duplicate = duplicateIds(after.ratingScale.levels, 'ratingScale.levels', 'rating level')[0];
    if (duplicate) return `the rating scale would have two levels with one id: ${duplicate.message}`;
  }

  // Articles: new or changed versions, ids, and no claim left on an article that is gone.
  const articleChange = listChange(before.articles, after.articles);
  const changedArticles = changedItems(articleChange);
  const retexted = new Set<string>();
  if (changedArticles.length > 0) {
    const oldArticles = new Map(before.articles.map((a) => [a.id, a]));
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
  }
  const repeatedArticle = repeatedId(changedArticles, articleChange);
  if (repeatedArticle) return `the article id "${repeatedArticle}" is used twice`;

  // Claims: every claim that changed, or whose article's text or scale changed, is checked whole.
  const claimChange = listChange(before.claims, after.claims);
  const changedClaimList = changedItems(claimChange);
  const changedClaims = new Set(changedClaimList);
  const goneArticles = removedIds(articleChange);
  const everyClaim = levelsChanged || retexted.size > 0 || goneArticles.size > 0;
  if (everyClaim || changedClaims.size > 0) {
    const articles = new Map(after.articles.map((a) => [a.id, a]));
    const levels = new Set(after.ratingScale.levels.map((l) => l.id));
    for (const claim of everyClaim ? after.claims : changedClaimList) {
      if (!(changedClaims.has(claim) || levelsChanged || retexted.has(claim.articleId) || goneArticles.has(claim.articleId))) continue;
      const problem = claimProblems(claim, articles, levels, after.ratingScale, 'claim')[0];
      if (problem) return problem.message;
    }
  }
  const repeatedClaim = repeatedId(changedClaimList, claimChange);
  if (repeatedClaim) return `the claim id "${repeatedClaim}" is used twice`;

  // Links and comments name a claim (and a source) that is there.
  const hasClaim = idLookup(after.claims);
  const goneClaims = removedIds(claimChange);
  const sourceChange = listChange(before.sources, after.sources);
  const goneSources = removedIds(sourceChange);
  const linkChange = listChange(before.links, after.links);
  const changedLinkList = changedItems(linkChange);
  const changedLinks = new Set(changedLinkList);
  const hasSource = idLookup(after.sources);
  for (const link of goneClaims.size || goneSources.size ? after.links : changedLinkList) {
    const checkClaim = changedLinks.has(link) || goneClaims.has(link.claimId);
    const checkSource = changedLinks.has(link) || goneSources.has(link.sourceId);
    if (checkClaim && !hasClaim(link.claimId)) return `source link "${link.id}" refers to claim "${link.claimId}", which is not in the project`;
    if (checkSource && !hasSource(link.sourceId)) return `source link "${link.id}" refers to source "${link.sourceId}", which is not in the project`;
  }
  const repeatedLink = repeatedId(changedLinkList, linkChange);
  if (repeatedLink) return `the source link id "${repeatedLink}" is used twice`;
  const repeatedSource = repeatedId(changedItems(sourceChange), sourceChange);
  if (repeatedSource) return `the source id "${repeatedSource}" is used twice`;

  const commentChange = listChange(before.comments ?? [], after.comments ?? []);
  const changedCommentList = changedItems(commentChange);
  const changedComments = new Set(changedCommentList);
  for (const comment of goneClaims.size ? commentChange.after : changedCommentList) {
    if ((changedComments.has(comment) || goneClaims.has(comment.claimId)) && !hasClaim(comment.claimId)) {
      return `comment "${comment.id}" is on claim "${comment.claimId}", which is not in the project`;
    }
  }
  const repeatedComment = repeatedId(changedCommentList, commentChange);
  if (repeatedComment) return `the comment id "${repeatedComment}" is used twice`;
  return undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
