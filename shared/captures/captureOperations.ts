/** Reducer, inverse and history labels of the capture operations (attachCapture, detachCapture, setArchiving). */
import type { Source } from '../model';
import { OperationError, type LeafOperation, type Project } from '../operations';
import { insertAt, removeAt, replaceAt, requireIndex } from '../listOps';

export type CaptureOperation = Extract<LeafOperation, { type: 'attachCapture' | 'detachCapture' | 'setArchiving' }>;

const CAPTURE_TYPES = new Set<string>(['attachCapture', 'detachCapture', 'setArchiving']);

export function isCaptureOperation(op: LeafOperation): op is CaptureOperation {
  return CAPTURE_TYPES.has(op.type);
}

function captureIndex(source: Source, captureId: string): number {
  const index = (source.captures ?? []).findIndex((c) => c.id === captureId);
  if (index < 0) throw new OperationError(`No capture "${captureId}" on source "${source.id}"`);
  return index;
}

export function applyCaptureOperation(project: Project, op: CaptureOperation): Project {
  switch (op.type) {
    case 'attachCapture': {
      const index = requireIndex(project.sources, op.sourceId, 'source');
      const source = project.sources[index];
      const captures = source.captures ?? [];
      if (captures.some((c) => c.id === op.capture.id)) throw new OperationError(`This capture is already on the source`);
      const next: Source = { ...source, captures: insertAt(captures, op.capture, op.index) };
      return { ...project, sources: replaceAt(project.sources, index, next) };
    }
    case 'detachCapture': {
      const index = requireIndex(project.sources, op.sourceId, 'source');
      const source = project.sources[index];
      const remaining = removeAt(source.captures ?? [], captureIndex(source, op.captureId));
      const next: Source = { ...source, captures: remaining };
      if (remaining.length === 0) delete next.captures;
      return { ...project, sources: replaceAt(project.sources, index, next) };
    }
    case 'setArchiving': {
      if (op.archiving !== null) return { ...project, archiving: op.archiving };
      const { archiving: _dropped, ...rest } = project;
      return rest;
    }
    default: {
      const unknown: never = op;
      throw new OperationError(`Unknown operation: ${String((unknown as { type?: unknown }).type)}`);
    }
  }
}

export function invertCaptureOperation(project: Project, op: CaptureOperation): CaptureOperation {
  switch (op.type) {
    case 'attachCapture':
      return { type: 'detachCapture', sourceId: op.sourceId, captureId: op.capture.id };
    case 'detachCapture': {
      const source = project.sources[requireIndex(project.sources, op.sourceId, 'source')];
      const index = captureIndex(source, op.captureId);
      return { type: 'attachCapture', sourceId: op.sourceId, capture: source.captures![index], index };
    }
    case 'setArchiving':
      return { type: 'setArchiving', archiving: project.archiving ?? null };
    default: {
      const unknown: never = op;
      throw new OperationError(`Unknown operation: ${String((unknown as { type?: unknown }).type)}`);
    }
  }
}

export function describeCaptureOperation(op: CaptureOperation): string {
  switch (op.type) {
    case 'attachCapture':
      return 'Capture source';
    case 'detachCapture':
      return 'Remove capture';
    case 'setArchiving':
      return op.archiving?.saveToWayback ? 'Also save captures to the Internet Archive' : 'Stop saving captures to the Internet Archive';
    default:
      return 'Change';
  }
}
