/**
 * A merge resumes the replay behind the project's last merge from where the earliest new entry
 * sorts, instead of replaying the whole history: its result must be exactly the full replay's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitChange } from '../../../../shared/history';
import type { Member } from '../../../../shared/model';
import type { HistoryEntry, Operation, Project } from '../../../../shared/operations';
import { HybridClock } from '../../../../shared/sync/hlc';
import { historyBase, mergeEntries, prepareMergeReplay, replayHistory, type MergeResult } from '../../../../shared/sync/merge';
import { sampleProject } from '../helpers';

const T0 = Date.parse('2026-11-28T10:00:00Z');
const member = (key: string, role: Member['role']): Member => ({ name: `Person ${key}`, publicKey: `ed25519:${key.padEnd(43, 'A')}`, keyId: key, role });

/** What a merge must give: the full replay of the history and the received entries from the history's start. */
function reference(project: Project, incoming: readonly HistoryEntry[]): MergeResult {
  const known = new Set(project.history.map((e) => e.id));
  const fresh = new Set(incoming.filter((e) => !known.has(e.id)).map((e) => e.id));
  const present = incoming.filter((e) => known.has(e.id)).length;
  if (fresh.size === 0) return { project, added: 0, present, conflicts: project.conflicts?.length ?? 0, replayed: 0 };
  const merged = replayHistory(historyBase(project), [...project.history, ...incoming]);
  return { project: merged, added: fresh.size, present, conflicts: merged.conflicts?.length ?? 0, replayed: merged.history.length };
}

/** The project as saved and opened again: new objects throughout, no replay of an earlier merge at hand. */
function reopened(project: Project): Project {
  return JSON.parse(JSON.stringify(project)) as Project;
}

/** Runs a stepwise preparation to its end, as the background work after opening does. */
function drain(steps: Generator<void, boolean>): boolean {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** One copy: its own clock (which may stand still or go back), its own key; some of its entries made without a clock (legacy). */
class Copy {
  project: Project;
  private n = 0;
  private time = T0;
  private readonly clock = new HybridClock(() => this.time);
  constructor(
    readonly key: string,
    start: Project,
  ) {
    this.project = start;
  }

  change(change: { kind: 'do'; op: Operation } | { kind: 'undo' }, tick: number, legacy: boolean): void {
    this.time += tick;
    const id = `${this.key}-${++this.n}`;
    const meta = legacy
      ? { id, at: new Date(this.time).toISOString(), author: `Person ${this.key}` }
      : { id, at: new Date(this.time).toISOString(), author: `Person ${this.key}`, keyId: this.key, device: `dev-${this.key}`, hlc: this.clock.send() };
    try {
      this.project = commitChange(this.project, change, meta).project;
    } catch {
      // Refused here already (a claim gone, nothing to undo): nothing recorded.
    }
  }
}

const claims = ['c1', 'c2', 'c3'] as const;
const opArb: fc.Arbitrary<Operation> = fc.oneof(
  // Edits of the same few fields on every copy: concurrent ones become field conflicts.
  fc.record({ claim: fc.constantFrom(...claims), text: fc.constantFrom('x', 'y', 'z') }).map(({ claim, text }): Operation => ({ type: 'editClaim', claimId: claim, changes: { statement: text } })),
  fc.record({ claim: fc.constantFrom(...claims), text: fc.constantFrom('r1', 'r2') }).map(({ claim, text }): Operation => ({ type: 'setVerdict', claimId: claim, rationale: text, levelId: 'false' })),
  fc.constantFrom<Operation>(
    // Entries that stop applying once other copies' entries come first.
    { type: 'deleteClaim', claimId: 'c3' },
    { type: 'changeState', claimId: 'c1', state: 'readyForReview', action: 'submit' },
    // Approve needs an editor or owner: a checker's is refused on a shared project.
    { type: 'changeState', claimId: 'c1', state: 'approved', action: 'approve' },
    { type: 'changeState', claimId: 'c1', state: 'researching', action: 'reopen' },
    { type: 'renameProject', title: 'Renamed' },
    { type: 'renameProject', title: 'Renamed again' },
    // Member changes: only an owner or editor may; an editor may not crown an owner.
    { type: 'setMember', member: member('kD', 'checker') },
    { type: 'setMember', member: member('kC', 'editor') },
    { type: 'setMember', member: member('kE', 'owner') },
  ),
);

type Step =
  | { kind: 'op'; copy: number; op: Operation; tick: number; legacy: boolean }
  | { kind: 'undo'; copy: number; tick: number }
  | { kind: 'deliver'; from: number; to: number; picks: number[]; forged: number[]; reopen: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('op' as const),
      copy: fc.nat(2),
      op: opArb,
      // Clocks jump back and ahead: new entries sort anywhere in the others' histories.
      tick: fc.integer({ min: -40, max: 40 }),
      legacy: fc.nat(7).map((n) => n === 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), copy: fc.nat(2), tick: fc.integer({ min: -5, max: 20 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      from: fc.nat(2),
      to: fc.nat(2),
      picks: fc.array(fc.nat(60), { maxLength: 8 }),
      // Entries whose signature did not verify on arrival.
      forged: fc.array(fc.nat(60), { maxLength: 2 }),
      // 0: the target was just reopened (no replay at hand); 1: reopened and its replay prepared in the background.
      reopen: fc.nat(4),
    }),
  },
);

