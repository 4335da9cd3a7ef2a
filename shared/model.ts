/**
 * The domain model of a fact-checking project, as zod schemas (validated on every load and at the
 * API boundary) and the TypeScript types inferred from them. Pure: no node:*, no DOM, no electron.
 */
import { z } from 'zod';
import { limitedText, MAX_TAGS } from './limits';

export const PROJECT_FORMAT = 'factcheck-workbench';
export const SCHEMA_VERSION = 1;

/** A calendar day, YYYY-MM-DD. */
export const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isoDate = limitedText('date', { min: 1 });
const date = limitedText('date');
const id = limitedText('id', { min: 1 });
const line = limitedText('line');
const person = limitedText('person');
const url = limitedText('url');
const code = limitedText('code');
/** Slices of an article's text (a quote and its context). */
const quoted = limitedText('articleText');

/** A span of the article's canonical text: W3C TextPositionSelector + TextQuoteSelector (UTF-16 offsets). */
export const TextPositionSelectorSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export const TextQuoteSelectorSchema = z.object({
  exact: quoted,
  prefix: quoted,
  suffix: quoted,
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
  text: limitedText('articleText'),
  level: z.number().int().min(1).max(6).optional(),
  page: z.number().int().positive().optional(),
});

export const ArticleMetadataSchema = z.object({
  title: line,
  byline: line.optional(),
  siteName: line.optional(),
  publishedAt: date.optional(),
  modifiedAt: date.optional(),
  url: url.optional(),
  language: code.optional(),
  direction: z.enum(['ltr', 'rtl']).optional(),
  wordCount: z.number().int().nonnegative(),
  fileName: line.optional(),
  /** SHA-256 (hex) of the original file's bytes. */
  fileSha256: code.optional(),
});

export const ArticleFormatSchema = z.enum(['text', 'markdown', 'html', 'pdf', 'docx', 'paste']);

/** An immutable snapshot of an imported article. */
export const ArticleVersionSchema = z.object({
  importedAt: isoDate,
  format: ArticleFormatSchema,
  metadata: ArticleMetadataSchema,
  blocks: z.array(BlockSchema),
  /** The blocks' texts joined by blank lines ("\n\n"): what claims anchor to. */
  text: limitedText('articleText'),
  /** SHA-256 (hex) of `text` as UTF-8. */
  textSha256: code,
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
  levelId: limitedText('id').nullable(),
  /** Markdown, rendered without raw HTML. */
  rationale: limitedText('notes'),
  conclusion: limitedText('paragraph').default(''),
  /** Set when a rating-scale change could not map this verdict's level: the old level's label, kept for review. */
  previousLabel: line.optional(),
});

/** How a claim's span fared when its article was updated and its claims were re-anchored. */
export const AnchorChangeKindSchema = z.enum(['number', 'negation', 'name', 'wording']);
export const ClaimAnchorSchema = z.object({
  /** exact / moved: same words; changed: wording differs (awaiting the checker's decision); orphaned: not found. */
  status: z.enum(['exact', 'moved', 'changed', 'orphaned']),
  changes: z.array(AnchorChangeKindSchema).optional(),
  /** When the article update that set this happened. */
  checkedAt: date.optional(),
  /** The claim's quote before the update (kept for changed and orphaned claims). */
  oldQuote: quoted.optional(),
  /** For a changed claim awaiting review: the span with the new wording (the target keeps the old selectors until accepted). */
  proposed: ClaimTargetSchema.optional(),
  /** The checker's decision on a changed / orphaned claim. */
  decision: z.enum(['accepted', 'retargeted', 'keptOrphaned']).optional(),
});

export const ClaimSchema = z.object({
  id,
  articleId: id,
  target: ClaimTargetSchema,
  /** The claim as checked, e.g. "At least 75 people have been killed in the strikes". */
  statement: limitedText('paragraph'),
  claimant: line,
  verdict: VerdictSchema,
  state: ClaimStateSchema,
  createdAt: isoDate,
  createdBy: person,
  /** Set by article updates: whether the span was found again (absent = never re-anchored). */
  anchor: ClaimAnchorSchema.optional(),
  /** The claim's wording changed after its verdict was given: the verdict must be checked again. */
  needsRecheck: z.boolean().optional(),
  /** Who works on the claim (review workflow). */
  assignee: person.optional(),
  tags: z.array(line).max(MAX_TAGS).optional(),
  /** When the check is due (YYYY-MM-DD, a calendar day with no time zone). */
  dueDate: z.string().regex(ISO_DAY).optional(),
  /** Where this claim's fact-check is published (ClaimReview `url`); absent: the project's "Published at" + `#claim-<id>`. */
  factCheckUrl: url.optional(),
});

export const SourceKindSchema = z.enum(['official', 'dataset', 'news', 'expert', 'interview', 'social', 'other']);

/** An offline copy of a source (saved page, PDF, screenshot), stored beside the project by content hash. */
export const AttachmentSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Lower-case extension without the dot, e.g. "pdf"; the file is `<sha256>.<ext>`. */
  ext: z.string().regex(/^[a-z0-9]{1,10}$/),
  /** The original file name, for display. */
  name: line,
  size: z.number().int().nonnegative(),
  addedAt: date,
});

