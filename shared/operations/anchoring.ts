/**
 * Re-anchoring after an article update: `updateArticle` replaces an article's text by a newer
 * version and records every claim's result in the same step (so one undo restores everything);
 * `reanchorClaim` is the checker's decision on one claim (refused on an approved claim until it is
 * reopened). Each carries the full new values, so its inverse is the same operation with the old ones.
 */
import { z } from 'zod';
import { IdSchema } from '../limits';
import { ArticleVersionSchema, ClaimAnchorSchema, ClaimTargetSchema, type Article, type ArticleVersion, type Claim } from '../model';
import { OperationError } from './errors';
import { defineFamily } from './family';
import { replaceAt, requireIndex, requireItem } from './lists';
import type { Project } from './schema';

const id = IdSchema;

/** A claim's anchoring fields after an update or a decision; null removes the optional field. */
export const ClaimAnchoringSchema = z.object({
  claimId: id,
  target: ClaimTargetSchema,
  anchor: ClaimAnchorSchema.nullable(),
  needsRecheck: z.boolean().nullable(),
});
export type ClaimAnchoring = z.infer<typeof ClaimAnchoringSchema>;

export const anchoringSchemas = [
  /**
   * `previous: 'push'` keeps the current snapshot at the end of previousVersions ('pop' — its
   * inverse — restores the last one).
   */
  z.object({
    type: z.literal('updateArticle'),
    articleId: id,
    version: ArticleVersionSchema,
    previous: z.enum(['push', 'pop']),
    claims: z.array(ClaimAnchoringSchema),
  }),
  /** The checker's decision on a re-anchored claim: accept the new span, re-target it, or keep it orphaned. */
  z.object({ type: z.literal('reanchorClaim'), claim: ClaimAnchoringSchema }),
] as const;

/** The version fields of an article (what previousVersions holds). */
export function snapshotOf(article: Article): ArticleVersion {
  const { importedAt, format, metadata, blocks, text, textSha256 } = article;
  return { importedAt, format, metadata, blocks, text, textSha256 };
}

/** A claim's current anchoring fields, in the form an operation carries them. */
export function anchoringOf(claim: Claim): ClaimAnchoring {
  return { claimId: claim.id, target: claim.target, anchor: claim.anchor ?? null, needsRecheck: claim.needsRecheck ?? null };
}

/** The claim with new anchoring fields; the registry checks them against the text (a claim still changed or orphaned keeps its old selectors). */
function withAnchoring(claim: Claim, change: ClaimAnchoring): Claim {
  const { anchor: _anchor, needsRecheck: _needsRecheck, ...rest } = claim;
  const next: Claim = { ...rest, target: change.target };
  if (change.anchor !== null) next.anchor = change.anchor;
  if (change.needsRecheck !== null) next.needsRecheck = change.needsRecheck;
  return next;
}

function applyClaimChanges(project: Project, changes: readonly ClaimAnchoring[], articleId: string): Project['claims'] {
  const byId = new Map(changes.map((change) => [change.claimId, change]));
  for (const change of changes) {
    const claim = requireItem(project.claims, change.claimId, 'claim');
    if (claim.articleId !== articleId) throw new OperationError(`Claim "${change.claimId}" is not in article "${articleId}"`);
  }
  return project.claims.map((claim) => {
    const change = byId.get(claim.id);
    return change ? withAnchoring(claim, change) : claim;
  });
}

export const anchoring = defineFamily('anchoring', anchoringSchemas, {
  updateArticle: {
    apply(project, op) {
      const at = requireIndex(project.articles, op.articleId, 'article');
      const article = project.articles[at];
      let previousVersions: ArticleVersion[];
      if (op.previous === 'push') previousVersions = [...article.previousVersions, snapshotOf(article)];
      else if (article.previousVersions.length === 0) throw new OperationError(`Article "${op.articleId}" has no earlier version to restore`);
      else previousVersions = article.previousVersions.slice(0, -1);
      const updated: Article = { ...op.version, id: article.id, previousVersions };
      return { ...project, articles: replaceAt(project.articles, at, updated), claims: applyClaimChanges(project, op.claims, op.articleId) };
    },
    invert(project, op) {
      const article = requireItem(project.articles, op.articleId, 'article');
      const claims = op.claims.map((change) => anchoringOf(requireItem(project.claims, change.claimId, 'claim')));
      return { type: 'updateArticle', articleId: op.articleId, version: snapshotOf(article), previous: op.previous === 'push' ? 'pop' : 'push', claims };
    },
    describe: () => 'Update article',
    claimIds: (op) => op.claims.map((change) => change.claimId),
    locks: () => false,
  },

  reanchorClaim: {
    apply(project, op) {
      const claim = requireItem(project.claims, op.claim.claimId, 'claim');
      const article = requireItem(project.articles, claim.articleId, 'article');
      return { ...project, claims: applyClaimChanges(project, [op.claim], article.id) };
    },
    invert: (project, op) => ({ type: 'reanchorClaim', claim: anchoringOf(requireItem(project.claims, op.claim.claimId, 'claim')) }),
    describe(op) {
      if (op.claim.needsRecheck === false) return 'Mark claim re-checked';
      switch (op.claim.anchor?.decision) {
        case 'accepted':
          return 'Accept new claim span';
        case 'retargeted':
          return 'Re-target claim';
        case 'keptOrphaned':
          return 'Keep claim orphaned';
        default:
          return 'Re-anchor claim';
      }
    },
    claimIds: (op) => [op.claim.claimId],
    // Re-anchoring an approved claim changes what was approved: reopen it first.
    locks: () => 'claim',
  },
});
