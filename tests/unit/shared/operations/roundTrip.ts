/** The undo property every operation keeps, checked the same way in each operations test. */
import { expect } from 'vitest';
import { apply, invert, OperationSchema, type Operation, type Project } from '../../../../shared/operations';

/** Checks that `op` is well formed, changes `p`, and that its inverse gives `p` back exactly; returns the inverse. */
export function roundTrip(p: Project, op: Operation): Operation {
  expect(OperationSchema.safeParse(op).success).toBe(true);
  const inverse = invert(p, op);
  const after = apply(p, op);
  expect(after).not.toEqual(p);
  expect(apply(after, inverse)).toEqual(p);
  return inverse;
}
