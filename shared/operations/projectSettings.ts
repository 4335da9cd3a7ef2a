/**
 * The project's own settings: its title, its rating scale (with the verdict level of every claim the
 * change maps or flags, see shared/scales/scaleChange.ts) and the desk's methodology note.
 */
import { z } from 'zod';
import { RatingScaleSchema } from '../model';
import { defineFamily } from './family';
import { replaceAt, requireIndex, requireItem } from './lists';

const id = z.string().min(1).max(200);

/** One claim's verdict level after a rating-scale change. */
export const VerdictLevelAssignmentSchema = z.object({
  claimId: id,
  levelId: z.string().nullable(),
  /** The old level's label when it could not be mapped (flags the verdict); undefined clears the flag. */
  previousLabel: z.string().optional(),
});
export type VerdictLevelAssignment = z.infer<typeof VerdictLevelAssignmentSchema>;

export const projectSettingsSchemas = [
  z.object({ type: z.literal('renameProject'), title: z.string() }),
  /** Replaces the project's rating scale and sets the verdict level of the listed claims. */
  z.object({ type: z.literal('setRatingScale'), scale: RatingScaleSchema, verdicts: z.array(VerdictLevelAssignmentSchema) }),
  z.object({ type: z.literal('setMethodology'), text: z.string() }),
] as const;

export const projectSettings = defineFamily('projectSettings', projectSettingsSchemas, {
  renameProject: {
    apply: (project, op) => ({ ...project, title: op.title }),
    invert: (project) => ({ type: 'renameProject', title: project.title }),
    describe: () => 'Rename project',
    claimIds: () => [],
    locks: () => false,
  },

  setRatingScale: {
    apply(project, op) {
      let claims = project.claims;
      for (const assignment of op.verdicts) {
        const at = requireIndex(claims, assignment.claimId, 'claim');
        const old = claims[at];
        const verdict = { ...old.verdict, levelId: assignment.levelId };
        if (assignment.previousLabel === undefined) delete verdict.previousLabel;
        else verdict.previousLabel = assignment.previousLabel;
        claims = replaceAt(claims, at, { ...old, verdict });
      }
      return { ...project, ratingScale: op.scale, claims };
    },
    invert(project, op) {
      const verdicts = op.verdicts.map(({ claimId }): VerdictLevelAssignment => {
        const { verdict } = requireItem(project.claims, claimId, 'claim');
        return verdict.previousLabel === undefined ? { claimId, levelId: verdict.levelId } : { claimId, levelId: verdict.levelId, previousLabel: verdict.previousLabel };
      });
      return { type: 'setRatingScale', scale: project.ratingScale, verdicts };
    },
    describe: () => 'Change rating scale',
    claimIds: (op) => op.verdicts.map((v) => v.claimId),
    locks: () => false,
  },

  setMethodology: {
    apply(project, op) {
      if (op.text !== '') return { ...project, methodology: op.text };
      const { methodology: _dropped, ...rest } = project;
      return rest;
    },
    invert: (project) => ({ type: 'setMethodology', text: project.methodology ?? '' }),
    describe: () => 'Edit methodology note',
    claimIds: () => [],
    locks: () => false,
  },
});
