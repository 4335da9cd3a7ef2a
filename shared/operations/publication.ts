/**
 * Publication: where and by whom the project's fact-checks are published (the organisation and the
 * "Published at" address that ClaimReview and the reports use), and the corrections log of
 * published claims. None of these is refused on an approved claim: correcting a published claim is
 * what corrections are for.
 */
import { z } from 'zod';
import { CorrectionSchema, PublicationSchema } from '../model';
import { OperationError } from './errors';
import { defineFamily } from './family';
import { changedKeys, previousValues, withChanges } from './fields';
import { insertAt, removeAt, requireIndex, requireNew } from './lists';
import type { Project } from './schema';

const id = z.string().min(1).max(200);

/** The publication fields a change sets; '' clears one. */
export const PublicationChangesSchema = z.object({ organisation: z.string(), publishedAt: z.string() }).partial();
export type PublicationChanges = z.infer<typeof PublicationChangesSchema>;

export const publicationSchemas = [
  z.object({ type: z.literal('setPublication'), changes: PublicationChangesSchema }),
  /** Records a dated correction of a claim (at `index` of the corrections log when undoing its removal). */
  z.object({ type: z.literal('addCorrection'), correction: CorrectionSchema, index: z.number().int().nonnegative().optional() }),
  /** Takes a correction out of the log (the undo of adding it). */
  z.object({ type: z.literal('removeCorrection'), correctionId: id }),
] as const;

const PUBLICATION_LABELS: Record<keyof PublicationChanges, string> = {
  organisation: 'Set organisation',
  publishedAt: 'Set published address',
};

export const publication = defineFamily('publication', publicationSchemas, {
  setPublication: {
    apply(project, op) {
      const next = withChanges(project.publication ?? {}, op.changes, PublicationSchema);
      if (Object.keys(next).length > 0) return { ...project, publication: next };
      // No details is no object, as in a project that never had any (so undoing the first edit restores it exactly).
      const { publication: _none, ...rest } = project;
      return rest;
    },
    invert: (project, op) => ({ type: 'setPublication', changes: previousValues(project.publication ?? {}, op.changes) }),
    describe(op) {
      const keys = changedKeys(op.changes);
      return keys.length === 1 ? PUBLICATION_LABELS[keys[0]] : 'Edit publication details';
    },
    claimIds: () => [],
    locks: () => false,
  },

  addCorrection: {
    // A new correction (not one restored by undo, which carries its index) is the sender's.
    withAuthor: (op, author) => (op.index === undefined ? { ...op, correction: { ...op.correction, author } } : op),
    apply(project, op) {
      const corrections = project.corrections ?? [];
      requireNew(corrections, op.correction.id, 'correction');
      if (!project.claims.some((c) => c.id === op.correction.claimId)) {
        throw new OperationError(`No claim with id "${op.correction.claimId}" for correction "${op.correction.id}"`);
      }
      return { ...project, corrections: insertAt(corrections, op.correction, op.index) };
    },
    invert: (_project, op) => ({ type: 'removeCorrection', correctionId: op.correction.id }),
    describe: () => 'Add correction',
    claimIds: (op) => [op.correction.claimId],
    locks: () => false,
    carries: (op) => ({ corrections: [op.correction] }),
  },

  removeCorrection: {
    apply(project, op) {
      const corrections = project.corrections ?? [];
      const remaining = removeAt(corrections, requireIndex(corrections, op.correctionId, 'correction'));
      if (remaining.length > 0) return { ...project, corrections: remaining };
      const { corrections: _none, ...rest } = project;
      return rest as Project;
    },
    invert(project, op) {
      const corrections = project.corrections ?? [];
      const at = requireIndex(corrections, op.correctionId, 'correction');
      return { type: 'addCorrection', correction: corrections[at], index: at };
    },
    describe: () => 'Remove correction',
    claimIds: (op, project) => (project.corrections ?? []).filter((c) => c.id === op.correctionId).map((c) => c.claimId),
    locks: () => false,
  },
});
