/**
 * Hostile operation arguments and annotation files for the property test (apply → save → load) and
 * the fuzz harness: the audit's known cases (levels off the scale, duplicate levels, a shorter article
 * left unanchored, broken characters, oversized text, approvals without a verdict, dangling comments,
 * wrong hashes…) and random mutations of valid operations (a value replaced by one of the wrong kind,
 * a key dropped, `__proto__` keys). `g` is fast-check's in-property generator (fc.gen()).
 */
import fc from 'fast-check';
import { countWords, joinBlocks } from '../../../../shared/articles/canonicalText';
import { buildAnnotationCollection } from '../../../../shared/interop/webAnnotation';
import { TEXT_LIMITS } from '../../../../shared/limits';
import type { ArticleVersion, Claim } from '../../../../shared/model';
import type { Change, LeafOperation, Operation, Project } from '../../../../shared/operations';
import { sha256Hex } from '../../../../electron/services/intake/sha256';
import { claimIn, OPERATION_BUILDERS, type Gen } from './arbitraries';

const pick = <T>(g: Gen, items: readonly T[]): T => items[g(fc.integer, { min: 0, max: items.length - 1 })];
const TIME = '2026-11-25T09:00:00.000Z';

/** A text one character over a limit (the article-text limit is left to the long fuzz run: 32 MiB per case). */
function overLimit(g: Gen): string {
  const kinds = (Object.keys(TEXT_LIMITS) as (keyof typeof TEXT_LIMITS)[]).filter((k) => k !== 'articleText');
  return 'x'.repeat(TEXT_LIMITS[pick(g, kinds)].max + 1);
}

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Values of the wrong kind, or of the right kind that mean trouble (ids of other things, broken characters). */
export function hostileValue(p: Project, g: Gen): unknown {
  const ids = [...p.articles, ...p.claims, ...p.sources, ...p.links, ...p.ratingScale.levels, ...(p.comments ?? [])].map((x) => x.id);
  const choices: (() => unknown)[] = [
    () => '',
    () => 'no-such-id',
    () => '__proto__',
    () => 'constructor',
    () => (ids.length ? pick(g, ids) : 'x'),
    () => -1,
    () => 1.5,
    () => 2 ** 53,
    () => 1e9,
    () => null,
    () => true,
    () => [],
    () => ({}),
    () => '\uD800',
    () => 'a\uDC00b',
    () => '😀'.slice(0, 1),
    () => overLimit(g),
    () => nested(g(fc.integer, { min: 2, max: 2000 })),
    () => JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
  ];
  return pick(g, choices)();
}

type Json = Record<string, unknown> | unknown[];

/** Every path to a value inside `value` (bounded), root excluded. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (out.length > 500 || value === null || typeof value !== 'object') return out;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const path = [...prefix, key];
    out.push(path);
    paths(child, path, out);
  }
  return out;
}

/** A copy of `value` with one random mutation: a value replaced, a key dropped, or a `__proto__` key added. */
export function mutateJson<T>(value: T, p: Project, g: Gen): T {
  const copy = JSON.parse(JSON.stringify(value)) as T;
  const all = paths(copy);
  if (all.length === 0) return copy;
  const path = pick(g, all);
  let parent = copy as unknown as Json;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key] as Json;
  const key = path[path.length - 1]!;
  const kind = g(fc.integer, { min: 0, max: 9 });
  if (kind === 0 && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key as string];
  else if (kind === 1 && !Array.isArray(parent)) Object.defineProperty(parent, '__proto__', { value: { polluted: 'yes' }, enumerable: true, configurable: true, writable: true });
  else (parent as Record<string | number, unknown>)[key] = hostileValue(p, g);
  return copy;
}

const LEAF_TYPES = Object.keys(OPERATION_BUILDERS) as LeafOperation['type'][];

/** A random operation that fits `p` (null when the chosen type has nothing to apply to). */
export function validOperation(p: Project, g: Gen): LeafOperation | null {
  const type = pick(g, LEAF_TYPES);
  return (OPERATION_BUILDERS[type] as (p: Project, g: Gen) => LeafOperation | null)(p, g);
}

