/**
 * The editArticleMetadata operation (article intake, issue 4) as a zod schema; included in the
 * operation union by shared/operations.ts. `changes` lists only the fields edited; an empty string
 * clears an optional field (so the inverse of a first edit is the same operation with '').
 */
import { z } from 'zod';

const id = z.string().min(1).max(200);

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

export const articleMetadataOperations = [
  /** Corrects an article's metadata by hand (its current version's). */
  z.object({ type: z.literal('editArticleMetadata'), articleId: id, changes: ArticleMetadataChangesSchema }),
] as const;
