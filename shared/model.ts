/**
 * The domain model of a fact-checking project, as zod schemas (validated on every load and at the
 * API boundary) and the TypeScript types inferred from them. Pure: no node:*, no DOM, no electron.
 */
import { z } from 'zod';

export const PROJECT_FORMAT = 'factcheck-workbench';
export const SCHEMA_VERSION = 1;

const isoDate = z.string().min(1);
const id = z.string().min(1).max(200);

/** A span of the article's canonical text: W3C TextPositionSelector + TextQuoteSelector (UTF-16 offsets). */
export const TextPositionSelectorSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export const TextQuoteSelectorSchema = z.object({
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});
export const ClaimTargetSchema = z.object({
  position: TextPositionSelectorSchema,
  quote: TextQuoteSelectorSchema,
});

export const BlockTypeSchema = z.enum([
  'heading',
  'paragraph',
  'quote',
  'listItem',
  'preformatted',
  'tableCell',
  'caption',
]);

/** One sanitized block of an article. Its text appears verbatim in the canonical text. */
export const BlockSchema = z.object({
  type: BlockTypeSchema,
  text: z.string(),
  level: z.number().int().min(1).max(6).optional(),
  page: z.number().int().positive().optional(),
});

export const ArticleMetadataSchema = z.object({
  title: z.string(),
  byline: z.string().optional(),
  siteName: z.string().optional(),
  publishedAt: z.string().optional(),
  modifiedAt: z.string().optional(),
  url: z.string().optional(),
  language: z.string().optional(),
  direction: z.enum(['ltr', 'rtl']).optional(),
  wordCount: z.number().int().nonnegative(),
  fileName: z.string().optional(),
  /** SHA-256 (hex) of the original file's bytes. */
  fileSha256: z.string().optional(),
});

export const ArticleFormatSchema = z.enum(['text', 'markdown', 'html', 'pdf', 'docx', 'paste']);

/** An immutable snapshot of an imported article. */
export const ArticleVersionSchema = z.object({
  importedAt: isoDate,
  format: ArticleFormatSchema,
  metadata: ArticleMetadataSchema,
  blocks: z.array(BlockSchema),
  /** The blocks' texts joined by blank lines ("\n\n"): what claims anchor to. */
  text: z.string(),
  /** SHA-256 (hex) of `text`. */
  textSha256: z.string(),
});

export const ArticleSchema = ArticleVersionSchema.extend({
  id,
  /** Earlier snapshots, oldest first, kept read-only when the article is re-imported. */
  previousVersions: z.array(ArticleVersionSchema).default([]),
});

export const ClaimStateSchema = z.enum([
  'draft',
  'researching',
  'readyForReview',
  'changesRequested',
  'approved',
]);

export const VerdictSchema = z.object({
  /** Id of a level in the project's rating scale, or null when no verdict is given yet. */
  levelId: z.string().nullable(),
  /** Markdown, rendered without raw HTML. */
  rationale: z.string(),
  conclusion: z.string().default(''),
});

export const ClaimSchema = z.object({
  id,
  articleId: id,
  target: ClaimTargetSchema,
  /** The claim as checked, e.g. "At least 75 people have been killed in the strikes". */
  statement: z.string(),
  claimant: z.string(),
  verdict: VerdictSchema,
  state: ClaimStateSchema,
  createdAt: isoDate,
  createdBy: z.string(),
});

/** A source in the project's library; one source can support several claims. */
export const SourceSchema = z.object({
  id,
  url: z.string(),
  title: z.string(),
  publisher: z.string(),
  /** Date the checker accessed the source (YYYY-MM-DD). */
  accessedAt: z.string(),
});

export const StanceSchema = z.enum(['supports', 'refutes', 'context']);

/** How one claim relies on one source. */
export const ClaimSourceLinkSchema = z.object({
  id,
  claimId: id,
  sourceId: id,
  stance: StanceSchema,
  /** The exact excerpt of the source relied on. */
  excerpt: z.string(),
});

export const RatingLevelSchema = z.object({
  id,
  label: z.string().min(1),
  /** CSS colour, #rrggbb. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  description: z.string().default(''),
  /** Numeric rating for exports (e.g. ClaimReview ratingValue); null for levels outside the numeric range. */
  rating: z.number().nullable().default(null),
});

export const RatingScaleSchema = z.object({
  id,
  name: z.string(),
  levels: z.array(RatingLevelSchema).min(1),
});

// The history schema refers to operations; see operations.ts. Kept loose here (validated as
// operations by OperationSchema in projectFile.ts) to avoid a cycle.
export const HistoryEntryBaseSchema = z.object({
  /** Position in the history, from 0. */
  seq: z.number().int().nonnegative(),
  id,
  at: isoDate,
  author: z.string(),
  /** 'do' = a user change; 'undo' / 'redo' = replaying an earlier entry backwards / forwards. */
  kind: z.enum(['do', 'undo', 'redo']),
  /** For undo/redo: the seq of the 'do' entry being undone/redone. */
  of: z.number().int().nonnegative().optional(),
});

export const ProjectBaseSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  id,
  title: z.string(),
  createdAt: isoDate,
  ratingScale: RatingScaleSchema,
  articles: z.array(ArticleSchema),
  claims: z.array(ClaimSchema),
  sources: z.array(SourceSchema),
  links: z.array(ClaimSourceLinkSchema),
});

export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;
export type ClaimTarget = z.infer<typeof ClaimTargetSchema>;
export type BlockType = z.infer<typeof BlockTypeSchema>;
export type Block = z.infer<typeof BlockSchema>;
export type ArticleMetadata = z.infer<typeof ArticleMetadataSchema>;
export type ArticleFormat = z.infer<typeof ArticleFormatSchema>;
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>;
export type Article = z.infer<typeof ArticleSchema>;
export type ClaimState = z.infer<typeof ClaimStateSchema>;
export type Verdict = z.infer<typeof VerdictSchema>;
export type Claim = z.infer<typeof ClaimSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Stance = z.infer<typeof StanceSchema>;
export type ClaimSourceLink = z.infer<typeof ClaimSourceLinkSchema>;
export type RatingLevel = z.infer<typeof RatingLevelSchema>;
export type RatingScale = z.infer<typeof RatingScaleSchema>;
