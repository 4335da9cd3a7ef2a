/** Which claims each history entry concerns, for the History panel's claim filter. */
import type { HistoryEntry, LeafOperation, Operation, Project } from '../operations';

function leaves(op: Operation): LeafOperation[] {
  return op.type === 'batch' ? op.ops : [op];
}

/** For every history entry (by seq), the ids of the claims it touched. */
export function claimsByEntry(project: Pick<Project, 'history' | 'links' | 'sources'>): Map<number, string[]> {
  const linkClaim = new Map<string, string>(project.links.map((l) => [l.id, l.claimId]));
  for (const entry of project.history) {
    for (const op of [...leaves(entry.op), ...leaves(entry.inverse)]) {
      if (op.type === 'linkSource') linkClaim.set(op.link.id, op.link.claimId);
      if (op.type === 'addClaim') for (const link of op.links ?? []) linkClaim.set(link.id, link.claimId);
    }
  }
  const result = new Map<number, string[]>();
  for (const entry of project.history) {
    const ids = new Set<string>();
    for (const op of [...leaves(entry.op), ...leaves(entry.inverse)]) {
      switch (op.type) {
        case 'addClaim':
          ids.add(op.claim.id);
          break;
        case 'deleteClaim':
        case 'editClaim':
        case 'setVerdict':
        case 'changeState':
          ids.add(op.claimId);
          break;
        case 'linkSource':
          ids.add(op.link.claimId);
          break;
        case 'editLink':
        case 'unlinkSource': {
          const claimId = linkClaim.get(op.linkId);
          if (claimId) ids.add(claimId);
          break;
        }
        case 'postComment':
          ids.add(op.comment.claimId);
          break;
        case 'setRatingScale':
          for (const v of op.verdicts) ids.add(v.claimId);
          break;
        default:
          break;
      }
    }
    result.set(entry.seq, [...ids]);
  }
  return result;
}

export function entriesForClaim(project: Pick<Project, 'history' | 'links' | 'sources'>, claimId: string | null): HistoryEntry[] {
  if (!claimId) return project.history.slice();
  const byEntry = claimsByEntry(project);
  return project.history.filter((entry) => byEntry.get(entry.seq)?.includes(claimId));
}
