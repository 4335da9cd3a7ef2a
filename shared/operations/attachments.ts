/**
 * Offline copies of a source (saved page, PDF, screenshot). The file itself is already stored in
 * the project's assets folder by content hash; these operations add or remove the reference.
 */
import { z } from 'zod';
import { AttachmentSchema, type Source } from '../model';
import { claimsCiting } from './content';
import { OperationError } from './errors';
import { defineFamily } from './family';
import { insertAt, removeAt, replaceAt, requireIndex } from './lists';
import type { Project } from './schema';

const id = z.string().min(1).max(200);

export const attachmentSchemas = [
  /** Attaches an offline copy (already stored in the assets folder) to a source. */
  z.object({ type: z.literal('attachFile'), sourceId: id, attachment: AttachmentSchema, index: z.number().int().nonnegative().optional() }),
  z.object({ type: z.literal('detachFile'), sourceId: id, sha256: z.string() }),
] as const;

function attachmentIndex(source: Source, sha256: string): number {
  const at = (source.attachments ?? []).findIndex((a) => a.sha256 === sha256);
  if (at < 0) throw new OperationError(`No attachment ${sha256.slice(0, 12)}… on source "${source.id}"`);
  return at;
}

function withSource(project: Project, at: number, source: Source): Project {
  return { ...project, sources: replaceAt(project.sources, at, source) };
}

export const attachments = defineFamily('attachments', attachmentSchemas, {
  attachFile: {
    apply(project, op) {
      const at = requireIndex(project.sources, op.sourceId, 'source');
      const source = project.sources[at];
      const list = source.attachments ?? [];
      if (list.some((a) => a.sha256 === op.attachment.sha256)) throw new OperationError('This file is already attached to the source');
      return withSource(project, at, { ...source, attachments: insertAt(list, op.attachment, op.index) });
    },
    invert: (_project, op) => ({ type: 'detachFile', sourceId: op.sourceId, sha256: op.attachment.sha256 }),
    describe: () => 'Attach file',
    claimIds: (op, project) => claimsCiting(project, op.sourceId),
    locks: () => 'source',
  },

  detachFile: {
    apply(project, op) {
      const at = requireIndex(project.sources, op.sourceId, 'source');
      const source = project.sources[at];
      const next: Source = { ...source, attachments: removeAt(source.attachments ?? [], attachmentIndex(source, op.sha256)) };
      if (next.attachments!.length === 0) delete next.attachments;
      return withSource(project, at, next);
    },
    invert(project, op) {
      const source = project.sources[requireIndex(project.sources, op.sourceId, 'source')];
      const at = attachmentIndex(source, op.sha256);
      return { type: 'attachFile', sourceId: op.sourceId, attachment: source.attachments![at], index: at };
    },
    describe: () => 'Remove attachment',
    claimIds: (op, project) => claimsCiting(project, op.sourceId),
    locks: () => 'source',
  },
});