/** A shared project (owner kO, checker kC, editor kE) or one never shared, as every copy starts it. */
function start(shared: boolean): Project {
  let project = sampleProject();
  if (!shared) return project;
  const clock = new HybridClock(() => T0 - 60_000);
  [member('kO', 'owner'), member('kC', 'checker'), member('kE', 'editor')].forEach((m, i) => {
    const meta = { id: `setup-${i}`, at: '2026-11-28T09:00:00.000Z', author: 'Person kO', keyId: 'kO', device: 'dev-kO', hlc: clock.send() };
    project = commitChange(project, { kind: 'do', op: { type: 'setMember', member: m } }, meta).project;
  });
  return project;
}

/** A project with 300 edits of mine (person kA, on a clock), and entries of theirs (kB, a little later) made on a project given. */
function threeHundredEdits() {
  let time = T0;
  const clock = new HybridClock(() => (time += 1000));
  const theirClock = new HybridClock(() => time + 500);
  const meta = (id: string, key = 'kA', c = clock) => ({ id, at: new Date(time).toISOString(), author: `Person ${key}`, keyId: key, device: `dev-${key}`, hlc: c.send() });
  let mine = sampleProject();
  for (let i = 0; i < 300; i++) {
    mine = commitChange(mine, { kind: 'do', op: { type: 'editClaim', claimId: claims[i % 3], changes: { statement: `wording ${i}` } } }, meta(`a-${i}`)).project;
  }
  const theirsOn = (on: Project, id: string, op: Operation): HistoryEntry => ({ ...commitChange(on, { kind: 'do', op }, meta(id, 'kB', theirClock)).entry });
  return { mine, meta, theirsOn };
}

