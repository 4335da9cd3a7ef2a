/** Which claims a merge brought changes to from someone else, and who made the latest. */
import { describe, expect, it } from 'vitest';
import { commitChange } from '../../../../shared/history';
import type { Operation, Project } from '../../../../shared/operations';
import { claimsEditedElsewhere } from '../../../../shared/sync/editedElsewhere';
import { sampleProject } from '../helpers';

function edit(project: Project, op: Operation, author: string, id: string, keyId?: string): Project {
  const { project: next, entry } = commitChange(project, { kind: 'do', op }, { id, author, at: `2026-11-25T10:00:0${id.length}.000Z` });
  return keyId ? { ...next, history: [...next.history.slice(0, -1), { ...entry, keyId }] } : next;
}

describe('claimsEditedElsewhere', () => {
  it('marks the claims of entries new since before, made by someone else, with the latest author', () => {
    const before = edit(sampleProject(), { type: 'editClaim', claimId: 'c3', changes: { statement: 'old' } }, 'Ed', 'e0', 'k-ed');
    let after = edit(before, { type: 'editClaim', claimId: 'c1', changes: { statement: 'one' } }, 'Ed', 'e1', 'k-ed');
    after = edit(after, { type: 'editClaim', claimId: 'c1', changes: { statement: 'two' } }, 'Bea', 'e22', 'k-bea');
    after = edit(after, { type: 'editClaim', claimId: 'c2', changes: { statement: 'mine' } }, 'Ana', 'e333', 'k-ana');
    after = edit(after, { type: 'setMethodology', text: 'x' }, 'Ed', 'e4444', 'k-ed');
    const marks = claimsEditedElsewhere(before, after, { keyId: 'k-ana', name: 'Ana' });
    expect([...marks.keys()]).toEqual(['c1']);
    expect(marks.get('c1')?.author).toBe('Bea');
  });

  it('tells own entries by name when they carry no key id, and leaves out rejected entries and deleted claims', () => {
    const before = sampleProject();
    let after = edit(before, { type: 'editClaim', claimId: 'c1', changes: { statement: 'mine' } }, 'Ana', 'e1');
    after = edit(after, { type: 'editClaim', claimId: 'c2', changes: { statement: 'theirs' } }, 'Ed', 'e2');
    after = { ...after, history: after.history.map((entry) => (entry.id === 'e2' ? { ...entry, rejected: 'forged' } : entry)) };
    after = edit(after, { type: 'editClaim', claimId: 'c3', changes: { statement: 'theirs' } }, 'Ed', 'e3');
    after = edit(after, { type: 'deleteClaim', claimId: 'c3' }, 'Ed', 'e4');
    expect(claimsEditedElsewhere(before, after, { name: 'Ana' }).size).toBe(0);
  });
});
