/** Operations for a claim's sources: add (source + link as one step) and remove (unlink, and drop the source if unused). */
import { linksForSource } from '../../../shared/claims';
import { newId } from '../../../shared/ids';
import type { Operation, Project } from '../../../shared/operations';

export function todayIsoDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addSourceOperation(claimId: string): { op: Operation; linkId: string } {
  const sourceId = newId('s');
  const linkId = newId('l');
  return {
    linkId,
    op: {
      type: 'batch',
      label: 'Add source',
      ops: [
        { type: 'addSource', source: { id: sourceId, url: '', title: '', publisher: '', accessedAt: todayIsoDate() } },
        { type: 'linkSource', link: { id: linkId, claimId, sourceId, excerpt: '' } },
      ],
    },
  };
}

export function removeSourceOperation(project: Project, linkId: string): Operation | null {
  const link = project.links.find((candidate) => candidate.id === linkId);
  if (!link) return null;
  const stillUsed = linksForSource(project, link.sourceId).some((other) => other.id !== linkId);
  return {
    type: 'batch',
    label: 'Remove source',
    ops: stillUsed
      ? [{ type: 'unlinkSource', linkId }]
      : [
          { type: 'unlinkSource', linkId },
          { type: 'removeSource', sourceId: link.sourceId },
        ],
  };
}
