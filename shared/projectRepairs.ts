/**
 * Repairs on load: a project file edited outside the app (or saved by an older version that let such
 * states through) is brought back to the rules of operations/invariants.ts where the repair loses
 * nothing the user could see or want — each repair is counted and said in words, shown when the
 * project opens, and nothing is written until the user changes something. What cannot be repaired
 * that way (a text that is not its blocks, duplicate ids, dangling references) is reported instead.
 */
import { anchor, anchorVerbatim, describeRange } from './anchoring';
import { withoutLoneSurrogates, hasLoneSurrogate } from './articles/wellFormed';
import type { Article, ArticleVersion, Claim, ClaimAnchor, ClaimTarget } from './model';
import { keepsOldSelectors, spanProblem, verdictGiven, type Project } from './operations';

/** SHA-256 (lowercase hex) of a text as UTF-8; supplied by the caller (shared/ has no cryptography). */
export type TextHasher = (text: string) => string;

export interface Repaired {
  project: Project;
  /** One sentence per kind of repair, e.g. "3 claims re-anchored after the file was edited outside the app". */
  repairs: string[];
}

export function repairProject(project: Project, sha256: TextHasher): Repaired {
  const repairs: string[] = [];
  const say = (count: number, one: string, many: string, rest: string) => {
    if (count > 0) repairs.push(`${count} ${count === 1 ? one : many} ${rest}`);
  };
  let next = project;

  const broken = repairLoneSurrogates(next);
  next = broken.project;
  say(broken.count, 'article text', 'article texts', 'had broken characters (lone surrogates), now shown as �');

  const levels = dropDuplicateLevels(next);
  next = levels.project;
  say(levels.count, 'rating level', 'rating levels', 'with an id used twice removed (the first of each id is kept)');

  const hashes = rehash(next, sha256);
  next = hashes.project;
  say(hashes.count, 'article text hash', 'article text hashes', 'did not match the text and were recomputed');

  const anchors = reanchorEdited(next);
  next = anchors.project;
  const lost = anchors.lost ? ` (${anchors.lost} no longer found as they were: marked for review)` : '';
  if (anchors.count > 0) repairs.push(`${anchors.count} ${anchors.count === 1 ? 'claim' : 'claims'} re-anchored after the file was edited outside the app${lost}`);

  const verdicts = clearUnknownLevels(next);
  next = verdicts.project;
  say(verdicts.count, 'verdict', 'verdicts', 'on a level that is not on the rating scale cleared (the old level is shown for review)');

  const approvals = unapproveWithoutVerdict(next);
  next = approvals.project;
  say(approvals.count, 'claim', 'claims', 'approved without a verdict sent back to Ready for review');

  const comments = dropDanglingComments(next);
  next = comments.project;
  say(comments.count, 'comment', 'comments', 'on claims that are no longer in the project removed');

  return { project: next, repairs };
}

interface Step {
  project: Project;
  count: number;
}

function mapArticles(project: Project, change: (article: Article) => Article | null): Step {
  let count = 0;
  const articles = project.articles.map((article) => {
    const changed = change(article);
    if (!changed) return article;
    count++;
    return changed;
  });
  return { project: count ? { ...project, articles } : project, count };
}

function mapClaims(project: Project, change: (claim: Claim) => Claim | null): Step {
  let count = 0;
  const claims = project.claims.map((claim) => {
    const changed = change(claim);
    if (!changed) return claim;
    count++;
    return changed;
  });
  return { project: count ? { ...project, claims } : project, count };
}

// ---------- lone surrogates: replaced in place (same length, so every offset stays valid) ----------

function wellFormedVersion<V extends ArticleVersion>(version: V): V | null {
  if (!hasLoneSurrogate(version.text) && !version.blocks.some((b) => hasLoneSurrogate(b.text))) return null;
  return { ...version, text: withoutLoneSurrogates(version.text), blocks: version.blocks.map((b) => (hasLoneSurrogate(b.text) ? { ...b, text: withoutLoneSurrogates(b.text) } : b)) };
}

function wellFormedTarget(target: ClaimTarget): ClaimTarget {
  const { exact, prefix, suffix } = target.quote;
  return { position: target.position, quote: { exact: withoutLoneSurrogates(exact), prefix: withoutLoneSurrogates(prefix), suffix: withoutLoneSurrogates(suffix) } };
}

function repairLoneSurrogates(project: Project): Step {
  const step = mapArticles(project, (article) => {
    const current = wellFormedVersion(article);
    const previous = article.previousVersions.map((v) => wellFormedVersion(v) ?? v);
    const olderChanged = previous.some((v, i) => v !== article.previousVersions[i]);
    if (!current && !olderChanged) return null;
    return { ...(current ?? article), previousVersions: olderChanged ? previous : article.previousVersions };
  });
  if (step.count === 0) return step;
  // The claims quote those texts: their quotes get the same replacement, so they still match.
  const claims = step.project.claims.map((claim) => {
    const quotes = [claim.target.quote.exact, claim.target.quote.prefix, claim.target.quote.suffix, claim.anchor?.proposed?.quote.exact ?? ''];
    if (!quotes.some(hasLoneSurrogate)) return claim;
    const next: Claim = { ...claim, target: wellFormedTarget(claim.target) };
    if (claim.anchor?.proposed) next.anchor = { ...claim.anchor, proposed: wellFormedTarget(claim.anchor.proposed) };
    return next;
  });
  return { project: { ...step.project, claims }, count: step.count };
}

