/**
 * fast-check material for the operation registry's tests: random projects the loader accepts, and
 * for every operation type a random operation that fits a given project (or null when the project
 * has nothing it could apply to). `g` is fast-check's in-property generator (fc.gen()).
 */
import fc from 'fast-check';
import { snapEnd, snapStart } from '../../../../shared/anchoring/context';
import { countWords, joinBlocks } from '../../../../shared/articles/canonicalText';
import {
  ClaimStateSchema,
  SourceKindSchema,
  StanceSchema,
  type Article,
  type ArticleVersion,
  type Attachment,
  type Block,
  type Capture,
  type Claim,
  type ClaimAnchor,
  type ClaimTarget,
  type ClaimSourceLink,
  type Comment,
  type Correction,
  type Source,
} from '../../../../shared/model';
import { hasVerdict } from '../../../../shared/claims';
import type { ClaimAnchoring, LeafOperation, Project, VerdictLevelAssignment } from '../../../../shared/operations';
import { createEmptyProject } from '../../../../shared/projectFile';
import { SCALE_PRESETS } from '../../../../shared/scales/presets';
import { loadable } from '../../loadable';
import { sha256Hex } from '../../../../electron/services/intake/sha256';

export type Gen = fc.GeneratorValue;

const WORDS = ['the', 'strikes', 'killed', 'at', 'least', '75', 'people', 'minister', 'said', 'budget', 'grew', '4', 'percent', 'not', 'navy', 'قال', '東京', 'émigré', '😀'];
const TIME = '2026-11-25T09:00:00.000Z';

const pick = <T>(g: Gen, items: readonly T[]): T => items[g(fc.integer, { min: 0, max: items.length - 1 })];
const some = <T>(g: Gen, items: readonly T[]): T[] => items.filter(() => g(fc.boolean));
const text = (g: Gen, min = 0) => g(fc.string, { minLength: min, maxLength: 12 });
/** A value for an optional field: absent, or a non-empty text (empty would mean "not set"). */
const maybe = (g: Gen) => (g(fc.boolean) ? text(g, 1) : undefined);
const withDefined = <T extends object>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function paragraphs(g: Gen): Block[] {
  const count = g(fc.integer, { min: 1, max: 3 });
  return Array.from({ length: count }, () => ({
    type: 'paragraph' as const,
    text: Array.from({ length: g(fc.integer, { min: 1, max: 8 }) }, () => pick(g, WORDS)).join(' '),
  }));
}

function version(g: Gen): ArticleVersion {
  const blocks = paragraphs(g);
  const body = joinBlocks(blocks);
  return withDefined({
    importedAt: TIME,
    format: 'text' as const,
    metadata: {
      title: text(g),
      byline: maybe(g),
      siteName: maybe(g),
      url: maybe(g),
      language: maybe(g),
      direction: g(fc.boolean) ? pick(g, ['ltr', 'rtl'] as const) : undefined,
      wordCount: countWords(body),
    },
    blocks,
    text: body,
    textSha256: sha256Hex(body),
  });
}

/** A span of whole characters (never half of an emoji's surrogate pair). */
function span(g: Gen, body: string): ClaimTarget {
  const start = snapStart(body, g(fc.integer, { min: 0, max: body.length }));
  const end = snapEnd(body, g(fc.integer, { min: start, max: body.length }));
  return { position: { start, end }, quote: { exact: body.slice(start, end), prefix: body.slice(Math.max(0, start - 8), start), suffix: body.slice(end, end + 8) } };
}

function anchorOf(g: Gen, body: string): ClaimAnchor {
  return withDefined({
    status: pick(g, ['exact', 'moved', 'changed', 'orphaned'] as const),
    changes: g(fc.boolean) ? some(g, ['number', 'negation', 'name', 'wording'] as const) : undefined,
    checkedAt: g(fc.boolean) ? TIME : undefined,
    oldQuote: maybe(g),
    proposed: g(fc.boolean) ? span(g, body) : undefined,
    decision: g(fc.boolean) ? pick(g, ['accepted', 'retargeted', 'keptOrphaned'] as const) : undefined,
  });
}

