/**
 * Concurrent edits of one field. An edit records (in its inverse) the value the author saw before
 * it; when that is not the value the merged history holds right before the edit, the author did
 * not see the other change: both values are kept as a conflict (who and when), the later one in
 * merge order stands in the project, until an edit made with the current value in view (or any
 * local edit of that field) resolves it.
 */
import type { SyncConflict } from '../model';
import { invert, type HistoryEntry, type LeafOperation, type Operation, type Project } from '../operations';
import { canonicalJson } from './canonicalJson';

type FieldConflict = Extract<SyncConflict, { kind: 'field' }>;
type ConflictValue = FieldConflict['values'][number];

export interface FieldEdit {
  key: string;
  entity: FieldConflict['entity'];
  entityId: string;
  field: string;
  value: unknown;
}

const VERDICT_FIELDS = ['levelId', 'rationale', 'conclusion'] as const;

/** The fields a single operation sets, with the values it sets them to. */
export function fieldEdits(op: Operation): FieldEdit[] {
  const edit = (entity: FieldEdit['entity'], entityId: string, field: string, value: unknown): FieldEdit => ({
    key: `${entity}:${entityId}:${field}`,
    entity,
    entityId,
    field,
    value,
  });
  switch (op.type) {
    case 'editClaim':
      return Object.entries(op.changes).map(([field, value]) => edit('claim', op.claimId, field, value));
    case 'editSource':
      return Object.entries(op.changes).map(([field, value]) => edit('source', op.sourceId, field, value));
    case 'editLink':
      return Object.entries(op.changes).map(([field, value]) => edit('link', op.linkId, field, value));
    case 'setVerdict':
      return VERDICT_FIELDS.filter((f) => op[f] !== undefined).map((f) => edit('verdict', op.claimId, f, op[f]));
    default:
      return [];
  }
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

function valueIn(inverse: Operation, key: string): unknown {
  return fieldEdits(inverse).find((e) => e.key === key)?.value;
}

/** What one observed edit changed in the tracker, to take it back (a merge that resumes earlier in the history). */
export interface TrackerUndo {
  key: string;
  writer: ConflictValue | undefined;
  open: OpenConflict | undefined;
}

/** An open conflict and when it was opened: conflicts are listed in the order they were opened. */
interface OpenConflict {
  order: number;
  conflict: FieldConflict;
}

/** Keeps the conflicts and the last writer of each field while a merge replays the history. */
export class FieldConflictTracker {
  private readonly open = new Map<string, OpenConflict>();
  private readonly lastWriter = new Map<string, ConflictValue>();
  private opened = 0;

  /**
   * Called for an entry about to be applied to `state`. Only single operations are compared (a
   * batch's inverse does not pair up field by field). With `undo`, what it changes is recorded there.
   */
  observe(state: Project, entry: HistoryEntry, undo?: TrackerUndo[]): void {
    const op = entry.op as LeafOperation | Operation;
    if (op.type === 'batch') return;
    const edits = fieldEdits(op);
    if (edits.length === 0) return;
    let current: Operation | null = null;
    try {
      current = invert(state, op);
    } catch {
      return; // it will not apply; the merge reports that
    }
    for (const edit of edits) {
      undo?.push({ key: edit.key, writer: this.lastWriter.get(edit.key), open: this.open.get(edit.key) });
      const currentValue = valueIn(current, edit.key);
      const seen = valueIn(entry.inverse, edit.key);
      const writer: ConflictValue = { value: edit.value ?? null, author: entry.author, at: entry.at, entryId: entry.id, ...(entry.keyId ? { keyId: entry.keyId } : {}) };
      if (same(seen, currentValue) || same(edit.value, currentValue)) {
        // Made with the current value in view (or writes it again): settles any conflict there.
        if (same(seen, currentValue)) this.open.delete(edit.key);
      } else {
        const previous = this.lastWriter.get(edit.key) ?? {
          value: currentValue ?? null,
          author: '(earlier version)',
          at: entry.at,
          entryId: 'base',
        };
        const was = this.open.get(edit.key);
        const values = was ? [...was.conflict.values, writer] : [previous, writer];
        const conflict: FieldConflict = { kind: 'field', id: edit.key, entity: edit.entity, entityId: edit.entityId, field: edit.field, values };
        this.open.set(edit.key, { order: was ? was.order : this.opened++, conflict });
      }
      this.lastWriter.set(edit.key, writer);
    }
  }

  /** Takes back what `observe` recorded in `undo` (the records of one or more entries, taken back newest first). */
  takeBack(undo: readonly TrackerUndo[]): void {
    for (let i = undo.length - 1; i >= 0; i--) {
      const { key, writer, open } = undo[i]!;
      if (writer === undefined) this.lastWriter.delete(key);
      else this.lastWriter.set(key, writer);
      if (open === undefined) this.open.delete(key);
      else this.open.set(key, open);
    }
  }

  /** The open conflicts, in the order they were opened. */
  conflicts(): FieldConflict[] {
    return [...this.open.values()].sort((a, b) => a.order - b.order).map((o) => o.conflict);
  }
}

/** After a local change: any field it set is settled (the person saw the conflict's current value). */
export function settleConflicts(project: Project, op: Operation): Project {
  if (!project.conflicts?.length) return project;
  const keys = new Set((op.type === 'batch' ? op.ops : [op]).flatMap((leaf) => fieldEdits(leaf).map((e) => e.key)));
  if (keys.size === 0) return project;
  const conflicts = project.conflicts.filter((c) => c.kind !== 'field' || !keys.has(c.id));
  if (conflicts.length === project.conflicts.length) return project;
  if (conflicts.length > 0) return { ...project, conflicts };
  const { conflicts: _none, ...rest } = project;
  return rest;
}
