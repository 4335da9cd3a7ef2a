/**
 * The ChangeOutbox when the main side's project changes by a merge (team sync): the newer project
 * comes in without a reload, pending local changes are rebased onto it and sent on top, a change
 * made elsewhere while a local change is in flight is neither lost nor applied twice, and a local
 * change that no longer applies is dropped with a message.
 */
import { describe, expect, it } from 'vitest';
import type { Operation, Project } from '../../../../shared/operations';
import { commitChange } from '../../../../shared/history';
import { historyBase, replayHistory } from '../../../../shared/sync/merge';
import { ChangeOutbox } from '../../../../renderer/src/store/changeOutbox';
import { sampleProject } from '../../shared/helpers';
import { FakeWorkbench, settle } from './fakeWorkbench';

const rename = (title: string): Operation => ({ type: 'renameProject', title });
const methodology = (text: string): Operation => ({ type: 'setMethodology', text });

function setup() {
  const main = new FakeWorkbench(sampleProject());
  const notices: string[] = [];
  const reloads: unknown[] = [];
  const rebases: Array<{ previous: Project; next: Project }> = [];
  const outbox = new ChangeOutbox(main.api, {
    notify: (message) => notices.push(message),
    author: () => 'Ana Checker',
    onReloaded: (open) => reloads.push(open),
    onRebased: (previous, next) => rebases.push({ previous, next }),
  });
  outbox.load(main.project);
  return { main, outbox, notices, reloads, rebases };
}

const local = (outbox: ChangeOutbox) => outbox.getSnapshot().project!;
const ids = (project: Project | null | undefined) => project?.history.map((entry) => entry.id);

describe('ChangeOutbox: remote changes come in without a reload', () => {
  it('takes a merged project from the main side and keeps the local project equal to it', async () => {
    const { main, outbox, notices, reloads, rebases } = setup();
    main.remoteChange(methodology('From the editor'), 'Ed');
    expect(outbox.rebase(main.project!)).toBe(true);
    expect(local(outbox).methodology).toBe('From the editor');
    expect(local(outbox)).toEqual(main.project);
    expect(rebases).toHaveLength(1);
    expect(notices).toEqual([]);
    expect(reloads).toEqual([]);

    // Later local changes build on the merged project.
    outbox.dispatch(rename('Mine'));
    await settle();
    expect(main.applyCalls.at(-1)?.baseSeq).toBe(1);
    expect(main.project?.title).toBe('Mine');
    expect(main.project?.methodology).toBe('From the editor');
  });

  it('a remote change while a local change is in flight: the reply comes first, then the merged project; nothing twice', async () => {
    const { main, outbox, notices, reloads } = setup();
    main.holdReplies = true;
    outbox.dispatch(rename('Mine'));
    // The main side applied "Mine" when the request arrived; then a sync round merged the editor's change.
    main.remoteChange(methodology('From the editor'), 'Ed');
    // The feed's answer arrives before the reply: it waits for the reply.
    outbox.rebase(main.project!);
    expect(local(outbox).methodology).toBeUndefined();
    main.deliver();
    await settle();

    expect(local(outbox).title).toBe('Mine');
    expect(local(outbox).methodology).toBe('From the editor');
    expect(ids(local(outbox))).toEqual(ids(main.project));
    expect(main.applyCalls).toHaveLength(1);
    expect(notices).toEqual([]);
    expect(reloads).toEqual([]);
    expect(outbox.getSnapshot().save.kind).not.toBe('error');
  });

  it('a remote change merged just before the request arrives: refused as out of date, rebased and sent again on top', async () => {
    const { main, outbox, notices, reloads } = setup();
    main.externalChange(methodology('From the editor'), 'Ed');
    outbox.dispatch(rename('Mine'));
    outbox.dispatch(rename('Mine, later'));
    await settle();
    await settle();

    expect(main.applyCalls.map((call) => call.baseSeq)).toEqual([0, 1]);
    expect(main.project?.title).toBe('Mine, later');
    expect(main.project?.methodology).toBe('From the editor');
    expect(local(outbox)).toEqual(main.project);
    expect(notices).toEqual([]);
    expect(reloads).toEqual([]);
  });

  it('a merge that inserts an older entry before the confirmed ones: the pending change goes on top of the new order', async () => {
    const { main, outbox, notices, reloads } = setup();
    outbox.dispatch(rename('Confirmed'));
    await settle();
    // The editor's older entry, from a copy that never saw ours, goes first in the merged order.
    const theirs = commitChange(sampleProject(), { kind: 'do', op: methodology('Older, from the editor') }, { id: 'ed-1', at: '2026-11-25T09:30:00.000Z', author: 'Ed' }).entry;
    const current = main.project!;
    main.remoteChange(replayHistory(historyBase(current), [theirs, ...current.history]));
    expect(ids(main.project)?.[0]).toBe('ed-1');
    outbox.dispatch(rename('Pending'));
    await settle();
    await settle();

    expect(ids(local(outbox))?.slice(0, 2)).toEqual(['ed-1', ids(current)?.[0]]);
    expect(local(outbox)).toEqual(main.project);
    expect(main.project?.title).toBe('Pending');
    expect(main.project?.methodology).toBe('Older, from the editor');
    expect(main.applyCalls.map((call) => call.baseSeq)).toEqual([0, 1, 2]);
    expect(notices).toEqual([]);
    expect(reloads).toEqual([]);
  });

  it('a local change that no longer applies after the merge is dropped and the user is told', async () => {
    const { main, outbox, notices } = setup();
    main.holdReplies = true;
    outbox.dispatch(rename('First'));
    outbox.dispatch({ type: 'editClaim', claimId: 'c2', changes: { statement: 'Mine' } });
    main.remoteChange({ type: 'deleteClaim', claimId: 'c2' }, 'Ed');
    outbox.rebase(main.project!);
    main.deliver();
    await settle();
    await settle();

    expect(local(outbox).claims.some((claim) => claim.id === 'c2')).toBe(false);
    expect(local(outbox).title).toBe('First');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^Your change could not be kept after changes made elsewhere: /);
    expect(local(outbox)).toEqual(main.project);
    expect(main.applyCalls).toHaveLength(1);
  });

  it('ignores a project older than what the window has (it lacks a confirmed entry)', async () => {
    const { main, outbox, rebases } = setup();
    const old = main.project!;
    outbox.dispatch(rename('Mine'));
    await settle();
    expect(outbox.rebase(old)).toBe(false);
    expect(local(outbox).title).toBe('Mine');
    expect(rebases).toEqual([]);
  });
});
