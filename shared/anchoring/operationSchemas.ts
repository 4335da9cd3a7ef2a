/**
 * Operations of re-anchoring (issue 5), as zod schemas; included in the operation union by
 * shared/operations.ts. Each carries the full new values so its inverse is the same operation with
 * the old values.
 */
import { z } from 'zod';
import { ArticleVersionSchema, ClaimAnchorSchema, ClaimTargetSchema } from '../model';

const id = z.string().min(1).max(200);

/** A claim's anchoring fields after an update or a decision; null removes the optional field. */
export const ClaimAnchoringSchema = z.object({
  claimId: id,
  target: ClaimTargetSchema,
  anchor: ClaimAnchorSchema.nullable(),
  needsRecheck: z.boolean().nullable(),
});

export const anchoringOperations = [
  /**
   * Replaces an article's text by a newer version. `previous: 'push'` keeps the current snapshot at
   * the end of previousVersions ('pop' — its inverse — restores the last one). Every claim of the
   * article gets its re-anchoring result in the same step, so one undo restores everything.
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

export type ClaimAnchoring = z.infer<typeof ClaimAnchoringSchema>;
