/** "Use as source": an earlier fact-check becomes a source of the claim (or, if its page is already a source, is linked to it). */
import { newId } from '../../../shared/ids';
import type { CheckedBeforeMatch } from '../../../shared/api';
import type { Operation, Project } from '../../../shared/operations';
import { todayIsoDate } from '../claims/sourceOperations';

/** The project's source for this page, if it has one. */
export function sourceForUrl(project: Pick<Project, 'sources'>, url: string) {
  return project.sources.find((source) => source.url === url);
}

/** Whether this earlier fact-check is already a source of the claim. */
export function isSourceOfClaim(project: Pick<Project, 'sources' | 'links'>, claimId: string, match: CheckedBeforeMatch): boolean {
  const source = match.url ? sourceForUrl(project, match.url) : undefined;
  return !!source && project.links.some((link) => link.claimId === claimId && link.sourceId === source.id);
}

/** The operation adding the earlier fact-check as a source giving context; null when it has no page. */
export function sourceFromMatchOperation(project: Pick<Project, 'sources'>, claimId: string, match: CheckedBeforeMatch, today = todayIsoDate()): Operation | null {
  if (!match.url) return null;
  const linkId = newId('l');
  const known = sourceForUrl(project, match.url);
  const excerpt = match.verdict ? `${match.verdict}: ${match.statement}` : match.statement;
  if (known) return { type: 'linkSource', link: { id: linkId, claimId, sourceId: known.id, stance: 'context', excerpt } };
  const sourceId = newId('s');
  return {
    type: 'batch',
    label: 'Use earlier fact-check as source',
    ops: [
      {
        type: 'addSource',
        source: {
          id: sourceId,
          url: match.url,
          title: `Fact-check: ${match.statement}`,
          publisher: match.publisher ?? '',
          accessedAt: today,
          ...(match.date ? { publishedAt: match.date } : {}),
        },
      },
      { type: 'linkSource', link: { id: linkId, claimId, sourceId, stance: 'context', excerpt } },
    ],
  };
}