/** A claim that is not approved (so no operation is refused by the lock unless a test approves it). */
export function claimIn(g: Gen, id: string, article: Pick<Article, 'id' | 'text'>, levels: readonly string[]): Claim {
  const tags = g(fc.boolean) ? [text(g, 1)] : undefined;
  return withDefined({
    id,
    articleId: article.id,
    target: span(g, article.text),
    statement: text(g),
    claimant: text(g),
    verdict: { levelId: levels.length && g(fc.boolean) ? pick(g, levels) : null, rationale: text(g), conclusion: text(g), previousLabel: maybe(g) },
    state: pick(g, ClaimStateSchema.options.filter((s) => s !== 'approved')),
    createdAt: TIME,
    createdBy: text(g),
    anchor: g(fc.boolean) ? anchorOf(g, article.text) : undefined,
    needsRecheck: g(fc.boolean) ? g(fc.boolean) : undefined,
    assignee: maybe(g),
    tags,
    dueDate: g(fc.boolean) ? pick(g, ['2026-11-30', '2027-01-05']) : undefined,
    factCheckUrl: maybe(g),
  });
}

/** An attachment whose hash is not among `taken` (a source holds each file once). */
function attachment(g: Gen, taken: readonly Attachment[] = []): Attachment {
  let n = taken.length;
  while (taken.some((a) => a.sha256 === hashOf(n))) n++;
  return { sha256: hashOf(n), ext: pick(g, ['pdf', 'html', 'png']), name: text(g, 1), size: g(fc.nat), addedAt: TIME };
}

const hashOf = (n: number) => n.toString(16).padStart(64, '0');

function capture(g: Gen, taken: readonly Capture[] = []): Capture {
  let n = taken.length;
  while (taken.some((c) => c.id === `k${n}`)) n++;
  const url = `https://example.org/${text(g, 1).replace(/\W/g, '')}`;
  return withDefined({
    id: `k${n}`,
    requestedUrl: url,
    finalUrl: url,
    httpStatus: pick(g, [200, 404, 410]),
    contentType: 'text/html',
    capturedAt: TIME,
    tool: { name: 'Factcheck workbench', version: '0.1.0', browser: 'Chrome' },
    warc: { sha256: hashOf(n), ext: 'warc', size: g(fc.nat), records: g(fc.nat) },
    screenshot: g(fc.boolean) ? { sha256: hashOf(n + 1), ext: 'png', size: g(fc.nat) } : undefined,
    title: maybe(g),
  });
}

export function sourceWith(g: Gen, id: string): Source {
  const first = attachment(g);
  return withDefined({
    id,
    url: text(g),
    title: text(g),
    publisher: text(g),
    accessedAt: text(g),
    author: maybe(g),
    publishedAt: maybe(g),
    kind: g(fc.boolean) ? pick(g, SourceKindSchema.options) : undefined,
    notes: maybe(g),
    withheld: g(fc.boolean) ? true : undefined,
    attachments: g(fc.boolean) ? [first, attachment(g, [first])] : undefined,
    captures: g(fc.boolean) ? [capture(g)] : undefined,
  });
}

function linkOf(g: Gen, id: string, claimId: string, sourceId: string): ClaimSourceLink {
  return withDefined({ id, claimId, sourceId, stance: g(fc.boolean) ? pick(g, StanceSchema.options) : undefined, excerpt: text(g), location: maybe(g) });
}

function commentOn(g: Gen, id: string, claimId: string): Comment {
  return { id, claimId, author: text(g), at: TIME, text: text(g) };
}

function correctionOf(g: Gen, id: string, claimId: string): Correction {
  return { id, claimId, author: text(g), at: TIME, text: text(g, 1) };
}

/**
 * A random project the loader accepts: 1–3 articles (some with earlier versions), at least one
 * claim, at least two sources (the last never linked), links, comments and attachments.
 */
