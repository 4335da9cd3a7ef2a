/**
 * Warnings a careful editor wants before approving a claim: no source, sources that all point the
 * opposite way from the verdict, a verdict whose level was lost in a scale change, and article
 * wording that changed after the verdict.
 */
import { anchor } from '../anchoring/index';
import { hasVerdict } from '../claims';
import type { Claim, RatingScale } from '../model';
import type { Project } from '../operations';

export type WarningCode = 'no-source' | 'opposite-sources' | 'wording-changed' | 'unmapped-verdict' | 'no-verdict';

export interface ReviewWarning {
  code: WarningCode;
  message: string;
}

/** Where a level sits between the scale's lowest (0) and highest (1) numeric rating; null when unrated. */
export function levelLeaning(scale: RatingScale, levelId: string | null): number | null {
  if (!levelId) return null;
  const level = scale.levels.find((l) => l.id === levelId);
  if (!level || level.rating === null || level.rating === undefined) return null;
  const ratings = scale.levels.map((l) => l.rating).filter((r): r is number => typeof r === 'number');
  const min = Math.min(...ratings);
  const max = Math.max(...ratings);
  if (max === min) return null;
  return (level.rating - min) / (max - min);
}

/** The claim's article wording changed after the verdict: flagged by the anchoring (needsRecheck) or the quote no longer found as it was. */
export function wordingChanged(project: Project, claim: Claim): boolean {
  if (claim.needsRecheck === true) return true;
  const article = project.articles.find((a) => a.id === claim.articleId);
  if (!article) return false;
  try {
    const found = anchor(article.text, claim.target);
    return found.status === 'changed' || found.status === 'orphaned';
  } catch {
    return false;
  }
}

export function reviewWarnings(project: Project, claim: Claim): ReviewWarning[] {
  const warnings: ReviewWarning[] = [];
  const links = project.links.filter((l) => l.claimId === claim.id);
  const verdictGiven = hasVerdict(claim, project.ratingScale);

  if (links.length === 0) warnings.push({ code: 'no-source', message: 'No source: this verdict rests on no cited evidence.' });

  if (claim.verdict.previousLabel !== undefined && !claim.verdict.levelId) {
    warnings.push({
      code: 'unmapped-verdict',
      message: `The verdict was "${claim.verdict.previousLabel}" before the rating scale changed; pick a level on the new scale.`,
    });
  } else if (!verdictGiven && (claim.state === 'readyForReview' || claim.state === 'changesRequested')) {
    warnings.push({ code: 'no-verdict', message: 'No verdict has been proposed yet.' });
  }

  const leaning = levelLeaning(project.ratingScale, claim.verdict.levelId);
  if (leaning !== null && links.length > 0) {
    if (leaning < 0.5 && links.every((l) => l.stance === 'supports')) {
      warnings.push({ code: 'opposite-sources', message: 'The verdict leans false, but every source supports the claim.' });
    } else if (leaning > 0.5 && links.every((l) => l.stance === 'refutes')) {
      warnings.push({ code: 'opposite-sources', message: 'The verdict leans true, but every source refutes the claim.' });
    }
  }

  if (verdictGiven && wordingChanged(project, claim)) {
    warnings.push({ code: 'wording-changed', message: 'The article’s wording changed after the verdict; re-check the claim against the new text.' });
  }
  return warnings;
}
