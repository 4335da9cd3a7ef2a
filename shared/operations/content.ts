/**
 * The core content of a project: claims, the source library and the links between them (with a
 * stance and an excerpt). Adding keeps list order with `index`, so each removal's inverse puts the
 * item back exactly where it was.
 */
import { z } from 'zod';
import { IdSchema, limitedText, MAX_TAGS } from '../limits';
import {
  ClaimSchema,
  ClaimSourceLinkSchema,
  ClaimStateSchema,
  ISO_DAY,
  SourceKindSchema,
  SourceSchema,
  StanceSchema,
  type Claim,
  type ClaimSourceLink,
} from '../model';
import { OperationError } from './errors';
import { defineFamily, type ClaimLookup } from './family';
import { changedKeys, definedFields, previousValues, withChanges } from './fields';
import { hasId, insertAt, removeAt, replaceAt, requireIndex, requireItem, requireNew, withoutItemsOnClaim } from './lists';
import type { LeafOperation, Project } from './schema';

const id = IdSchema;
const index = z.number().int().nonnegative().optional();

/** Fields of a claim a checker edits directly. */
export const ClaimChangesSchema = z
  .object({
    statement: limitedText('paragraph'),
    claimant: limitedText('line'),
    /** Read in stored histories only: a state change is a changeState operation now. */
    state: ClaimStateSchema,
    assignee: limitedText('person'),
    tags: z.array(limitedText('line')).max(MAX_TAGS),
    /** YYYY-MM-DD; '' clears it. */
    dueDate: z.string().regex(ISO_DAY).or(z.literal('')),
    /** Where the claim's fact-check is published; '' clears it. */
    factCheckUrl: limitedText('url'),
  })
  .partial();

export const SourceChangesSchema = z
  .object({
    url: limitedText('url'),
    title: limitedText('line'),
    publisher: limitedText('line'),
    accessedAt: limitedText('date'),
    author: limitedText('line'),
    publishedAt: limitedText('date'),
    /** '' clears the kind. */
    kind: SourceKindSchema.or(z.literal('')),
    notes: limitedText('notes'),
    /** Withheld for source safety: left out of every report and export; false clears it. */
    withheld: z.boolean(),
  })
  .partial();

/** '' as the stance sets it back to "not set". */
export const LinkChangesSchema = z.object({ stance: StanceSchema.or(z.literal('')), excerpt: limitedText('notes'), location: limitedText('line') }).partial();

export type ClaimChanges = z.infer<typeof ClaimChangesSchema>;

export const contentSchemas = [
  /** Adds a claim (with its links, when undoing a deletion) at `index` of the claim list. */
  z.object({ type: z.literal('addClaim'), claim: ClaimSchema, index, links: z.array(ClaimSourceLinkSchema).optional() }),
  z.object({ type: z.literal('deleteClaim'), claimId: id }),
  z.object({ type: z.literal('editClaim'), claimId: id, changes: ClaimChangesSchema }),
  z.object({
    type: z.literal('setVerdict'),
    claimId: id,
    levelId: limitedText('id').nullable().optional(),
    rationale: limitedText('notes').optional(),
    conclusion: limitedText('paragraph').optional(),
  }),
  z.object({ type: z.literal('addSource'), source: SourceSchema, index }),
  z.object({ type: z.literal('editSource'), sourceId: id, changes: SourceChangesSchema }),
  /** Removes a source that no claim links to any more. */
  z.object({ type: z.literal('removeSource'), sourceId: id }),
  z.object({ type: z.literal('linkSource'), link: ClaimSourceLinkSchema, index }),
  z.object({ type: z.literal('editLink'), linkId: id, changes: LinkChangesSchema }),
  z.object({ type: z.literal('unlinkSource'), linkId: id }),
] as const;