export function projectWith(g: Gen): Project {
  const base = createEmptyProject({ id: 'p', title: text(g), createdAt: TIME });
  const levels = base.ratingScale.levels.map((l) => l.id);
  const articles: Article[] = Array.from({ length: g(fc.integer, { min: 1, max: 3 }) }, (_, i) => ({
    ...version(g),
    id: `a${i}`,
    previousVersions: g(fc.boolean) ? [version(g), ...(g(fc.boolean) ? [version(g)] : [])] : [],
  }));
  const claims = Array.from({ length: g(fc.integer, { min: 1, max: 5 }) }, (_, i) => claimIn(g, `c${i}`, pick(g, articles), levels));
  const sources = Array.from({ length: g(fc.integer, { min: 2, max: 4 }) }, (_, i) => sourceWith(g, `s${i}`));
  const linkable = sources.slice(0, -1);
  const links = Array.from({ length: g(fc.integer, { min: 1, max: 5 }) }, (_, i) => linkOf(g, `l${i}`, pick(g, claims).id, pick(g, linkable).id));
  const comments = Array.from({ length: g(fc.integer, { min: 0, max: 3 }) }, (_, i) => commentOn(g, `m${i}`, pick(g, claims).id));
  const corrections = Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, (_, i) => correctionOf(g, `f${i}`, pick(g, claims).id));
  const methodology = maybe(g);
  const dismissedSuggestions = g(fc.boolean) ? [{ articleId: pick(g, articles).id, text: text(g, 1) }] : [];
  const publication = g(fc.boolean) ? withDefined({ organisation: maybe(g), publishedAt: maybe(g) }) : undefined;
  const roles = ['owner', 'editor', 'checker'] as const;
  const members = Array.from({ length: g(fc.integer, { min: 0, max: 2 }) }, (_, i) => ({ name: text(g), publicKey: `ed25519:${'B'.repeat(43)}`, keyId: `key${i}`, role: pick(g, roles) }));
  return loadable({
    ...base,
    articles,
    claims,
    sources,
    links,
    ...(comments.length ? { comments } : {}),
    ...(corrections.length ? { corrections } : {}),
    ...(methodology ? { methodology } : {}),
    ...(dismissedSuggestions.length ? { dismissedSuggestions } : {}),
    ...(publication && Object.keys(publication).length ? { publication } : {}),
    ...(members.length ? { members } : {}),
  });
}

