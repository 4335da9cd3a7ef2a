/**
 * The capture operations as zod schemas; included in the operation union by shared/operations.ts.
 * Each carries what its inverse needs, so undo restores the project exactly.
 */
import { z } from 'zod';
import { ArchivingSchema, CaptureSchema } from '../model';

const id = z.string().min(1).max(200);

export const captureOperations = [
  /** Adds a capture (its files already stored in the assets folder) to a source, at `index` of its captures. */
  z.object({ type: z.literal('attachCapture'), sourceId: id, capture: CaptureSchema, index: z.number().int().nonnegative().optional() }),
  /** Removes a capture from a source (its files stay in the assets folder, shared by content). */
  z.object({ type: z.literal('detachCapture'), sourceId: id, captureId: id }),
  /** Sets the project's capture choices; null returns to the defaults. */
  z.object({ type: z.literal('setArchiving'), archiving: ArchivingSchema.nullable() }),
] as const;
