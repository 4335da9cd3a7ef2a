import { describe, expect, it } from 'vitest';
import { operationShapeProblem } from '../../../../shared/operations';

/** An object nested `depth` levels deep under `note`. */
function nested(depth: number): unknown {
  let value: unknown = 'end';
  for (let i = 0; i < depth; i++) value = { inner: value };
  return value;
}

describe('a stored operation checked by shape on open', () => {
  it('takes a known operation and a batch of them', () => {
    expect(operationShapeProblem({ type: 'deleteClaim', claimId: 'c1' })).toBeNull();
    expect(operationShapeProblem({ type: 'batch', label: 'x', ops: [{ type: 'deleteClaim', claimId: 'c1' }] })).toBeNull();
  });

  it('refuses what is not an operation, an unknown type and a batch in a batch', () => {
    expect(operationShapeProblem('deleteClaim')).toBe('expected an operation');
    expect(operationShapeProblem({ type: 'formatDisk' })).toMatch(/unknown operation type "formatDisk"/);
    expect(operationShapeProblem({ type: 'batch', ops: [{ type: 'batch', ops: [{ type: 'deleteClaim' }] }] })).toBe('a batch cannot hold a batch');
  });

  it('refuses a value nested so deep it could not be saved again (JSON.stringify would overflow the stack)', () => {
    expect(operationShapeProblem({ type: 'editClaim', claimId: 'c1', changes: nested(10) })).toBeNull();
    const deep = { type: 'editClaim', claimId: 'c1', changes: nested(200_000) };
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(operationShapeProblem(deep)).toBe('nested too deeply to be an operation');
  });
});
