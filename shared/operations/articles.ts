/**
 * Articles: adding one (with its claims and links, when undoing a removal), removing one with its
 * claims and their links, and correcting its metadata by hand. `renameArticle` is the old form of
 * editArticleMetadata{title}: stored histories keep it, new changes may not send it.
 */
import { z } from 'zod';
import { ArticleMetadataSchema, ArticleSchema, ClaimSchema, ClaimSourceLinkSchema, type Article } from '../model';
import { addClaim, linkSource } from './content';
import { OperationError } from './errors';
import { defineFamily } from './family';
import { changedKeys, previousValues, withChanges } from './fields';
import { insertAt, removeAt, replaceAt, requireIndex, requireItem, requireNew } from './lists';
import type { LeafOperation, Project } from './schema';

const id = z.string().min(1).max(200);

/** The metadata fields edited by hand; an empty string clears an optional one. */
export const ArticleMetadataChangesSchema = z
  .object({
    title: z.string(),
    byline: z.string(),
    siteName: z.string(),
    publishedAt: z.string(),
    modifiedAt: z.string(),
    url: z.string(),
    language: z.string(),
    direction: z.enum(['ltr', 'rtl', '']),
  })
  .partial();

export type ArticleMetadataChanges = z.infer<typeof ArticleMetadataChangesSchema>;

export const articleSchemas = [
  /** Adds an article (with any claims and links that belong to it, used when undoing a removal) at `index`. */
  z.object({
    type: z.literal('addArticle'),
    article: ArticleSchema,
    index: z.number().int().nonnegative().optional(),
    claims: z.array(ClaimSchema).optional(),
    links: z.array(ClaimSourceLinkSchema).optional(),
  }),
  /** Removes an article together with its claims and their source links. */
  z.object({ type: z.literal('removeArticle'), articleId: id }),
  /** Read in stored histories only: a new rename is editArticleMetadata with a title. */
  z.object({ type: z.literal('renameArticle'), articleId: id, title: z.string() }),
  /** Corrects an article's metadata by hand (its current version's); `changes` lists only the fields edited. */
  z.object({ type: z.literal('editArticleMetadata'), articleId: id, changes: ArticleMetadataChangesSchema }),
] as const;

function claimsOfArticle(project: Pick<Project, 'claims'>, articleId: string): string[] {
  return project.claims.filter((c) => c.articleId === articleId).map((c) => c.id);
}

function withMetadata(project: Project, articleId: string, changes: ArticleMetadataChanges): Project {
  const at = requireIndex(project.articles, articleId, 'article');
  const article = project.articles[at];
  const next: Article = { ...article, metadata: withChanges(article.metadata, changes, ArticleMetadataSchema) };
  return { ...project, articles: replaceAt(project.articles, at, next) };
}

export const articles = defineFamily('articles', articleSchemas, {
  addArticle: {
    apply(project, op) {
      requireNew(project.articles, op.article.id, 'article');
      let next: Project = { ...project, articles: insertAt(project.articles, op.article, op.index) };
      for (const claim of op.claims ?? []) {
        if (claim.articleId !== op.article.id) {
          throw new OperationError(`Claim "${claim.id}" belongs to article "${claim.articleId}", not "${op.article.id}"`);
        }
        next = addClaim(next, claim, undefined);
      }
      for (const link of op.links ?? []) next = linkSource(next, link, undefined);
      return next;
    },
    invert: (_project, op) => ({ type: 'removeArticle', articleId: op.article.id }),
    describe: () => 'Add article',
    claimIds: (op) => (op.claims ?? []).map((c) => c.id),
    locks: () => false,
    carries: (op) => ({ claims: op.claims, links: op.links }),
  },

  removeArticle: {
    apply(project, op) {
      const at = requireIndex(project.articles, op.articleId, 'article');
      const gone = new Set(claimsOfArticle(project, op.articleId));
      return {
        ...project,
        articles: removeAt(project.articles, at),
        claims: gone.size ? project.claims.filter((c) => !gone.has(c.id)) : project.claims,
        links: gone.size ? project.links.filter((l) => !gone.has(l.claimId)) : project.links,
      };
    },
    invert(project, op) {
      const at = requireIndex(project.articles, op.articleId, 'article');
      const restore: LeafOperation = { type: 'addArticle', article: project.articles[at], index: at };
      const gone = new Set(claimsOfArticle(project, op.articleId));
      if (gone.size === 0) return restore;
      // Claims and links of several articles interleave in their lists: put each back at its old
      // index, in ascending order, so every list comes back in exactly the same order.
      const ops: LeafOperation[] = [restore];
      project.claims.forEach((claim, i) => {
        if (gone.has(claim.id)) ops.push({ type: 'addClaim', claim, index: i });
      });
      project.links.forEach((link, i) => {
        if (gone.has(link.claimId)) ops.push({ type: 'linkSource', link, index: i });
      });
      return { type: 'batch', label: 'Restore article', ops };
    },
    describe: () => 'Remove article',
    claimIds: (op, project) => claimsOfArticle(project, op.articleId),
    // An article with an approved claim cannot be removed until the claim is reopened.
    locks: () => 'article',
  },

  renameArticle: {
    apply: (project, op) => withMetadata(project, op.articleId, { title: op.title }),
    invert: (project, op) => ({ type: 'renameArticle', articleId: op.articleId, title: requireItem(project.articles, op.articleId, 'article').metadata.title }),
    describe: () => 'Rename article',
    claimIds: () => [],
    locks: () => false,
    retired: () => 'renameArticle is no longer accepted; send editArticleMetadata with the new title instead.',
  },

  editArticleMetadata: {
    apply: (project, op) => withMetadata(project, op.articleId, op.changes),
    invert: (project, op) => ({
      type: 'editArticleMetadata',
      articleId: op.articleId,
      changes: previousValues(requireItem(project.articles, op.articleId, 'article').metadata, op.changes),
    }),
    describe: (op) => (changedKeys(op.changes).join() === 'title' ? 'Rename article' : 'Edit article details'),
    claimIds: () => [],
    locks: () => false,
  },
});
