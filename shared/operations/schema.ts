/**
 * Operations: the only way a project changes. A discriminated union on `type` of every family's
 * schemas (operations cross the API boundary and are stored in the history), plus `batch`, several
 * operations applied and undone as one step. Also the schemas that hold operations: history
 * entries, the project file and the changes the renderer sends.
 */
import { z } from 'zod';
import { limitedText } from '../limits';
import { HistoryEntryBaseSchema, ProjectBaseSchema } from '../model';
import { anchoringSchemas } from './anchoring';
import { articleSchemas } from './articles';
import { attachmentSchemas } from './attachments';
import { captureSchemas } from './captures';
import { contentSchemas } from './content';
import { memberSchemas } from './members';
import { projectSettingsSchemas } from './projectSettings';
import { publicationSchemas } from './publication';
import { reviewSchemas } from './review';
import { suggestionSchemas } from './suggestions';

const leafOperations = [
  ...projectSettingsSchemas,
  ...articleSchemas,
  ...contentSchemas,
  ...reviewSchemas,
  ...attachmentSchemas,
  ...anchoringSchemas,
  ...captureSchemas,
  ...suggestionSchemas,
  ...publicationSchemas,
  ...memberSchemas,
] as const;

export const LeafOperationSchema = z.discriminatedUnion('type', leafOperations);

/** Several operations applied (and undone) as one step, e.g. "add a source and link it to a claim". */
export const BatchOperationSchema = z.object({
  type: z.literal('batch'),
  label: limitedText('line').optional(),
  ops: z.array(LeafOperationSchema).min(1),
});

export const OperationSchema = z.discriminatedUnion('type', [...leafOperations, BatchOperationSchema]);

export type LeafOperation = z.infer<typeof LeafOperationSchema>;
export type Operation = z.infer<typeof OperationSchema>;
export type OperationType = Operation['type'];

export const HistoryEntrySchema = HistoryEntryBaseSchema.extend({
  /** The operation as applied. */
  op: OperationSchema,
  /** The operation that reverses `op` on the state right after it (computed when applied). */
  inverse: OperationSchema,
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const ProjectSchema = ProjectBaseSchema.extend({
  history: z.array(HistoryEntrySchema),
});
export type Project = z.infer<typeof ProjectSchema>;

const LEAF_TYPES: ReadonlySet<string> = new Set(leafOperations.map((schema) => schema.shape.type.value));

/** Deeper than any operation nests (batch, claim, verdict, article blocks): past it the value cannot be written back as JSON safely. */
const MAX_OPERATION_DEPTH = 40;

/** Whether `value` nests more than `limit` levels of objects and arrays (the recursion stops at `limit`: it cannot overflow). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit <= 0) return true;
  if (Array.isArray(value)) {
    for (const child of value) if (nestsDeeperThan(child, limit - 1)) return true;
    return false;
  }
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key) && nestsDeeperThan((value as Record<string, unknown>)[key], limit - 1)) return true;
  }
  return false;
}

/** Why a stored operation is not even shaped like one (an object of a known type; a batch of such; not absurdly deep), or null. */
export function operationShapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected an operation';
  if (nestsDeeperThan(value, MAX_OPERATION_DEPTH)) return 'nested too deeply to be an operation';
  const { type, ops } = value as { type?: unknown; ops?: unknown };
  if (type === 'batch') {
    if (!Array.isArray(ops) || ops.length === 0) return 'a batch needs at least one operation';
    for (const leaf of ops) {
      const problem = operationShapeProblem(leaf);
      if (problem) return problem;
      if ((leaf as { type: string }).type === 'batch') return 'a batch cannot hold a batch';
    }
    return null;
  }
  return typeof type === 'string' && LEAF_TYPES.has(type) ? null : `unknown operation type ${JSON.stringify(type) ?? 'nothing'}`;
}

// A stored entry's operation was validated when it entered the history (made here, or received and
// checked then); on open only its shape is checked, and `apply` validates it in full whenever it is
// replayed (undo, redo, merge). Validating 200,000 stored operations would cost a second per open.
const StoredOperationSchema = z.custom<Operation>((value) => operationShapeProblem(value) === null, {
  error: (issue) => operationShapeProblem(issue.input) ?? 'expected an operation',
});

/** A history entry as read from the project file: every field checked, its operations by shape. */
export const StoredHistoryEntrySchema = HistoryEntryBaseSchema.extend({ op: StoredOperationSchema, inverse: StoredOperationSchema });

/** The project file as read on open: everything validated in full except the history's operations (shape only). */
export const StoredProjectSchema = ProjectBaseSchema.extend({
  history: z.array(StoredHistoryEntrySchema),
});

/** A change the user asks for: a new operation, or undo / redo of the latest undoable step. */
export const ChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('do'), op: OperationSchema }),
  z.object({ kind: z.literal('undo') }),
  z.object({ kind: z.literal('redo') }),
]);
export type Change = z.infer<typeof ChangeSchema>;

/** Who and when, stamped on every history entry. */
export interface ChangeMeta {
  author: string;
  at: string;
  id: string;
  /** Team sync stamps (shared/sync): the author's key id, this device and a hybrid logical clock timestamp. */
  keyId?: string;
  device?: string;
  hlc?: string;
}