function versionOf(paragraphs: string[], hash = true): ArticleVersion {
  const blocks = paragraphs.map((text) => ({ type: 'paragraph' as const, text }));
  const text = joinBlocks(blocks);
  return { importedAt: TIME, format: 'text', metadata: { title: 'Hostile', wordCount: countWords(text) }, blocks, text, textSha256: hash ? sha256Hex(text) : 'f'.repeat(64) };
}

const claimOf = (p: Project, g: Gen): Claim | undefined => (p.claims.length ? pick(g, p.claims) : undefined);

/** The audit's cases, each an operation the loader would have rejected once applied (null when `p` has nothing to aim at). */
export const TARGETED: Record<string, (p: Project, g: Gen) => Operation | null> = {
  addClaimLevelOffScale: (p, g) => {
    const article = p.articles[0];
    if (!article) return null;
    const claim = claimIn(g, `c-off-${p.claims.length}`, article, ['no-such-level']);
    return { type: 'addClaim', claim: { ...claim, verdict: { ...claim.verdict, levelId: 'no-such-level' } } };
  },
  setVerdictLevelOffScale: (p, g) => (claimOf(p, g) ? { type: 'setVerdict', claimId: claimOf(p, g)!.id, levelId: 'no-such-level' } : null),
  scaleWithDuplicateIds: (p) => {
    const [first, second, ...rest] = p.ratingScale.levels;
    if (!first || !second) return null;
    return { type: 'setRatingScale', scale: { ...p.ratingScale, levels: [first, { ...second, id: first.id }, ...rest] }, verdicts: [] };
  },
  scaleDroppingUsedLevel: (p) => {
    const used = p.claims.find((c) => c.verdict.levelId)?.verdict.levelId;
    if (!used) return null;
    return { type: 'setRatingScale', scale: { ...p.ratingScale, levels: p.ratingScale.levels.filter((l) => l.id !== used) }, verdicts: [] };
  },
  shorterArticleLeftUnanchored: (p, g) => {
    const article = p.articles.length ? pick(g, p.articles) : undefined;
    return article ? { type: 'updateArticle', articleId: article.id, version: versionOf(['Short.']), previous: 'push', claims: [] } : null;
  },
  articleTextNotItsBlocks: (p, g) => {
    const article = p.articles.length ? pick(g, p.articles) : undefined;
    if (!article) return null;
    const version = versionOf(['One paragraph.', 'Two.']);
    const text = `${version.text} and more`;
    return { type: 'updateArticle', articleId: article.id, version: { ...version, text, textSha256: sha256Hex(text) }, previous: 'push', claims: [] };
  },
  articleWithLoneSurrogate: (p) => ({ type: 'addArticle', article: { ...versionOf(['Broken \uD800 character.']), id: `a-lone-${p.articles.length}`, previousVersions: [] } }),
  articleWithWrongHash: (p) => ({ type: 'addArticle', article: { ...versionOf(['A text.'], false), id: `a-hash-${p.articles.length}`, previousVersions: [] } }),
  claimSplittingEmoji: (p) => {
    const version = versionOf(['😀 emoji first.']);
    const id = `a-emoji-${p.articles.length}`;
    const claim: Claim = {
      id: `c-emoji-${p.claims.length}`,
      articleId: id,
      target: { position: { start: 1, end: 4 }, quote: { exact: version.text.slice(1, 4), prefix: '', suffix: '' } },
      statement: 's',
      claimant: '',
      verdict: { levelId: null, rationale: '', conclusion: '' },
      state: 'draft',
      createdAt: TIME,
      createdBy: 'x',
    };
    return { type: 'addArticle', article: { ...version, id, previousVersions: [] }, claims: [claim] };
  },
  claimQuotingOtherWords: (p, g) => {
    const article = p.articles[0];
    if (!article) return null;
    const { anchor: _none, ...claim } = claimIn(g, `c-quote-${p.claims.length}`, article, ['x']);
    return { type: 'addClaim', claim: { ...claim, verdict: { ...claim.verdict, levelId: null }, target: { ...claim.target, quote: { ...claim.target.quote, exact: `${claim.target.quote.exact}!` } } } };
  },
  approveWithoutVerdict: (p, g) => {
    const claim = p.claims.find((c) => !c.verdict.levelId && c.state !== 'approved') ?? claimOf(p, g);
    return claim ? { type: 'changeState', claimId: claim.id, state: 'approved', action: 'approve' } : null;
  },
  addApprovedWithoutVerdict: (p, g) => {
    const article = p.articles[0];
    if (!article) return null;
    const claim = claimIn(g, `c-appr-${p.claims.length}`, article, ['x']);
    return { type: 'addClaim', claim: { ...claim, state: 'approved', verdict: { ...claim.verdict, levelId: null, conclusion: '' } } };
  },
  commentOnMissingClaim: (p) => ({ type: 'postComment', comment: { id: `m-x-${(p.comments ?? []).length}`, claimId: 'no-such-claim', author: 'A', at: TIME, text: 'x' } }),
  commentWithUsedId: (p, g) => {
    const comment = p.comments?.[0];
    const claim = claimOf(p, g);
    return comment && claim ? { type: 'postComment', comment: { ...comment, claimId: claim.id, text: 'again' } } : null;
  },
  proposedOutsideText: (p, g) => {
    const claim = claimOf(p, g);
    if (!claim) return null;
    const far = { position: { start: 10_000, end: 10_005 }, quote: { exact: 'xxxxx', prefix: '', suffix: '' } };
    return { type: 'reanchorClaim', claim: { claimId: claim.id, target: claim.target, anchor: { status: 'changed', proposed: far }, needsRecheck: null } };
  },
  oversizedTitle: (_p, g) => ({ type: 'renameProject', title: g(fc.boolean) ? 'x'.repeat(501) : 'x'.repeat(5 * 1024 * 1024) }),
  oversizedNotes: (p) => (p.sources[0] ? { type: 'editSource', sourceId: p.sources[0].id, changes: { notes: 'x'.repeat(1_000_001) } } : null),
  deleteClaimWithComments: (p) => {
    const id = p.comments?.[0]?.claimId;
    return id && p.claims.some((c) => c.id === id && c.state !== 'approved') ? { type: 'deleteClaim', claimId: id } : null;
  },
};

