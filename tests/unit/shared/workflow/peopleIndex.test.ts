/**
 * indexPeople read from where the last reading ended (claims and history appended) gives exactly
 * what a reading of everything gives: every name once, in the first spelling seen in the order
 * claims (assignee, then who marked it), comments, history — also when an appended claim spells a
 * name the history already had (the claim's spelling wins, as in a full reading).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../../shared/model';
import type { HistoryEntry, Project } from '../../../../shared/operations';
import { indexPeople, type PeopleIndex } from '../../../../shared/workflow/peopleIndex';

type People = Pick<Project, 'claims' | 'comments' | 'history'>;

/** The reference: one pass in the order of precedence, first spelling wins. */
function readAll(p: People): string[] {
  const byKey = new Map<string, string>();
  const names = [...p.claims.flatMap((c) => [c.assignee, c.createdBy]), ...(p.comments ?? []).map((c) => c.author), ...p.history.map((e) => e.author)];
  for (const name of names) {
    const trimmed = name?.trim();
    if (trimmed && !byKey.has(trimmed.toLocaleLowerCase())) byKey.set(trimmed.toLocaleLowerCase(), trimmed);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

const NAMES = ['Ana', 'ana', ' ANA ', 'Bo', 'bo', '', '  ', 'Zoë', 'zoë'];
const claim = (i: number, assignee: string | undefined, createdBy: string | undefined) => ({ id: `c${i}`, assignee, createdBy }) as unknown as Claim;
const entry = (i: number, author: string) => ({ id: `h${i}`, author }) as unknown as HistoryEntry;

describe('indexPeople', () => {
  it('read from where the last reading ended equals a reading of everything', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const name = () => g(fc.constantFrom, ...NAMES);
        const maybe = () => (g(fc.boolean) ? name() : undefined);
        let p: People = { claims: [], comments: [{ author: name() } as never], history: [] };
        let index: PeopleIndex | undefined;
        for (let step = 0; step < 25; step++) {
          const roll = g(fc.integer, { min: 0, max: 9 });
          if (roll < 4) p = { ...p, claims: [...p.claims, claim(step, maybe(), maybe())] };
          else if (roll < 8) p = { ...p, history: [...p.history, entry(step, name())] };
          else if (roll === 8 && p.claims.length > 0) p = { ...p, claims: p.claims.map((c, i) => (i === 0 ? claim(99, maybe(), maybe()) : c)) };
          else p = { ...p, comments: [...(p.comments ?? []), { author: name() } as never] };
          index = indexPeople(p, index);
          expect(index.names).toEqual(readAll(p));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('an appended claim spelling a name the history had takes its place, as a full reading does', () => {
    const before: People = { claims: [claim(0, undefined, 'Ana')], comments: [], history: [entry(0, 'bo')] };
    const index = indexPeople(before);
    expect(index.names).toEqual(['Ana', 'bo']);
    const after = { ...before, claims: [...before.claims, claim(1, 'Bo', undefined)] };
    expect(indexPeople(after, index).names).toEqual(['Ana', 'Bo']);
    // The same lists: the same reading.
    expect(indexPeople({ ...after }, indexPeople(after, index)).names).toEqual(['Ana', 'Bo']);
  });
});
