/** The main side stamps the author on the comments and corrections a change posts (as it stamps history entries). */
import type { Change, LeafOperation } from '../operations';

export function stampAuthor(change: Change, author: string): Change {
  if (change.kind !== 'do') return change;
  const stamp = (op: LeafOperation): LeafOperation => {
    if (op.type === 'postComment' && op.index === undefined) return { ...op, comment: { ...op.comment, author } };
    if (op.type === 'addCorrection' && op.index === undefined) return { ...op, correction: { ...op.correction, author } };
    return op;
  };
  const { op } = change;
  if (op.type === 'batch') return { kind: 'do', op: { ...op, ops: op.ops.map(stamp) } };
  return { kind: 'do', op: stamp(op) };
}