/** Adds a claim to an article of the project (used by addClaim and by addArticle with claims); the registry checks its span and verdict. */
export function addClaim(project: Project, claim: Claim, at: number | undefined): Project {
  requireNew(project.claims, claim.id, 'claim');
  // Approval is a review step with its rules; a claim is never added already approved.
  if (claim.state === 'approved') throw new OperationError(`Claim "${claim.id}" cannot be added as approved; claims are approved through review`);
  if (!project.articles.some((a) => a.id === claim.articleId)) throw new OperationError(`No article with id "${claim.articleId}" for claim "${claim.id}"`);
  return { ...project, claims: insertAt(project.claims, claim, at) };
}

/** The project without the comments on these claims (none left: no list, as in a project that never had one). */
export function withoutCommentsOn(project: Project, claimIds: ReadonlySet<string>): Project {
  const comments = project.comments ?? [];
  if (!comments.some((c) => claimIds.has(c.claimId))) return project;
  return withComments(project, comments.filter((c) => !claimIds.has(c.claimId)));
}

/**
 * The project with what is left of its comments after some were taken out (none left: no list). Not compared
 * with the project's own list: inside a batch that list may be one the batch made and emptied in place.
 */
function withComments(project: Project, comments: NonNullable<Project['comments']>): Project {
  if (comments.length > 0) return { ...project, comments };
  const { comments: _none, ...rest } = project;
  return rest;
}

/** The postComment operations that put back the comments on these claims, each at its old index (ascending). */
export function restoreCommentsOn(project: Project, claimIds: ReadonlySet<string>): LeafOperation[] {
  return (project.comments ?? []).flatMap((comment, index) => (claimIds.has(comment.claimId) ? [{ type: 'postComment' as const, comment, index }] : []));
}

/** Links a claim to a library source (used by linkSource, addClaim and addArticle). */
export function linkSource(project: Project, link: ClaimSourceLink, at: number | undefined): Project {
  requireNew(project.links, link.id, 'source link');
  if (!hasId(project.claims, link.claimId)) throw new OperationError(`No claim with id "${link.claimId}" for source link "${link.id}"`);
  if (!project.sources.some((s) => s.id === link.sourceId)) throw new OperationError(`No source with id "${link.sourceId}" for source link "${link.id}"`);
  return { ...project, links: insertAt(project.links, link, at) };
}

/** The claims that cite a source. */
export function claimsCiting(project: Pick<ClaimLookup, 'links'>, sourceId: string): string[] {
  return project.links.filter((l) => l.sourceId === sourceId).map((l) => l.claimId);
}

function claimOfLink(project: Pick<ClaimLookup, 'links'>, linkId: string): string[] {
  const link = project.links.find((l) => l.id === linkId);
  return link ? [link.claimId] : [];
}

type RecordList = 'claims' | 'sources' | 'links';

/** A partial edit of one record of a list (a claim, a source, a link): applying it, and the old values that undo it. */
function recordEdits<L extends RecordList>(list: L, what: string, schema: z.ZodObject) {
  type Item = Project[L][number];
  return {
    apply(project: Project, id: string, changes: object): Project {
      const items = project[list] as readonly Item[];
      const at = requireIndex(items, id, what);
      return { ...project, [list]: replaceAt(items, at, withChanges(items[at], changes, schema)) };
    },
    before: <C extends object>(project: Project, id: string, changes: C): C => previousValues(requireItem(project[list] as readonly Item[], id, what), changes),
  };
}

const claimEdits = recordEdits('claims', 'claim', ClaimSchema);
const sourceEdits = recordEdits('sources', 'source', SourceSchema);
const linkEdits = recordEdits('links', 'source link', ClaimSourceLinkSchema);

/** History labels of an edit that sets exactly one field. */
const CLAIM_EDIT_LABELS = {
  statement: 'Edit claim statement',
  claimant: 'Edit claimant',
  state: 'Change claim state',
  assignee: 'Assign claim',
  tags: 'Edit tags',
  dueDate: 'Set due date',
  factCheckUrl: 'Edit fact-check URL',
};

