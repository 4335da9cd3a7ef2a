/**
 * The claims of a project that belong in the archive: those with a verdict (a level of the
 * project's scale, or on a conclusion-only scale a conclusion), with the verdict's label and the
 * day it was last set.
 */
import { levelById } from '../claims';
import type { Claim } from '../model';
import type { LeafOperation, Project } from '../operations';
import type { ProjectFactCheck } from './types';

function verdictText(claim: Claim, project: Pick<Project, 'ratingScale'>): string | undefined {
  const level = levelById(project.ratingScale, claim.verdict.levelId);
  if (level) return level.label;
  const conclusion = claim.verdict.conclusion.trim();
  return project.ratingScale.levels.length === 0 && conclusion ? conclusion : undefined;
}

/** The day each claim's verdict was last set, from the history. */
function verdictDays(project: Pick<Project, 'history'>): Map<string, string> {
  const days = new Map<string, string>();
  for (const entry of project.history) {
    const ops: LeafOperation[] = entry.op.type === 'batch' ? entry.op.ops : [entry.op];
    for (const op of ops) {
      if (op.type === 'setVerdict') days.set(op.claimId, entry.at.slice(0, 10));
    }
  }
  return days;
}

export function projectFactChecks(project: Pick<Project, 'id' | 'claims' | 'ratingScale' | 'history'>): ProjectFactCheck[] {
  let days: Map<string, string> | undefined;
  const out: ProjectFactCheck[] = [];
  for (const claim of project.claims) {
    const verdict = verdictText(claim, project);
    if (!verdict) continue;
    const statement = (claim.statement.trim() || claim.target.quote.exact).replace(/\s+/g, ' ').trim();
    if (!statement) continue;
    days ??= verdictDays(project);
    const item: ProjectFactCheck = { projectId: project.id, claimId: claim.id, statement, verdict };
    const claimant = claim.claimant.trim();
    if (claimant) item.claimant = claimant;
    const date = days.get(claim.id);
    if (date) item.date = date;
    out.push(item);
  }
  return out;
}

/** One claim of one project: a project copied elsewhere (Save as) keeps its id, and is one entry. */
export function projectFactCheckKey(item: Pick<ProjectFactCheck, 'projectId' | 'claimId'>): string {
  return `${item.projectId}\n${item.claimId}`;
}