// ---------- captures of sources as evidence (web archive, picture, hash) ----------

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** One file of a capture, stored beside the project as `<project>.assets/<sha256>.<ext>`. */
export const CaptureFileSchema = z.object({
  sha256: sha256Hex,
  ext: z.string().regex(/^[a-z0-9]{1,10}$/),
  size: z.number().int().nonnegative(),
});

/**
 * The workbench's own copy of a source page as it was on one day: a WARC web archive (ISO 28500) of
 * every response, a full-page picture, a PDF and the rendered page's readable text, each by SHA-256.
 */
export const CaptureSchema = z.object({
  id,
  /** The URL asked for. */
  requestedUrl: url,
  /** Where the page ended after redirects. */
  finalUrl: url,
  /** HTTP status of the final page (a 404 or 410 is evidence too). */
  httpStatus: z.number().int(),
  contentType: code,
  /** When the page was loaded (UTC, ISO 8601). */
  capturedAt: isoDate,
  /** What made the capture: the workbench and its version, and the browser. */
  tool: z.object({ name: code, version: code, browser: code }),
  warc: CaptureFileSchema.extend({ records: z.number().int().nonnegative() }),
  screenshot: CaptureFileSchema.optional(),
  pdf: CaptureFileSchema.optional(),
  text: CaptureFileSchema.optional(),
  /** The page's title as rendered, when it has one. */
  title: line.optional(),
  /** What the capture could not do or stopped short of (limits reached, a picture cut), worded for the checker. */
  warnings: z.array(limitedText('paragraph')).max(100).optional(),
  /** The Internet Archive's copy, when the project asks it to save captured pages too. */
  wayback: z.object({ url, savedAt: isoDate }).optional(),
});

/** Per-project capture choices. */
export const ArchivingSchema = z.object({
  /** Also ask the Internet Archive (Save Page Now) to save every captured page: tells it which pages are being checked. */
  saveToWayback: z.boolean(),
});

/** A source in the project's library; one source can support several claims. */
export const SourceSchema = z.object({
  id,
  url,
  title: line,
  publisher: line,
  /** Date the checker accessed the source (YYYY-MM-DD). */
  accessedAt: date,
  author: line.optional(),
  /** Date the source was published (free text, usually YYYY-MM-DD). */
  publishedAt: date.optional(),
  kind: SourceKindSchema.optional(),
  notes: limitedText('notes').optional(),
  /** Offline copies in `<project>.assets/<sha256>.<ext>`. */
  attachments: z.array(AttachmentSchema).optional(),
  /** "Withheld for source safety": kept in the project, left out of every report and export. */
  withheld: z.boolean().optional(),
  /** The workbench's captures of the page, oldest first. */
  captures: z.array(CaptureSchema).optional(),
});

export const StanceSchema = z.enum(['supports', 'refutes', 'context', 'mixed']);

/** How one claim relies on one source. */
export const ClaimSourceLinkSchema = z.object({
  id,
  claimId: id,
  sourceId: id,
  /** Absent until the checker says how the source bears on the claim (a new source starts without one). */
  stance: StanceSchema.optional(),
  /** The exact excerpt of the source relied on. */
  excerpt: limitedText('notes'),
  /** Where in the source: page, section or timestamp. */
  location: line.optional(),
});

export const RatingLevelSchema = z.object({
  id,
  label: limitedText('line', { min: 1 }),
  /** CSS colour, #rrggbb. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  description: limitedText('paragraph').default(''),
  /** Numeric rating for exports (e.g. ClaimReview ratingValue); null for levels outside the numeric range. */
  rating: z.number().nullable().default(null),
});

export const RatingScaleSchema = z.object({
  id,
  name: line,
  /** Empty for a "conclusion only" scale (no label; the verdict is its one-line conclusion). */
  levels: z.array(RatingLevelSchema),
});

/** One message of a claim's discussion thread (Markdown, rendered without raw HTML). */
export const CommentSchema = z.object({
  id,
  claimId: id,
  author: person,
  at: isoDate,
  text: limitedText('notes'),
});

/** A suggested passage the checker dismissed: hidden for good in that article (matched by its text, so it survives re-reading). */
export const DismissedSuggestionSchema = z.object({
  articleId: id,
  text: z.string().min(1),
});

/** A dated correction of a published claim (the corrections log reports list). */
export const CorrectionSchema = z.object({
  id,
  claimId: id,
  /** Who recorded it (stamped by the main side). */
  author: z.string(),
  at: isoDate,
  text: z.string(),
});

/** Where and by whom the project's fact-checks are published (ClaimReview `author` and `url`). */
export const PublicationSchema = z.object({
  /** The fact-checking organisation. */
  organisation: z.string().optional(),
  /** The URL where the report or fact-check is published; each claim's anchor is `#claim-<claim id>`. */
  publishedAt: z.string().optional(),
});

