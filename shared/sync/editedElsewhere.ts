/**
 * Claims changed on another copy since the window last had the project: after a merge, every entry
 * the window had not seen, made by someone else, marks the claims it concerns with who changed
 * them and when. The marker stays until the user looks at the claim.
 */
import { claimIdsOf, type HistoryEntry, type Project } from '../operations';

export interface EditedElsewhere {
  author: string;
  at: string;
}

/** Whether an entry was made by this person: by key id when both have one, else by name. */
function isOwn(entry: HistoryEntry, own: { keyId?: string | null; name: string }): boolean {
  if (entry.keyId && own.keyId) return entry.keyId === own.keyId;
  return entry.author === own.name;
}

/**
 * The claims of `after` that entries new since `before` (by id), applied and made by someone other
 * than `own`, concern — the latest author and time of each.
 */
export function claimsEditedElsewhere(before: Project, after: Project, own: { keyId?: string | null; name: string }): Map<string, EditedElsewhere> {
  const seen = new Set(before.history.map((entry) => entry.id));
  const existing = new Set(after.claims.map((claim) => claim.id));
  const marks = new Map<string, EditedElsewhere>();
  for (const entry of after.history) {
    if (seen.has(entry.id) || entry.rejected || isOwn(entry, own)) continue;
    for (const claimId of claimIdsOf(entry.op, after)) {
      if (existing.has(claimId)) marks.set(claimId, { author: entry.author, at: entry.at });
    }
  }
  return marks;
}