/** Fields an approved claim's lock leaves open: its state (a review step) and where it is published. */
const OPEN_ON_APPROVED: readonly string[] = ['state', 'factCheckUrl'];
const SOURCE_EDIT_LABELS = {
  url: 'Edit source URL',
  title: 'Edit source title',
  publisher: 'Edit publisher',
  accessedAt: 'Edit date accessed',
  author: 'Edit source author',
  publishedAt: 'Edit date published',
  kind: 'Change source kind',
  notes: 'Edit source notes',
};
const LINK_EDIT_LABELS = { stance: 'Change stance', excerpt: 'Edit excerpt', location: 'Edit location' };

/** The specific label when exactly one known field is set, else the general one. */
export function bySingleKey<T extends object>(changes: T, labels: { [K in keyof T]?: string }, general: string): string {
  const keys = changedKeys(changes);
  return keys.length === 1 ? (labels[keys[0]] ?? general) : general;
}

export const content = defineFamily('content', contentSchemas, {
  addClaim: {
    apply(project, op) {
      let next = addClaim(project, op.claim, op.index);
      for (const link of op.links ?? []) {
        if (link.claimId !== op.claim.id) throw new OperationError(`Source link "${link.id}" belongs to claim "${link.claimId}", not "${op.claim.id}"`);
        next = linkSource(next, link, undefined);
      }
      return next;
    },
    invert: (_project, op) => ({ type: 'deleteClaim', claimId: op.claim.id }),
    describe: () => 'Mark claim',
    claimIds: (op) => [op.claim.id],
    locks: () => false,
    carries: (op) => ({ claims: [op.claim], links: op.links }),
  },

  deleteClaim: {
    apply(project, op) {
      const at = requireIndex(project.claims, op.claimId, 'claim');
      // Its links and its discussion go with it (a comment on no claim would make the file unreadable).
      const next = { ...project, claims: removeAt(project.claims, at), links: withoutItemsOnClaim(project.links, op.claimId) };
      if (!project.comments) return next;
      // Counted before: inside a batch the list may be one the batch made, and then it is changed in place.
      const before = project.comments.length;
      const comments = withoutItemsOnClaim(project.comments, op.claimId);
      return comments.length === before ? next : withComments(next, comments);
    },
    invert(project, op) {
      const at = requireIndex(project.claims, op.claimId, 'claim');
      const restore = { type: 'addClaim' as const, claim: project.claims[at], index: at };
      const relink = project.links.flatMap((link, i) => (link.claimId === op.claimId ? [{ type: 'linkSource' as const, link, index: i }] : []));
      const rethread = restoreCommentsOn(project, new Set([op.claimId]));
      return relink.length + rethread.length === 0 ? restore : { type: 'batch', label: 'Restore claim', ops: [restore, ...relink, ...rethread] };
    },
    describe: () => 'Delete claim',
    claimIds: (op) => [op.claimId],
    // An approved claim cannot be deleted until it is reopened (undo still works: the history undoes the approval first).
    locks: () => 'claim',
  },

  editClaim: {
    apply: (project, op) => claimEdits.apply(project, op.claimId, op.changes),
    invert: (project, op) => ({ type: 'editClaim', claimId: op.claimId, changes: claimEdits.before(project, op.claimId, op.changes) }),
    describe: (op) => bySingleKey(op.changes, CLAIM_EDIT_LABELS, 'Edit claim'),
    claimIds: (op) => [op.claimId],
    // A plain state change is a review step (and its undo must work on an approved claim); an
    // approved claim's fact-check URL is set once it is published.
    locks: (op) => (changedKeys(op.changes).some((key) => !OPEN_ON_APPROVED.includes(key)) ? 'claim' : false),
    stateChange: (op) => (op.changes.state === undefined ? undefined : { to: op.changes.state }),
    retired: (op) =>
      op.changes.state === undefined ? undefined : 'editClaim no longer changes a claim’s state; send a changeState operation (the review step) instead.',
  },

  setVerdict: {
    apply(project, op) {
      const at = requireIndex(project.claims, op.claimId, 'claim');
      const old = project.claims[at];
      const { levelId, rationale, conclusion } = op;
      const claim: Claim = { ...old, verdict: { ...old.verdict, ...definedFields({ levelId, rationale, conclusion }) } };
      return { ...project, claims: replaceAt(project.claims, at, claim) };
    },
    invert(project, op) {
      const { verdict } = requireItem(project.claims, op.claimId, 'claim');
      const inverse: typeof op = { type: 'setVerdict', claimId: op.claimId };
      if (op.levelId !== undefined) inverse.levelId = verdict.levelId;
      if (op.rationale !== undefined) inverse.rationale = verdict.rationale;
      if (op.conclusion !== undefined) inverse.conclusion = verdict.conclusion;
      return inverse;
    },
    describe: ({ levelId, rationale, conclusion }) =>
      bySingleKey({ levelId, rationale, conclusion }, { levelId: 'Set verdict', rationale: 'Edit rationale', conclusion: 'Edit conclusion' }, 'Set verdict'),
    claimIds: (op) => [op.claimId],
    locks: () => 'claim',
  },

  addSource: {
    apply(project, op) {
      requireNew(project.sources, op.source.id, 'source');
      return { ...project, sources: insertAt(project.sources, op.source, op.index) };
    },
    invert: (_project, op) => ({ type: 'removeSource', sourceId: op.source.id }),
    describe: () => 'Add source',
    claimIds: () => [],
    locks: () => false,
  },

  editSource: {
    apply: (project, op) => sourceEdits.apply(project, op.sourceId, op.changes),
    invert: (project, op) => ({ type: 'editSource', sourceId: op.sourceId, changes: sourceEdits.before(project, op.sourceId, op.changes) }),
    describe: (op) => bySingleKey(op.changes, SOURCE_EDIT_LABELS, 'Edit source'),
    claimIds: (op, project) => claimsCiting(project, op.sourceId),
    // Withholding a source for its safety is always possible: it changes no claim's content.
    locks: (op) => (changedKeys(op.changes).some((key) => key !== 'withheld') ? 'source' : false),
  },

  removeSource: {
    apply(project, op) {
      const at = requireIndex(project.sources, op.sourceId, 'source');
      const used = project.links.filter((l) => l.sourceId === op.sourceId).length;
      if (used > 0) throw new OperationError(`Source "${op.sourceId}" is still linked to ${used === 1 ? 'a claim' : `${used} claims`}; unlink it first`);
      return { ...project, sources: removeAt(project.sources, at) };
    },
    invert(project, op) {
      const at = requireIndex(project.sources, op.sourceId, 'source');
      return { type: 'addSource', source: project.sources[at], index: at };
    },
    describe: () => 'Remove source',
    claimIds: () => [],
    locks: () => false,
  },

  linkSource: {
    apply: (project, op) => linkSource(project, op.link, op.index),
    invert: (_project, op) => ({ type: 'unlinkSource', linkId: op.link.id }),
    describe: () => 'Link source',
    claimIds: (op) => [op.link.claimId],
    carries: (op) => ({ links: [op.link] }),
    // Undoing the removal of an article relinks its claims' sources one by one; the claim panel
    // disables "Add source" on an approved claim instead.
    locks: () => false,
  },

  editLink: {
    apply: (project, op) => linkEdits.apply(project, op.linkId, op.changes),
    invert: (project, op) => ({ type: 'editLink', linkId: op.linkId, changes: linkEdits.before(project, op.linkId, op.changes) }),
    describe: (op) => bySingleKey(op.changes, LINK_EDIT_LABELS, 'Edit source link'),
    claimIds: (op, project) => claimOfLink(project, op.linkId),
    locks: () => 'claim',
  },

  unlinkSource: {
    apply(project, op) {
      const at = requireIndex(project.links, op.linkId, 'source link');
      return { ...project, links: removeAt(project.links, at) };
    },
    invert(project, op) {
      const at = requireIndex(project.links, op.linkId, 'source link');
      return { type: 'linkSource', link: project.links[at], index: at };
    },
    describe: () => 'Unlink source',
    claimIds: (op, project) => claimOfLink(project, op.linkId),
    locks: () => 'claim',
  },
});