const TARGETED_NAMES = Object.keys(TARGETED);

/** One change for a random sequence: a valid operation, an audit case, a mutated operation, a mixed batch, undo or redo. */
export function hostileChange(p: Project, g: Gen): { change: Change; kind: string } | null {
  const roll = g(fc.integer, { min: 0, max: 9 });
  if (roll === 0) return { change: { kind: 'undo' }, kind: 'undo' };
  if (roll === 1) return { change: { kind: 'redo' }, kind: 'redo' };
  if (roll <= 3) {
    const op = validOperation(p, g);
    return op ? { change: { kind: 'do', op }, kind: `valid ${op.type}` } : null;
  }
  if (roll <= 6) {
    const name = pick(g, TARGETED_NAMES);
    const op = TARGETED[name]!(p, g);
    return op ? { change: { kind: 'do', op }, kind: name } : null;
  }
  const op = validOperation(p, g);
  if (!op) return null;
  if (roll === 9) {
    const other = validOperation(p, g);
    return { change: { kind: 'do', op: mutateJson({ type: 'batch', ops: other ? [op, other] : [op] } as Operation, p, g) }, kind: `mutated batch` };
  }
  return { change: { kind: 'do', op: mutateJson(op, p, g) }, kind: `mutated ${op.type}` };
}

/** An annotation file about `p`'s articles: our own export of it (mutated), or Hypothesis-style rows. */
export function hostileAnnotationFile(p: Project, g: Gen): unknown {
  if (g(fc.boolean)) {
    let file: unknown = buildAnnotationCollection(p);
    for (let i = g(fc.integer, { min: 0, max: 4 }); i > 0; i--) file = mutateJson(file, p, g);
    return file;
  }
  const text = p.articles[0]?.text ?? '';
  const start = g(fc.integer, { min: 0, max: text.length });
  const rows = [
    { uri: 'https://example.org', text: g(fc.boolean) ? 'comment' : 'x'.repeat(2_000_000), target: [{ selector: [{ type: 'TextQuoteSelector', exact: text.slice(start, start + 20) || 'nothing', prefix: '', suffix: '' }] }] },
  ];
  return mutateJson({ rows }, p, g);
}
