/** The main side stamps the author on the comments and corrections a change posts (as it stamps history entries). */
import { withAuthor, type Change } from '../operations';

export function stampAuthor(change: Change, author: string): Change {
  if (change.kind !== 'do') return change;
  const { op } = change;
  if (op.type === 'batch') return { kind: 'do', op: { ...op, ops: op.ops.map((leaf) => withAuthor(leaf, author)) } };
  return { kind: 'do', op: withAuthor(op, author) };
}
