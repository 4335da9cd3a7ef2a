/**
 * Operations: the only way a project changes. A discriminated union on `type`, each with a zod
 * schema (operations cross the API boundary and are stored in the history). The reducer is in
 * reducer.ts, inverses in invert.ts, history/undo/redo in history.ts.
 */
import { z } from 'zod';
import {
  ArticleSchema,
  ClaimSchema,
  ClaimSourceLinkSchema,
  HistoryEntryBaseSchema,
  ProjectBaseSchema,
  SourceSchema,
  StanceSchema,
  ClaimStateSchema,
  SourceKindSchema,
  AttachmentSchema,
  CommentSchema,
  RatingScaleSchema,
} from './model';
import { anchoringOperations } from './anchoring/operationSchemas';
import { articleMetadataOperations } from './articles/metadataOperationSchema';
import { captureOperations } from './captures/captureOperationSchemas';

const id = z.string().min(1).max(200);

/** Fields of a claim a checker edits directly. */
export const ClaimChangesSchema = z
  .object({
    statement: z.string(),
    claimant: z.string(),
    state: ClaimStateSchema,
    assignee: z.string(),
    tags: z.array(z.string()),
  })
  .partial();

export const SourceChangesSchema = z
  .object({
    url: z.string(),
    title: z.string(),
    publisher: z.string(),
    accessedAt: z.string(),
    author: z.string(),
    publishedAt: z.string(),
    /** '' clears the kind. */
    kind: SourceKindSchema.or(z.literal('')),
    notes: z.string(),
    /** Withheld for source safety: left out of every report and export (issue 7); false clears it. */
    withheld: z.boolean(),
  })
  .partial();

export const LinkChangesSchema = z.object({ stance: StanceSchema, excerpt: z.string(), location: z.string() }).partial();

/** The review step a state change stands for (its label in the history). */
export const ReviewActionSchema = z.enum(['startResearch', 'submit', 'requestChanges', 'approve', 'reopen']);

/** One claim's verdict level after a rating-scale change (see shared/review/scaleChange.ts). */
export const VerdictLevelAssignmentSchema = z.object({
  claimId: id,
  levelId: z.string().nullable(),
  /** The old level's label when it could not be mapped (flags the verdict); undefined clears the flag. */
  previousLabel: z.string().optional(),
});

const leafOperations = [
  z.object({ type: z.literal('renameProject'), title: z.string() }),
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
  z.object({ type: z.literal('renameArticle'), articleId: id, title: z.string() }),
  /** Adds a claim (with its links, when undoing a deletion) at `index` of the claim list. */
  z.object({
    type: z.literal('addClaim'),
    claim: ClaimSchema,
    index: z.number().int().nonnegative().optional(),
    links: z.array(ClaimSourceLinkSchema).optional(),
  }),
  z.object({ type: z.literal('deleteClaim'), claimId: id }),
  z.object({ type: z.literal('editClaim'), claimId: id, changes: ClaimChangesSchema }),
  z.object({
    type: z.literal('setVerdict'),
    claimId: id,
    levelId: z.string().nullable().optional(),
    rationale: z.string().optional(),
    conclusion: z.string().optional(),
  }),
  z.object({ type: z.literal('addSource'), source: SourceSchema, index: z.number().int().nonnegative().optional() }),
  z.object({ type: z.literal('editSource'), sourceId: id, changes: SourceChangesSchema }),
  /** Removes a source that no claim links to any more. */
  z.object({ type: z.literal('removeSource'), sourceId: id }),
  z.object({ type: z.literal('linkSource'), link: ClaimSourceLinkSchema, index: z.number().int().nonnegative().optional() }),
  z.object({ type: z.literal('editLink'), linkId: id, changes: LinkChangesSchema }),
  z.object({ type: z.literal('unlinkSource'), linkId: id }),
  // ---------- review workflow (issue 6) ----------
  /** Moves a claim to another review state; `action` names the step (Ready for review, Approve…). */
  z.object({ type: z.literal('changeState'), claimId: id, state: ClaimStateSchema, action: ReviewActionSchema.optional() }),
  /** Adds a message to a claim's discussion thread (at `index` of the comment list when undoing a deletion). */
  z.object({ type: z.literal('postComment'), comment: CommentSchema, index: z.number().int().nonnegative().optional() }),
  z.object({ type: z.literal('deleteComment'), commentId: id }),
  /** Replaces the project's rating scale and sets the verdict level of the listed claims. */
  z.object({ type: z.literal('setRatingScale'), scale: RatingScaleSchema, verdicts: z.array(VerdictLevelAssignmentSchema) }),
  z.object({ type: z.literal('setMethodology'), text: z.string() }),
  /** Attaches an offline copy (already stored in the assets folder) to a source. */
  z.object({ type: z.literal('attachFile'), sourceId: id, attachment: AttachmentSchema, index: z.number().int().nonnegative().optional() }),
  z.object({ type: z.literal('detachFile'), sourceId: id, sha256: z.string() }),
  // ---------- re-anchoring after article updates (issue 5) ----------
  ...anchoringOperations,
  // ---------- article intake (issue 4) ----------
  ...articleMetadataOperations,
  // ---------- captures of sources as evidence ----------
  ...captureOperations,
] as const;

export const LeafOperationSchema = z.discriminatedUnion('type', leafOperations);

/** Several operations applied (and undone) as one step, e.g. "add a source and link it to a claim". */
export const BatchOperationSchema = z.object({
  type: z.literal('batch'),
  label: z.string().optional(),
  ops: z.array(LeafOperationSchema).min(1),
});

export const OperationSchema = z.discriminatedUnion('type', [...leafOperations, BatchOperationSchema]);

export type LeafOperation = z.infer<typeof LeafOperationSchema>;
export type Operation = z.infer<typeof OperationSchema>;
export type OperationType = Operation['type'];
export type ClaimChanges = z.infer<typeof ClaimChangesSchema>;
export type ReviewAction = z.infer<typeof ReviewActionSchema>;
export type VerdictLevelAssignment = z.infer<typeof VerdictLevelAssignmentSchema>;

export const HistoryEntrySchema = HistoryEntryBaseSchema.extend({
  /** The operation as applied. */
  op: OperationSchema,
  /** The operation that reverses `op` on the state right after it (computed when applied). */
  inverse: OperationSchema,
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const ProjectSchema = ProjectBaseSchema.extend({
  history: z.array(HistoryEntrySchema),
});
export type Project = z.infer<typeof ProjectSchema>;

/** A change the user asks for: a new operation, or undo / redo of the latest undoable step. */
export const ChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('do'), op: OperationSchema }),
  z.object({ kind: z.literal('undo') }),
  z.object({ kind: z.literal('redo') }),
]);
export type Change = z.infer<typeof ChangeSchema>;

/** Who and when, stamped on every history entry. */
export interface ChangeMeta {
  author: string;
  at: string;
  id: string;
}

/** Thrown by the reducer when an operation does not fit the project (unknown id, duplicate id…). */
export class OperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperationError';
  }
}