// ---------- rating levels ----------

function dropDuplicateLevels(project: Project): Step {
  const seen = new Set<string>();
  const levels = project.ratingScale.levels.filter((level) => {
    if (seen.has(level.id)) return false;
    seen.add(level.id);
    return true;
  });
  const count = project.ratingScale.levels.length - levels.length;
  return { project: count ? { ...project, ratingScale: { ...project.ratingScale, levels } } : project, count };
}

function clearUnknownLevels(project: Project): Step {
  const levels = new Set(project.ratingScale.levels.map((l) => l.id));
  return mapClaims(project, (claim) => {
    const { levelId } = claim.verdict;
    if (levelId === null || levels.has(levelId)) return null;
    // As a scale change does with a level it cannot map: cleared, and the old one kept for the editor.
    return { ...claim, verdict: { ...claim.verdict, levelId: null, previousLabel: claim.verdict.previousLabel ?? (levelId || '(no level)') } };
  });
}

function unapproveWithoutVerdict(project: Project): Step {
  return mapClaims(project, (claim) => (claim.state === 'approved' && !verdictGiven(claim.verdict, project.ratingScale) ? { ...claim, state: 'readyForReview' } : null));
}

// ---------- text hashes ----------

function rehash(project: Project, sha256: TextHasher): Step {
  let count = 0;
  const fix = <V extends ArticleVersion>(version: V): V => {
    const hash = sha256(version.text);
    if (hash === version.textSha256) return version;
    count++;
    return { ...version, textSha256: hash };
  };
  const articles = project.articles.map((article) => {
    const before = count;
    const current = fix(article);
    const previousVersions = article.previousVersions.map(fix);
    return count === before ? article : { ...current, previousVersions };
  });
  return { project: count ? { ...project, articles } : project, count };
}

// ---------- claims whose selectors no longer fit the text ----------

function reanchorEdited(project: Project): Step & { lost: number } {
  const articles = new Map(project.articles.map((a) => [a.id, a]));
  let lost = 0;
  const step = mapClaims(project, (claim) => {
    const article = articles.get(claim.articleId);
    if (!article) return null;
    const text = article.text;
    let next = claim;
    if (!keepsOldSelectors(claim) && spanProblem(text, claim.target)) {
      next = reanchorClaim(claim, text, project);
      if (keepsOldSelectors(next)) lost++;
    }
    const proposed = next.anchor?.proposed;
    if (proposed && spanProblem(text, proposed)) next = reanchorProposed(next, proposed, text);
    return next === claim ? null : next;
  });
  return { ...step, lost };
}

/**
 * Above this length an article edited outside the app is searched on open for its claims' exact
 * words only: a search for changed wording through millions of characters would hold up opening,
 * and a claim not found is marked for review either way.
 */
const CHANGED_WORDING_SEARCH_MAX = 2_000_000;

function anchorOnOpen(text: string, target: ClaimTarget) {
  return text.length > CHANGED_WORDING_SEARCH_MAX ? anchorVerbatim(text, target) : anchor(text, target);
}

/** As an article update does: found → moved there; edited → changed (awaiting review); gone → orphaned. Nothing is dropped. */
function reanchorClaim(claim: Claim, text: string, project: Project): Claim {
  const found = anchorOnOpen(text, claim.target);
  const oldQuote = claim.target.quote.exact;
  const { anchor: _old, ...rest } = claim;
  if (found.status === 'exact' || found.status === 'moved') return { ...rest, target: describeRange(text, found.start, found.end), anchor: { status: 'moved' } };
  const withVerdict = verdictGiven(claim.verdict, project.ratingScale);
  if (found.status === 'changed') {
    const changed: ClaimAnchor = { status: 'changed', changes: found.changes, oldQuote, proposed: describeRange(text, found.start, found.end) };
    return { ...rest, anchor: changed, ...(withVerdict ? { needsRecheck: true } : {}) };
  }
  return { ...rest, anchor: { status: 'orphaned', oldQuote } };
}

function reanchorProposed(claim: Claim, proposed: ClaimTarget, text: string): Claim {
  const found = anchorOnOpen(text, proposed);
  const current = claim.anchor!;
  if (found.status === 'exact' || found.status === 'moved') return { ...claim, anchor: { ...current, proposed: describeRange(text, found.start, found.end) } };
  const { proposed: _gone, ...without } = current;
  // A changed claim whose new wording cannot be found any more awaits the checker as an orphan.
  const status = keepsOldSelectors(claim) ? 'orphaned' : without.status;
  return { ...claim, anchor: { ...without, status, oldQuote: without.oldQuote ?? claim.target.quote.exact } };
}

// ---------- comments ----------

function dropDanglingComments(project: Project): Step {
  const comments = project.comments ?? [];
  const claimIds = new Set(project.claims.map((c) => c.id));
  const kept = comments.filter((c) => claimIds.has(c.claimId));
  const count = comments.length - kept.length;
  if (count === 0) return { project, count };
  if (kept.length > 0) return { project: { ...project, comments: kept }, count };
  const { comments: _none, ...rest } = project;
  return { project: rest, count };
}
