/**
 * The claims of a project that belong in the archive: those with a verdict (a level of the
 * project's scale, or on a conclusion-only scale a conclusion), with the verdict's label and the
 * day it was last set.
 */
import { levelById } from '../claims';
import type { Claim } from '../model';
import { leavesOf, type Project } from '../operations';
import type { ProjectFactCheck } from './types';

type ProjectView = Pick<Project, 'id' | 'title' | 'claims' | 'ratingScale' | 'history'>;

function verdictText(claim: Claim, project: Pick<Project, 'ratingScale'>): string | undefined {
  const level = levelById(project.ratingScale, claim.verdict.levelId);
  if (level) return level.label;
  const conclusion = claim.verdict.conclusion.trim();
  return project.ratingScale.levels.length === 0 && conclusion ? conclusion : undefined;
}

/** The day each of `claimIds` (all claims when absent) last had its verdict set, from the history. */
function verdictDays(project: Pick<Project, 'history'>, claimIds?: ReadonlySet<string>): Map<string, string> {
  const days = new Map<string, string>();
  // Newest first: the first setVerdict met for a claim is its latest.
  for (let i = project.history.length - 1; i >= 0; i--) {
    const entry = project.history[i]!;
    for (const op of leavesOf(entry.op)) {
      if (op.type !== 'setVerdict' || days.has(op.claimId)) continue;
      if (claimIds && !claimIds.has(op.claimId)) continue;
      days.set(op.claimId, entry.at.slice(0, 10));
    }
    if (claimIds && days.size === claimIds.size) break;
  }
  return days;
}

function toFactCheck(project: ProjectView, claim: Claim, days: Map<string, string>): ProjectFactCheck | null {
  const verdict = verdictText(claim, project);
  if (!verdict) return null;
  const statement = (claim.statement.trim() || claim.target.quote.exact).replace(/\s+/g, ' ').trim();
  if (!statement) return null;
  const item: ProjectFactCheck = { projectId: project.id, projectTitle: project.title, claimId: claim.id, statement, verdict };
  const claimant = claim.claimant.trim();
  if (claimant) item.claimant = claimant;
  const date = days.get(claim.id);
  if (date) item.date = date;
  return item;
}

/** Every claim of the project that has a verdict, as archive items. */
export function projectFactChecks(project: ProjectView): ProjectFactCheck[] {
  const days = verdictDays(project);
  const out: ProjectFactCheck[] = [];
  for (const claim of project.claims) {
    const item = toFactCheck(project, claim, days);
    if (item) out.push(item);
  }
  return out;
}

/**
 * The archive items of some claims only (after a change that touched them): a claim that is gone
 * or has no verdict any more maps to null, so its item is removed.
 */
export function claimFactChecks(project: ProjectView, claimIds: Iterable<string>): Map<string, ProjectFactCheck | null> {
  const wanted = new Set(claimIds);
  const days = verdictDays(project, wanted);
  const out = new Map<string, ProjectFactCheck | null>();
  for (const id of wanted) out.set(id, null);
  for (const claim of project.claims) {
    if (wanted.has(claim.id)) out.set(claim.id, toFactCheck(project, claim, days));
  }
  return out;
}

/** One claim of one project: a project copied elsewhere (Save as) keeps its id, and is one entry. */
export function projectFactCheckKey(item: Pick<ProjectFactCheck, 'projectId' | 'claimId'>): string {
  return `${item.projectId}\n${item.claimId}`;
}