describe('merging from where the received entries sort', () => {
  it('gives exactly the full replay: project, history (seqs, undo pointers, refusals), conflicts and base', () => {
    let resumed = 0;
    let merges = 0;
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 1, max: 6 }), fc.array(stepArb, { minLength: 10, maxLength: 60 }), (shared, snapshotEvery, steps) => {
        const base = start(shared);
        const copies = ['kO', 'kC', 'kE'].map((key) => new Copy(key, base));
        for (const step of steps) {
          if (step.kind === 'op') copies[step.copy].change({ kind: 'do', op: step.op }, step.tick, step.legacy);
          else if (step.kind === 'undo') copies[step.copy].change({ kind: 'undo' }, step.tick, false);
          else {
            const source = copies[step.from].project.history;
            if (source.length === 0) continue;
            const forged = new Set(step.forged.map((i) => source[i % source.length].id));
            // Random subset, random order, duplicates included; some arrive unverified.
            const incoming = step.picks.map((i) => source[i % source.length]).map((e) => (forged.has(e.id) ? { ...e, unverified: 'the signature does not match' } : e));
            const target = copies[step.to];
            if (step.reopen <= 1) target.project = reopened(target.project);
            if (step.reopen === 1) drain(prepareMergeReplay(target.project, { snapshotEvery, slice: 3 }));
            const expected = reference(target.project, incoming);
            const got = mergeEntries(target.project, incoming, { snapshotEvery });
            const { replayed, ...result } = got;
            const { replayed: _all, ...want } = expected;
            expect(result).toStrictEqual(want);
            expect(replayed).toBeLessThanOrEqual(expected.replayed);
            if (got.added > 0) {
              merges++;
              if (replayed < got.project.history.length) resumed++;
            }
            target.project = got.project;
          }
        }
      }),
      { numRuns: 150 },
    );
    // The comparison above is with the resumed merge, not a second full replay.
    expect(resumed).toBeGreaterThan(merges / 8);
  });

  it('replays only what arrived when it is newer than the whole history, also after local changes', () => {
    const edits = threeHundredEdits();
    let mine = edits.mine;
    const { meta } = edits;
    const theirs = (id: string, op: Operation): HistoryEntry => edits.theirsOn(mine, id, op);
    // The first merge after opening replays everything and keeps that replay.
    const first = mergeEntries(mine, [theirs('b-1', { type: 'renameProject', title: 'Theirs' })]);
    expect(first.replayed).toBe(301);
    // A local change, then two more received entries: the local change and the two are replayed, nothing before.
    mine = commitChange(first.project, { kind: 'do', op: { type: 'editClaim', claimId: 'c2', changes: { claimant: 'The minister' } } }, meta('a-local')).project;
    const received = [theirs('b-2', { type: 'editClaim', claimId: 'c1', changes: { claimant: 'Agency' } }), theirs('b-3', { type: 'setVerdict', claimId: 'c3', rationale: 'Checked' })];
    const second = mergeEntries(mine, received);
    expect(second.replayed).toBe(3);
    expect(second).toStrictEqual({ ...reference(mine, received), replayed: 3 });
    expect(second.project.history.map((e) => e.id).slice(-4)).toEqual(['b-1', 'a-local', 'b-2', 'b-3']);
  });

  it('replays from the middle when a received entry is older than part of the history', () => {
    let time = T0;
    const clock = new HybridClock(() => (time += 1000));
    const meta = (id: string, key: string, hlc: string) => ({ id, at: new Date(time).toISOString(), author: `Person ${key}`, keyId: key, device: `dev-${key}`, hlc });
    let mine = sampleProject();
    const hlcs: string[] = [];
    for (let i = 0; i < 40; i++) {
      hlcs.push(clock.send());
      const claimId = i < 30 ? 'c1' : 'c2';
      mine = commitChange(mine, { kind: 'do', op: { type: 'editClaim', claimId, changes: { statement: `wording ${i}` } } }, meta(`a-${i}`, 'kA', hlcs[i])).project;
    }
    mine = mergeEntries(mine, [{ ...commitChange(mine, { kind: 'do', op: { type: 'renameProject', title: 'T' } }, meta('b-0', 'kB', clock.send())).entry }]).project;
    // An edit of claim c1 made offline long ago, not seeing the 30 edits before it: it sorts right after them.
    const late = commitChange(sampleProject(), { kind: 'do', op: { type: 'editClaim', claimId: 'c1', changes: { statement: 'offline wording' } } }, meta('b-old', 'kB', hlcs[29])).entry;
    const merged = mergeEntries(mine, [late]);
    expect(merged.project.history.findIndex((e) => e.id === 'b-old')).toBe(30);
    expect(merged.replayed).toBe(mine.history.length + 1 - 30);
    expect(merged).toStrictEqual({ ...reference(mine, [late]), replayed: merged.replayed });
    // The conflict names the last writer before it, which the resumed merge found in the kept replay.
    expect(merged.project.conflicts).toEqual([
      expect.objectContaining({ id: 'claim:c1:statement', values: [expect.objectContaining({ entryId: 'a-29' }), expect.objectContaining({ entryId: 'b-old' })] }),
    ]);
  });

  it('resumes the first merge after reopening from the replay prepared after opening, with the same result as a full replay', () => {
    const edits = threeHundredEdits();
    let mine = edits.mine;
    const { meta } = edits;
    const theirs = (id: string, op: Operation): HistoryEntry => edits.theirsOn(mine, id, op);
    mine = mergeEntries(mine, [theirs('b-1', { type: 'renameProject', title: 'Theirs' })]).project;
    // A project never merged has nothing to prepare.
    expect(drain(prepareMergeReplay(reopened(sampleProject())))).toBe(false);
    // Saved, closed, opened again, one more local change; the replay is prepared in steps after opening.
    let opened = reopened(mine);
    expect(drain(prepareMergeReplay(opened, { slice: 50 }))).toBe(true);
    opened = commitChange(opened, { kind: 'do', op: { type: 'editClaim', claimId: 'c2', changes: { claimant: 'The minister' } } }, meta('a-local')).project;
    const received = [theirs('b-2', { type: 'editClaim', claimId: 'c1', changes: { claimant: 'Agency' } })];
    const merged = mergeEntries(opened, received);
    expect(merged.replayed).toBe(2);
    expect(merged).toStrictEqual({ ...reference(opened, received), replayed: 2 });
    // Without the preparation, the same merge replays everything, to the same result.
    const cold = mergeEntries(reopened(opened), received);
    expect(cold.replayed).toBe(opened.history.length + 1);
    expect(cold.project).toStrictEqual(merged.project);
  });
});