// The history schema refers to operations; see shared/operations/schema.ts. Kept loose here (validated as
// operations by OperationSchema in projectFile.ts) to avoid a cycle.
export const HistoryEntryBaseSchema = z.object({
  /** Position in the history, from 0. */
  seq: z.number().int().nonnegative(),
  id,
  at: isoDate,
  author: person,
  /** 'do' = a user change; 'undo' / 'redo' = replaying an earlier entry backwards / forwards. */
  kind: z.enum(['do', 'undo', 'redo']),
  /** For undo/redo: the seq of the 'do' entry being undone/redone. */
  of: z.number().int().nonnegative().optional(),
  // Team sync stamps (absent on entries made before sync existed: those load as legacy entries).
  /** The author's key id (shared/sync: a person is a name + key id). */
  keyId: z.string().min(1).max(64).optional(),
  /** The installation that made the entry. */
  device: z.string().min(1).max(128).optional(),
  /** Hybrid logical clock timestamp (shared/sync/hlc.ts string form). */
  hlc: z.string().regex(/^\d{15}-\d{10}$/).optional(),
  /** For undo/redo: the id of the entry undone/redone (seqs move when a merge inserts older entries). */
  ofId: id.optional(),
  /** Ed25519 signature (base64url) over the entry's signed part (shared/sync/entryStamp.ts). */
  signature: z.string().max(200).optional(),
  /** Recorded when the entry was received: why its signature could not be accepted. */
  unverified: z.string().max(500).optional(),
  /** Set by a merge: why the entry is kept but not applied. */
  rejected: z.string().max(1000).optional(),
});

export const MemberRoleSchema = z.enum(['owner', 'editor', 'checker']);
/** A person on a shared project: name, public key ("ed25519:…") and its key id. */
export const MemberSchema = z.object({
  name: z.string().max(200),
  publicKey: z.string().min(1).max(100),
  keyId: z.string().min(1).max(64),
  role: MemberRoleSchema,
});

const ConflictValueSchema = z.object({
  value: z.unknown(),
  author: z.string(),
  keyId: z.string().optional(),
  at: isoDate,
  entryId: id,
});
/** What a merge could not settle on its own: concurrent edits of one field, or an entry kept but not applied. */
export const SyncConflictSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('field'),
    /** `<entity>:<entity id>:<field>` */
    id: z.string(),
    entity: z.enum(['claim', 'source', 'link', 'verdict']),
    entityId: id,
    field: z.string(),
    /** Every value written concurrently, in merge order; the project holds the last one. */
    values: z.array(ConflictValueSchema).min(2),
  }),
  z.object({
    kind: z.literal('rejected'),
    id: z.string(),
    entryId: id,
    author: z.string(),
    keyId: z.string().optional(),
    at: isoDate,
    reason: z.string(),
  }),
]);

export const ProjectBaseSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  id,
  title: limitedText('projectTitle'),
  createdAt: isoDate,
  ratingScale: RatingScaleSchema,
  articles: z.array(ArticleSchema),
  claims: z.array(ClaimSchema),
  sources: z.array(SourceSchema),
  links: z.array(ClaimSourceLinkSchema),
  /** Discussion threads of the claims (review workflow), oldest first. */
  comments: z.array(CommentSchema).optional(),
  /** How this desk checks claims (Markdown). */
  methodology: limitedText('notes').optional(),
  /** Capture choices of this project (absent: the defaults, nothing sent to the Internet Archive). */
  archiving: ArchivingSchema.optional(),
  /** Claim suggestions the checker dismissed (absent in older files: none). */
  dismissedSuggestions: z.array(DismissedSuggestionSchema).optional(),
  /** Publication details (absent: none given yet). */
  publication: PublicationSchema.optional(),
  /** Corrections of published claims, oldest first. */
  corrections: z.array(CorrectionSchema).optional(),
  /** Who may do what on a shared project (absent: never shared; Settings' role applies). */
  members: z.array(MemberSchema).optional(),
  /** Open conflicts left by merging copies. */
  conflicts: z.array(SyncConflictSchema).optional(),
  /** The state every copy replays the history from (kept once the project has merged another copy). */
  syncBase: z.record(z.string(), z.unknown()).optional(),
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
export type SourceKind = z.infer<typeof SourceKindSchema>;
export type Attachment = z.infer<typeof AttachmentSchema>;
export type Comment = z.infer<typeof CommentSchema>;
export type Correction = z.infer<typeof CorrectionSchema>;
export type Publication = z.infer<typeof PublicationSchema>;
export type ClaimAnchor = z.infer<typeof ClaimAnchorSchema>;
export type Capture = z.infer<typeof CaptureSchema>;
export type Member = z.infer<typeof MemberSchema>;
export type MemberRole = z.infer<typeof MemberRoleSchema>;
export type SyncConflict = z.infer<typeof SyncConflictSchema>;
export type CaptureFile = z.infer<typeof CaptureFileSchema>;
export type Archiving = z.infer<typeof ArchivingSchema>;
export type DismissedSuggestion = z.infer<typeof DismissedSuggestionSchema>;
export type AnchorChangeKind = z.infer<typeof AnchorChangeKindSchema>;
