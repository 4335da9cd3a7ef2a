/** Reuse of library sources: a source whose URL another library source already has is swapped for that one. */
import type { ClaimSourceLink, Source } from '../../../shared/model';
import { newId } from '../../../shared/ids';
import type { LeafOperation, Operation, Project } from '../../../shared/operations';

export function normalizeUrl(url: string): string {
  return url.trim().replace(/#.*$/, '').replace(/\/+$/, '').toLowerCase();
}

/** Another library source with the same URL, if any. */
export function libraryMatch(project: Project, source: Source): Source | undefined {
  const key = normalizeUrl(source.url);
  if (!key) return undefined;
  return project.sources.find((other) => other.id !== source.id && normalizeUrl(other.url) === key);
}

/** Relinks this claim to `target` (keeping stance, excerpt and location) and drops the duplicate when nothing else uses it. */
export function reuseSourceOperation(project: Project, link: ClaimSourceLink, target: Source): Operation | null {
  if (project.links.some((l) => l.claimId === link.claimId && l.sourceId === target.id)) return null;
  const next: ClaimSourceLink = { ...link, id: newId('l'), sourceId: target.id };
  const ops: LeafOperation[] = [
    { type: 'unlinkSource', linkId: link.id },
    { type: 'linkSource', link: next },
  ];
  if (!project.links.some((l) => l.sourceId === link.sourceId && l.id !== link.id)) ops.push({ type: 'removeSource', sourceId: link.sourceId });
  return { type: 'batch', label: 'Reuse library source', ops };
}

/** The library sources a claim can still be linked to ("Add from library"): not linked to it yet, with a URL or title. */
export function librarySourcesFor(project: Project, claimId: string): Source[] {
  const linked = new Set(project.links.filter((l) => l.claimId === claimId).map((l) => l.sourceId));
  return project.sources.filter((s) => !linked.has(s.id) && (s.url || s.title));
}

/** Links an existing library source to a claim. */
export function linkLibrarySourceOperation(claimId: string, source: Source): Operation {
  return {
    type: 'batch',
    label: 'Add source from library',
    ops: [{ type: 'linkSource', link: { id: newId('l'), claimId, sourceId: source.id, excerpt: '' } }],
  };
}
