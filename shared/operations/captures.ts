/**
 * Captures of a source as evidence (WARC, picture, PDF, text, already stored in the assets folder by
 * content hash) and the project's archiving choice. Keeping a copy of a source changes no claim, so
 * none of these is refused on an approved claim.
 */
import { z } from 'zod';
import { ArchivingSchema, CaptureSchema, type Source } from '../model';
import { claimsCiting } from './content';
import { OperationError } from './errors';
import { defineFamily } from './family';
import { insertAt, removeAt, replaceAt, requireIndex } from './lists';
import type { Project } from './schema';

const id = z.string().min(1).max(200);

export const captureSchemas = [
  /** Adds a capture (its files already stored in the assets folder) to a source, at `index` of its captures. */
  z.object({ type: z.literal('attachCapture'), sourceId: id, capture: CaptureSchema, index: z.number().int().nonnegative().optional() }),
  /** Removes a capture from a source (its files stay in the assets folder, shared by content). */
  z.object({ type: z.literal('detachCapture'), sourceId: id, captureId: id }),
  /** Sets the project's capture choices; null returns to the defaults. */
  z.object({ type: z.literal('setArchiving'), archiving: ArchivingSchema.nullable() }),
] as const;

function captureIndex(source: Source, captureId: string): number {
  const index = (source.captures ?? []).findIndex((c) => c.id === captureId);
  if (index < 0) throw new OperationError(`No capture "${captureId}" on source "${source.id}"`);
  return index;
}

function withSource(project: Project, at: number, source: Source): Project {
  return { ...project, sources: replaceAt(project.sources, at, source) };
}

export const captures = defineFamily('captures', captureSchemas, {
  attachCapture: {
    apply(project, op) {
      const at = requireIndex(project.sources, op.sourceId, 'source');
      const source = project.sources[at];
      const list = source.captures ?? [];
      if (list.some((c) => c.id === op.capture.id)) throw new OperationError('This capture is already on the source');
      return withSource(project, at, { ...source, captures: insertAt(list, op.capture, op.index) });
    },
    invert: (_project, op) => ({ type: 'detachCapture', sourceId: op.sourceId, captureId: op.capture.id }),
    describe: () => 'Capture source',
    claimIds: (op, project) => claimsCiting(project, op.sourceId),
    locks: () => false,
  },

  detachCapture: {
    apply(project, op) {
      const at = requireIndex(project.sources, op.sourceId, 'source');
      const source = project.sources[at];
      const next: Source = { ...source, captures: removeAt(source.captures ?? [], captureIndex(source, op.captureId)) };
      if (next.captures!.length === 0) delete next.captures;
      return withSource(project, at, next);
    },
    invert(project, op) {
      const source = project.sources[requireIndex(project.sources, op.sourceId, 'source')];
      const index = captureIndex(source, op.captureId);
      return { type: 'attachCapture', sourceId: op.sourceId, capture: source.captures![index], index };
    },
    describe: () => 'Remove capture',
    claimIds: (op, project) => claimsCiting(project, op.sourceId),
    locks: () => false,
  },

  setArchiving: {
    apply(project, op) {
      if (op.archiving !== null) return { ...project, archiving: op.archiving };
      const { archiving: _dropped, ...rest } = project;
      return rest;
    },
    invert: (project) => ({ type: 'setArchiving', archiving: project.archiving ?? null }),
    describe: (op) => (op.archiving?.saveToWayback ? 'Also save captures to the Internet Archive' : 'Stop saving captures to the Internet Archive'),
    claimIds: () => [],
    locks: () => false,
  },
});
