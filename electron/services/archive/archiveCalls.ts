/**
 * The contract's "Checked before?" call over the archive service: the matches of a claim's statement
 * and of its quote as one list, leaving out the claim itself.
 */
import type { CallArgs, CheckedBeforeResult } from '../../../shared/api';
import { mergeMatches } from '../../../shared/archive/search';
import { ArchiveService, DEFAULT_CHECKED_BEFORE_LIMIT } from './archiveService';

export interface ArchiveCalls {
  checkedBefore(args: CallArgs<'checkedBefore'>): Promise<CheckedBeforeResult>;
}

/** `openProjectId` gives the open project's id, so the claim being checked is not offered as its own match. */
export function archiveCalls(service: ArchiveService, openProjectId: () => string | null): ArchiveCalls {
  return {
    async checkedBefore({ text, quote, claimId, otherProjectsOnly, limit }) {
      const max = limit ?? DEFAULT_CHECKED_BEFORE_LIMIT;
      const projectId = openProjectId();
      const exclude = projectId && otherProjectsOnly ? { projectId } : claimId && projectId ? { projectId, claimId } : undefined;
      const queries = [...new Set([text, quote ?? ''].map((q) => q.trim()).filter(Boolean))];
      const lists = [];
      for (const query of queries) lists.push((await service.checkedBefore(query, { limit: max, exclude })).matches);
      return { matches: mergeMatches(lists, max) };
    },
  };
}
