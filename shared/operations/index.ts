/**
 * Operations on a project — the public face of shared/operations. One module per family
 * (content.ts: claims, sources, links; articles.ts; anchoring.ts; review.ts; projectSettings.ts;
 * attachments.ts; captures.ts; publication.ts), one registry (registry.ts) that applies, inverts, labels and locks them.
 * A new operation goes in its family's schemas and handlers; nothing else needs to know it.
 */
export {
  LeafOperationSchema,
  BatchOperationSchema,
  OperationSchema,
  HistoryEntrySchema,
  ProjectSchema,
  StoredProjectSchema,
  operationShapeProblem,
  ChangeSchema,
  type LeafOperation,
  type Operation,
  type OperationType,
  type HistoryEntry,
  type Project,
  type Change,
  type ChangeMeta,
} from './schema';
export { OperationError } from './errors';
export { plainStoredEntry, readStoredEntry } from './storedEntry';
export {
  articleVersionProblems,
  assertInvariantsKept,
  claimProblems,
  claimSpanProblems,
  describeProblem,
  duplicateIds,
  keepsOldSelectors,
  spanProblem,
  verdictGiven,
  verdictProblems,
  type Problem,
} from './invariants';
export type { Carried, ClaimLookup, LockedPart, OperationFamily, StateChange } from './family';
export {
  OPERATION_FAMILIES,
  LOCKED_MESSAGE,
  apply,
  applyWithInverse,
  assertUnlocked,
  carriedBy,
  claimIdsOf,
  describeOperation,
  familyOf,
  invert,
  leavesOf,
  previewLeaf,
  retiredReason,
  withAuthor,
  stateChangeOf,
  validateOperation,
} from './registry';
export { ClaimChangesSchema, LinkChangesSchema, SourceChangesSchema, type ClaimChanges } from './content';
export { ArticleMetadataChangesSchema, type ArticleMetadataChanges } from './articles';
export { ClaimAnchoringSchema, anchoringOf, snapshotOf, type ClaimAnchoring } from './anchoring';
export { VerdictLevelAssignmentSchema, type VerdictLevelAssignment } from './projectSettings';
export { PublicationChangesSchema, type PublicationChanges } from './publication';
export { ApprovalOverrideSchema, ReviewActionSchema, type ApprovalOverride, type ReviewAction } from '../workflow/steps';