const fresh = (prefix: string, taken: readonly { id: string }[]) => {
  let n = taken.length;
  while (taken.some((item) => item.id === `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
};
const someIndex = (g: Gen, length: number) => (g(fc.boolean) ? g(fc.integer, { min: 0, max: length }) : undefined);
const articleOf = (p: Project, claim: Claim) => p.articles.find((a) => a.id === claim.articleId)!;

function anchoringFor(g: Gen, claim: Claim, body: string): ClaimAnchoring {
  return { claimId: claim.id, target: span(g, body), anchor: g(fc.boolean) ? anchorOf(g, body) : null, needsRecheck: g(fc.boolean) ? g(fc.boolean) : null };
}

type Builders = { [K in LeafOperation['type']]: (p: Project, g: Gen) => Extract<LeafOperation, { type: K }> | null };
type Builder<Op> = (p: Project, g: Gen) => Op | null;

/** A builder that needs at least one item in each of these lists (a batch may have removed them all). */
function needs<Op>(lists: readonly ('articles' | 'claims' | 'sources')[], build: Builder<Op>): Builder<Op> {
  return (p, g) => (lists.every((list) => p[list].length > 0) ? build(p, g) : null);
}

/** For every operation type, a random operation of that type that applies to `p` (null when none can). */
export const OPERATION_BUILDERS: Builders = {
  renameProject: (_p, g) => ({ type: 'renameProject', title: text(g) }),
  setMethodology: (_p, g) => ({ type: 'setMethodology', text: text(g) }),
  setRatingScale(p, g) {
    const scale = pick(g, SCALE_PRESETS).build();
    const ids = scale.levels.map((l) => l.id);
    const given = new Set(some(g, p.claims));
    const verdicts: VerdictLevelAssignment[] = [];
    for (const c of p.claims) {
      const approved = c.state === 'approved';
      if (given.has(c)) {
        const levelId = ids.length && (approved || g(fc.boolean)) ? pick(g, ids) : null;
        verdicts.push(withDefined({ claimId: c.id, levelId, previousLabel: maybe(g) }));
      } else if (c.verdict.levelId && !ids.includes(c.verdict.levelId)) {
        // As planScaleChange does: a level the new scale lacks is mapped, or cleared and flagged.
        verdicts.push(approved && ids.length ? { claimId: c.id, levelId: pick(g, ids) } : { claimId: c.id, levelId: null, previousLabel: c.verdict.levelId });
      }
    }
    // An approved claim keeps a verdict (on a "conclusion only" scale, its conclusion).
    const after = new Map(verdicts.map((v) => [v.claimId, v.levelId]));
    const unrated = p.claims.some((c) => c.state === 'approved' && !(after.has(c.id) ? after.get(c.id) : c.verdict.levelId) && !(ids.length === 0 && c.verdict.conclusion.trim()));
    return unrated ? null : { type: 'setRatingScale', scale, verdicts };
  },

  addArticle: needs(['sources'], (p, g) => {
    const article: Article = { ...version(g), id: fresh('a', p.articles), previousVersions: [] };
    const claims = g(fc.boolean) ? [claimIn(g, fresh('c', p.claims), article, p.ratingScale.levels.map((l) => l.id))] : [];
    const links = claims.length && g(fc.boolean) ? [linkOf(g, fresh('l', p.links), claims[0].id, pick(g, p.sources).id)] : [];
    return withDefined({ type: 'addArticle' as const, article, index: someIndex(g, p.articles.length), claims: claims.length ? claims : undefined, links: links.length ? links : undefined });
  }),
  removeArticle: needs(['articles'], (p, g) => ({ type: 'removeArticle', articleId: pick(g, p.articles).id })),
  renameArticle: needs(['articles'], (p, g) => ({ type: 'renameArticle', articleId: pick(g, p.articles).id, title: text(g) })),
  editArticleMetadata: needs(['articles'], (p, g) => {
    const changes = withDefined({
      title: g(fc.boolean) ? text(g) : undefined,
      byline: g(fc.boolean) ? text(g) : undefined,
      siteName: g(fc.boolean) ? text(g) : undefined,
      publishedAt: g(fc.boolean) ? text(g) : undefined,
      url: g(fc.boolean) ? text(g) : undefined,
      direction: g(fc.boolean) ? pick(g, ['ltr', 'rtl', ''] as const) : undefined,
    });
    return { type: 'editArticleMetadata', articleId: pick(g, p.articles).id, changes };
  }),

  addClaim: needs(['articles', 'sources'], (p, g) => {
    const claim = claimIn(g, fresh('c', p.claims), pick(g, p.articles), p.ratingScale.levels.map((l) => l.id));
    const links = g(fc.boolean) ? [linkOf(g, fresh('l', p.links), claim.id, pick(g, p.sources).id)] : undefined;
    return withDefined({ type: 'addClaim' as const, claim, index: someIndex(g, p.claims.length), links });
  }),
  deleteClaim: needs(['claims'], (p, g) => ({ type: 'deleteClaim', claimId: pick(g, p.claims).id })),
  editClaim: needs(['claims'], (p, g) => {
    const changes = withDefined({
      statement: g(fc.boolean) ? text(g) : undefined,
      claimant: g(fc.boolean) ? text(g) : undefined,
      state: g(fc.boolean) ? pick(g, ClaimStateSchema.options) : undefined,
      assignee: g(fc.boolean) ? text(g) : undefined,
      tags: g(fc.boolean) ? (g(fc.boolean) ? [text(g, 1)] : []) : undefined,
      dueDate: g(fc.boolean) ? pick(g, ['2026-12-01', '']) : undefined,
      factCheckUrl: g(fc.boolean) ? text(g) : undefined,
    });
    // An edit that approves a claim and changes its content could only be undone after a Reopen
    // (the lock's purpose); the old form that sets a state did not combine the two that way.
    const claim = pick(g, p.claims);
    if (changes.state === 'approved' && !hasVerdict(claim, p.ratingScale)) delete changes.state;
    return { type: 'editClaim', claimId: claim.id, changes: changes.state === 'approved' ? { state: 'approved' } : changes };
  }),
  setVerdict: needs(['claims'], (p, g) => {
    const levels = p.ratingScale.levels.map((l) => l.id);
    return withDefined({
      type: 'setVerdict' as const,
      claimId: pick(g, p.claims).id,
      levelId: g(fc.boolean) ? (levels.length && g(fc.boolean) ? pick(g, levels) : null) : undefined,
      rationale: g(fc.boolean) ? text(g) : undefined,
      conclusion: g(fc.boolean) ? text(g) : undefined,
    });
  }),
  addSource: (p, g) => withDefined({ type: 'addSource' as const, source: sourceWith(g, fresh('s', p.sources)), index: someIndex(g, p.sources.length) }),
  editSource: needs(['sources'], (p, g) => {
    const changes = withDefined({
      url: g(fc.boolean) ? text(g) : undefined,
      title: g(fc.boolean) ? text(g) : undefined,
      author: g(fc.boolean) ? text(g) : undefined,
      kind: g(fc.boolean) ? pick(g, [...SourceKindSchema.options, ''] as const) : undefined,
      notes: g(fc.boolean) ? text(g) : undefined,
      withheld: g(fc.boolean) ? g(fc.boolean) : undefined,
    });
    return { type: 'editSource', sourceId: pick(g, p.sources).id, changes };
  }),
  removeSource(p, g) {
    const unused = p.sources.filter((s) => !p.links.some((l) => l.sourceId === s.id));
    return unused.length ? { type: 'removeSource', sourceId: pick(g, unused).id } : null;
  },
  linkSource: needs(['claims', 'sources'], (p, g) => withDefined({ type: 'linkSource' as const, link: linkOf(g, fresh('l', p.links), pick(g, p.claims).id, pick(g, p.sources).id), index: someIndex(g, p.links.length) })),
  editLink(p, g) {
    if (!p.links.length) return null;
    const changes = withDefined({
      stance: g(fc.boolean) ? pick(g, [...StanceSchema.options, ''] as const) : undefined,
      excerpt: g(fc.boolean) ? text(g) : undefined,
      location: g(fc.boolean) ? text(g) : undefined,
    });
    return { type: 'editLink', linkId: pick(g, p.links).id, changes };
  },
  unlinkSource: (p, g) => (p.links.length ? { type: 'unlinkSource', linkId: pick(g, p.links).id } : null),

  changeState: needs(['claims'], (p, g) => {
    const claim = pick(g, p.claims);
    // Only a claim with a verdict can be approved.
    const states = ClaimStateSchema.options.filter((s) => s !== 'approved' || hasVerdict(claim, p.ratingScale));
    return withDefined({
      type: 'changeState' as const,
      claimId: claim.id,
      state: pick(g, states),
      action: g(fc.boolean) ? pick(g, ['startResearch', 'submit', 'requestChanges', 'approve', 'reopen'] as const) : undefined,
      override: g(fc.boolean) ? { reason: text(g, 1), skipped: g(fc.boolean) ? (['sources'] as const).slice() : ['readyForReview' as const, 'sources' as const] } : undefined,
    });
  }),
  postComment: needs(['claims'], (p, g) => withDefined({ type: 'postComment' as const, comment: commentOn(g, fresh('m', p.comments ?? []), pick(g, p.claims).id), index: someIndex(g, (p.comments ?? []).length) })),
  deleteComment(p, g) {
    // As in the app: a comment is deleted from the thread of a claim that is still there.
    const shown = (p.comments ?? []).filter((m) => p.claims.some((c) => c.id === m.claimId));
    return shown.length ? { type: 'deleteComment', commentId: pick(g, shown).id } : null;
  },

  attachFile: needs(['sources'], (p, g) => {
    const source = pick(g, p.sources);
    return withDefined({ type: 'attachFile' as const, sourceId: source.id, attachment: attachment(g, source.attachments), index: someIndex(g, (source.attachments ?? []).length) });
  }),
  detachFile(p, g) {
    const withFiles = p.sources.filter((s) => s.attachments?.length);
    if (!withFiles.length) return null;
    const source = pick(g, withFiles);
    return { type: 'detachFile', sourceId: source.id, sha256: pick(g, source.attachments!).sha256 };
  },

  attachCapture: needs(['sources'], (p, g) => {
    const source = pick(g, p.sources);
    return withDefined({ type: 'attachCapture' as const, sourceId: source.id, capture: capture(g, source.captures), index: someIndex(g, (source.captures ?? []).length) });
  }),
  detachCapture(p, g) {
    const withCaptures = p.sources.filter((s) => s.captures?.length);
    if (!withCaptures.length) return null;
    const source = pick(g, withCaptures);
    return { type: 'detachCapture', sourceId: source.id, captureId: pick(g, source.captures!).id };
  },
  dismissSuggestion: needs(['articles'], (p, g) => {
    const suggestion = { articleId: pick(g, p.articles).id, text: text(g, 1) };
    if ((p.dismissedSuggestions ?? []).some((d) => d.articleId === suggestion.articleId && d.text === suggestion.text)) return null;
    return withDefined({ type: 'dismissSuggestion' as const, suggestion, index: someIndex(g, (p.dismissedSuggestions ?? []).length) });
  }),
  restoreSuggestion: (p, g) => (p.dismissedSuggestions?.length ? { type: 'restoreSuggestion', suggestion: pick(g, p.dismissedSuggestions) } : null),
  setArchiving: (_p, g) => ({ type: 'setArchiving', archiving: g(fc.boolean) ? { saveToWayback: g(fc.boolean) } : null }),

  setPublication: (_p, g) =>
    withDefined({ type: 'setPublication' as const, changes: { organisation: g(fc.boolean) ? text(g) : undefined, publishedAt: g(fc.boolean) ? text(g) : undefined } }),
  addCorrection: needs(['claims'], (p, g) =>
    withDefined({
      type: 'addCorrection' as const,
      correction: correctionOf(g, fresh('f', p.corrections ?? []), pick(g, p.claims).id),
      index: someIndex(g, (p.corrections ?? []).length),
    })),
  removeCorrection(p, g) {
    const shown = (p.corrections ?? []).filter((f) => p.claims.some((c) => c.id === f.claimId));
    return shown.length ? { type: 'removeCorrection', correctionId: pick(g, shown).id } : null;
  },

  updateArticle: needs(['articles'], (p, g) => {
    const article = pick(g, p.articles);
    const restore = article.previousVersions.length > 0 && g(fc.boolean);
    // 'pop' restores the last earlier version (as undoing an update does); 'push' stores a new one.
    const next = restore ? article.previousVersions[article.previousVersions.length - 1] : version(g);
    // As planArticleUpdate does, every claim of the article gets its place in the new text.
    const claims = p.claims.filter((c) => c.articleId === article.id).map((c) => anchoringFor(g, c, next.text));
    return { type: 'updateArticle', articleId: article.id, version: next, previous: restore ? 'pop' : 'push', claims };
  }),
  reanchorClaim: needs(['claims'], (p, g) => {
    const claim = pick(g, p.claims);
    return { type: 'reanchorClaim', claim: anchoringFor(g, claim, articleOf(p, claim).text) };
  }),

  setMember(p, g) {
    const taken = p.members ?? [];
    const keyId = taken.length > 0 && g(fc.boolean) ? pick(g, taken).keyId : `k${taken.length}-${text(g, 1)}`;
    const member = { name: text(g), publicKey: `ed25519:${'A'.repeat(43)}`, keyId, role: pick(g, ['owner', 'editor', 'checker'] as const) };
    return withDefined({ type: 'setMember' as const, member, index: taken.some((m) => m.keyId === keyId) ? undefined : someIndex(g, taken.length) });
  },
  removeMember: (p, g) => ((p.members ?? []).length > 0 ? { type: 'removeMember', keyId: pick(g, p.members!).keyId } : null),
};
