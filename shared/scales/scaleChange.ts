/**
 * Changing a project's rating scale never loses a verdict: each claim's level is mapped to a level
 * of the new scale (an explicit mapping, else the same id, else the same label, case-insensitive);
 * a level that cannot be mapped is cleared and flagged with its old label (verdict.previousLabel),
 * so an editor sees it and picks again. A later change that maps it clears the flag.
 */
import type { RatingScale } from '../model';
import type { Operation, Project, VerdictLevelAssignment } from '../operations';

/** Old level id → new level id (or null to drop the level and flag the verdict). */
export type LevelMapping = Record<string, string | null>;

export function suggestMapping(from: RatingScale, to: RatingScale): LevelMapping {
  const mapping: LevelMapping = {};
  for (const old of from.levels) {
    const byId = to.levels.find((l) => l.id === old.id);
    const byLabel = to.levels.find((l) => l.label.trim().toLowerCase() === old.label.trim().toLowerCase());
    mapping[old.id] = (byId ?? byLabel)?.id ?? null;
  }
  return mapping;
}

export interface ScaleChangePlan {
  op: Operation;
  mapped: number;
  flagged: number;
}

export function planScaleChange(project: Project, scale: RatingScale, mapping: LevelMapping = suggestMapping(project.ratingScale, scale)): ScaleChangePlan {
  const verdicts: VerdictLevelAssignment[] = [];
  let mapped = 0;
  let flagged = 0;
  const newIds = new Set(scale.levels.map((l) => l.id));
  for (const claim of project.claims) {
    const { levelId, previousLabel } = claim.verdict;
    if (!levelId) {
      // A flagged verdict may find a home on the new scale by its old label.
      if (previousLabel !== undefined) {
        const home = scale.levels.find((l) => l.label.trim().toLowerCase() === previousLabel.trim().toLowerCase());
        if (home) {
          verdicts.push({ claimId: claim.id, levelId: home.id });
          mapped++;
        }
      }
      continue;
    }
    const target = Object.prototype.hasOwnProperty.call(mapping, levelId) ? mapping[levelId] : newIds.has(levelId) ? levelId : null;
    if (target && newIds.has(target)) {
      if (target !== levelId || previousLabel !== undefined) verdicts.push({ claimId: claim.id, levelId: target });
      mapped++;
    } else {
      const old = project.ratingScale.levels.find((l) => l.id === levelId);
      verdicts.push({ claimId: claim.id, levelId: null, previousLabel: old?.label ?? levelId });
      flagged++;
    }
  }
  return { op: { type: 'setRatingScale', scale, verdicts }, mapped, flagged };
}

/** Checks a custom scale before it is applied: unique non-empty ids and labels, #rrggbb colours. */
export function validateScale(scale: RatingScale): string | null {
  const ids = new Set<string>();
  const labels = new Set<string>();
  for (const level of scale.levels) {
    if (!level.id.trim()) return 'Every level needs an id.';
    if (!level.label.trim()) return 'Every level needs a name.';
    if (!/^#[0-9a-fA-F]{6}$/.test(level.color)) return `The colour of "${level.label}" must look like #2e7d5b.`;
    if (ids.has(level.id)) return `Two levels have the id "${level.id}".`;
    if (labels.has(level.label.trim().toLowerCase())) return `Two levels are named "${level.label}".`;
    ids.add(level.id);
    labels.add(level.label.trim().toLowerCase());
  }
  return null;
}
