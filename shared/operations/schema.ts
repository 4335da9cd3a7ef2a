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
