/**
 * The ChangeOutbox against a fake main side: changes show at once and reach the main side in order,
 * one request at a time, later ones batched; refusals, lost replies and changes made elsewhere end
 * in a reload that says why; the save indicator follows the disk; flush resolves when all is sent.
 */
import { describe, expect, it } from 'vitest';
import type { OpenProject } from '../../../../shared/api';
import type { Operation } from '../../../../shared/operations';
import { ChangeOutbox } from '../../../../renderer/src/store/changeOutbox';
import { sampleProject } from '../../shared/helpers';
import { FakeWorkbench, MAIN_AUTHOR, settle } from './fakeWorkbench';

const rename = (title: string): Operation => ({ type: 'renameProject', title });

function setup() {
  const main = new FakeWorkbench(sampleProject());
  const notices: string[] = [];
  const reloads: Array<OpenProject | null> = [];
  const outbox = new ChangeOutbox(main.api, {
    notify: (message) => notices.push(message),
    author: () => 'Ana Checker',
    onReloaded: (open) => reloads.push(open),
  });
  outbox.load(main.project);
  return { main, outbox, notices, reloads };
}

const titleOf = (outbox: ChangeOutbox) => outbox.getSnapshot().project?.title;
const saveText = (outbox: ChangeOutbox) => outbox.getSnapshot().save.text;

describe('ChangeOutbox: sending changes', () => {
  it('shows a change at once and sends changes in order, one request in flight, later ones batched', async () => {
    const { main, outbox } = setup();
    main.holdReplies = true;
    expect(outbox.dispatch(rename('One'))).toBe(true);
    expect(outbox.dispatch(rename('Two'))).toBe(true);
    expect(outbox.dispatch(rename('Three'))).toBe(true);
    expect(titleOf(outbox)).toBe('Three');
    expect(outbox.getSnapshot().project?.history.map((entry) => entry.author)).toEqual(['Ana Checker', 'Ana Checker', 'Ana Checker']);
    expect(main.applyCalls).toEqual([{ projectId: 'p1', baseSeq: 0, changes: [{ kind: 'do', op: rename('One') }] }]);

    main.deliver();
    await settle();
    expect(main.applyCalls[1]).toEqual({
      projectId: 'p1',
      baseSeq: 1,
      changes: [
        { kind: 'do', op: rename('Two') },
        { kind: 'do', op: rename('Three') },
      ],
    });
    main.deliver();
    await settle();

    expect(main.applyCalls).toHaveLength(2);
    expect(main.project?.title).toBe('Three');
    // The main side's entries (stamped there) replace the local ones.
    expect(outbox.getSnapshot().project?.history).toEqual(main.project?.history);
    expect(outbox.getSnapshot().project?.history.map((entry) => entry.author)).toEqual([MAIN_AUTHOR, MAIN_AUTHOR, MAIN_AUTHOR]);
  });

  it('with sendSoon, shows a change at once and sends it when told, the changes made until then in one request', async () => {
    const main = new FakeWorkbench(sampleProject());
    const sends: Array<() => void> = [];
    const outbox = new ChangeOutbox(main.api, { notify: () => undefined, author: () => 'Ana Checker', sendSoon: (send) => sends.push(send) });
    outbox.load(main.project);
    outbox.dispatch(rename('One'));
    outbox.dispatch(rename('Two'));
    expect(titleOf(outbox)).toBe('Two');
    expect(main.applyCalls).toEqual([]);
    // One send waits for both changes.
    expect(sends).toHaveLength(1);
    const flushed = outbox.flush();
    sends.shift()!();
    await flushed;
    expect(main.applyCalls.map((call) => call.changes)).toEqual([[{ kind: 'do', op: rename('One') }, { kind: 'do', op: rename('Two') }]]);
    expect(main.project?.title).toBe('Two');
    // The next change asks for a send of its own.
    outbox.dispatch(rename('Three'));
    expect(sends).toHaveLength(1);
    sends.shift()!();
    await outbox.flush();
    expect(main.project?.title).toBe('Three');
    expect(outbox.getSnapshot().project?.history).toEqual(main.project?.history);
  });

  it('sends at most 1,000 changes in one request', async () => {
    const { main, outbox } = setup();
    main.holdReplies = true;
    for (let i = 0; i < 1501; i++) outbox.dispatch(rename(`Title ${i}`));
    while (main.heldReplies > 0) {
      main.deliver();
      await settle();
    }
    expect(main.applyCalls.map((call) => call.changes.length)).toEqual([1, 1000, 500]);
    expect(main.applyCalls.map((call) => call.baseSeq)).toEqual([0, 1, 1001]);
    expect(main.project?.title).toBe('Title 1500');
    expect(outbox.getSnapshot().project?.history).toHaveLength(1501);
  });

  it('sends undo and redo as changes of their own, and offers them only when there is something to undo or redo', async () => {
    const { main, outbox } = setup();
    expect(outbox.undo()).toBe(false);
    outbox.dispatch(rename('Renamed'));
    expect(outbox.undo()).toBe(true);
    expect(titleOf(outbox)).toBe('Sample');
    expect(outbox.redo()).toBe(true);
    expect(outbox.redo()).toBe(false);
    await settle();
    expect(main.applyCalls.flatMap((call) => call.changes.map((change) => change.kind))).toEqual(['do', 'undo', 'redo']);
    expect(main.project?.title).toBe('Renamed');
  });

  it('refuses an invalid operation or one that does not fit the project without sending anything', async () => {
    const { main, outbox, notices } = setup();
    expect(outbox.dispatch({ type: 'renameProject', title: 42 } as unknown as Operation)).toBe(false);
    expect(outbox.dispatch({ type: 'deleteClaim', claimId: 'no-such-claim' })).toBe(false);
    await settle();
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/^This change was refused: title /);
    expect(notices[1]).toMatch(/^This change could not be made: /);
    expect(main.applyCalls).toEqual([]);
    expect(outbox.getSnapshot().project?.history).toHaveLength(0);
  });
});

describe('ChangeOutbox: when the main side does not take a change', () => {
  it('a refused change reloads the project as last saved, says why, and later changes go on from there', async () => {
    const { main, outbox, notices, reloads } = setup();
    main.refuse = (change) => (change.kind === 'do' && change.op.type === 'renameProject' && change.op.title === 'Forbidden' ? 'Only an editor can do that.' : null);
    main.holdReplies = true;
    outbox.dispatch(rename('Allowed'));
    outbox.dispatch(rename('Forbidden'));
    outbox.dispatch(rename('After'));
    main.deliver();
    await settle();
    const flushed = outbox.flush();
    main.deliver();
    await flushed;

    expect(notices).toEqual(['Your latest change could not be saved (Only an editor can do that.). The project was reloaded as last saved.']);
    expect(titleOf(outbox)).toBe('Allowed');
    expect(outbox.getSnapshot().project?.history).toEqual(main.project?.history);
    expect(reloads.map((open) => open?.project.title)).toEqual(['Allowed']);

    main.holdReplies = false;
    outbox.dispatch(rename('Next'));
    await settle();
    expect(main.applyCalls.at(-1)).toMatchObject({ baseSeq: 1, changes: [{ kind: 'do', op: rename('Next') }] });
    expect(main.project?.title).toBe('Next');
  });

  it('a change made elsewhere meanwhile (the main side is ahead) is taken in and the change is sent again on top, without a reload', async () => {
    const { main, outbox, notices, reloads } = setup();
    main.externalChange({ type: 'setMethodology', text: 'Written in another window' });
    outbox.dispatch(rename('Mine'));
    await settle();
    await settle();

    expect(notices).toEqual([]);
    expect(reloads).toEqual([]);
    expect(outbox.getSnapshot().project?.methodology).toBe('Written in another window');
    expect(titleOf(outbox)).toBe('Mine');
    expect(main.applyCalls.map((call) => call.baseSeq)).toEqual([0, 1]);
    expect(outbox.getSnapshot().project?.history).toEqual(main.project?.history);
  });

  it('a main side that keeps saying the window is out of date ends in a reload that says why', async () => {
    const { main, outbox, notices } = setup();
    // Every request finds the main side one change further on.
    const send = main.api.applyChanges;
    main.api.applyChanges = (args) => {
      main.externalChange({ type: 'setMethodology', text: `Elsewhere ${main.applyCalls.length}` });
      return send(args);
    };
    outbox.dispatch(rename('Mine'));
    for (let i = 0; i < 12; i++) await settle();

    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('The project was reloaded as last saved.');
    expect(outbox.getSnapshot().project?.history).toEqual(main.project?.history);
    expect(main.applyCalls.length).toBeLessThanOrEqual(4);
  });

  it('a reply that does not match the request reloads the project', async () => {
    const { main, outbox, notices } = setup();
    main.mangleReply = (reply) => ({ ...reply, entries: [] });
    outbox.dispatch(rename('Garbled'));
    await settle();
    expect(notices).toEqual(['Your latest change could not be saved (the workbench recorded a different number of changes). The project was reloaded as last saved.']);
    expect(outbox.getSnapshot().project?.history).toEqual(main.project?.history);
  });

  it('when the main side cannot be reached, says so in the save indicator and reloads before sending anything else', async () => {
    const { main, outbox, notices } = setup();
    main.unreachable = 'The workbench host cannot be reached.';
    outbox.dispatch(rename('Lost'));
    await settle();
    expect(notices).toEqual(['Your latest change could not be saved (The workbench host cannot be reached.). The project was reloaded as last saved.']);
    expect(outbox.getSnapshot().save).toEqual({ kind: 'error', text: 'Not saved: The workbench host cannot be reached.' });

    main.unreachable = null;
    outbox.dispatch(rename('Back again'));
    await settle();
    // Nothing was sent on top of a base the main side does not have: the project was reloaded first.
    expect(main.applyCalls.map((call) => call.changes)).toEqual([[{ kind: 'do', op: rename('Lost') }]]);
    expect(titleOf(outbox)).toBe('Sample');
    expect(saveText(outbox)).toBe('Saved');
    outbox.dispatch(rename('Saved this time'));
    await settle();
    expect(main.project?.title).toBe('Saved this time');
    expect(outbox.getSnapshot().project?.history).toEqual(main.project?.history);
  });
});

describe('ChangeOutbox: lost replies', () => {
  const OTHER = '/projects/other.factcheck.json';
  async function openOther(main: FakeWorkbench, outbox: ChangeOutbox) {
    main.files.set(OTHER, { ...sampleProject(), id: 'p2', title: 'Other' });
    outbox.load((await main.api.openProject({ path: OTHER })).project);
  }

  it('a reply that never comes does not hold up the next project, and flush does not wait for it', async () => {
    const { main, outbox, notices } = setup();
    main.holdReplies = true;
    outbox.dispatch(rename('Never answered'));
    const flushed = outbox.flush();
    main.lose();
    await openOther(main, outbox);
    await flushed;
    expect(titleOf(outbox)).toBe('Other');

    outbox.dispatch(rename('Other, renamed'));
    expect(main.applyCalls.at(-1)).toMatchObject({ projectId: 'p2', baseSeq: 0 });
    main.deliver();
    await settle();
    expect(main.project?.title).toBe('Other, renamed');
    expect(outbox.getSnapshot().project?.history).toEqual(main.project?.history);
    expect(notices).toEqual([]);
  });

  it('a late answer for a project that was replaced meanwhile is ignored', async () => {
    const { main, outbox, notices } = setup();
    main.holdReplies = true;
    outbox.dispatch(rename('Answered late'));
    await openOther(main, outbox);
    outbox.dispatch(rename('Other, renamed'));
    const local = outbox.getSnapshot().project;

    main.deliver();
    await settle();
    expect(outbox.getSnapshot().project).toBe(local);
    expect(main.applyCalls).toHaveLength(2);
    expect(saveText(outbox)).toBe('Saving…');

    main.deliver();
    await settle();
    expect(outbox.getSnapshot().project?.history).toEqual(main.project?.history);
    expect(outbox.getSnapshot().project?.history.map((entry) => entry.op)).toEqual([rename('Other, renamed')]);
    expect(notices).toEqual([]);
  });

  it('a reload that answers after another project was opened leaves that project and its changes alone', async () => {
    const { main, outbox, notices, reloads } = setup();
    let answer: () => void = () => undefined;
    main.slowReload = new Promise((resolve) => (answer = resolve));
    main.refuse = () => 'Refused.';
    outbox.dispatch(rename('Refused'));
    await settle();
    expect(notices).toHaveLength(1);

    main.refuse = () => null;
    await openOther(main, outbox);
    main.holdReplies = true;
    outbox.dispatch(rename('Other, renamed'));
    answer();
    await settle();
    expect(reloads).toEqual([]);
    expect(titleOf(outbox)).toBe('Other, renamed');
    main.deliver();
    await settle();
    expect(main.project?.title).toBe('Other, renamed');
  });

  it('a late failure for a project that was replaced meanwhile is ignored', async () => {
    const { main, outbox, notices, reloads } = setup();
    main.holdReplies = true;
    main.refuse = (change) => (change.kind === 'do' && change.op.type === 'renameProject' && change.op.title === 'Doomed' ? 'Refused.' : null);
    outbox.dispatch(rename('Doomed'));
    await openOther(main, outbox);
    const callsBefore = main.calls.length;
    main.deliver();
    await settle();

    expect(notices).toEqual([]);
    expect(reloads).toEqual([]);
    expect(titleOf(outbox)).toBe('Other');
    expect(main.calls.slice(callsBefore)).not.toContain('getOpenProject');
  });
});

describe('ChangeOutbox: saving', () => {
  it('reads Saving… until the main side has written the changes, then Saved; Not saved with the reason when a write fails', async () => {
    const { main, outbox } = setup();
    await settle();
    expect(outbox.getSnapshot().save).toEqual({ kind: 'saved', text: 'Saved' });

    outbox.dispatch(rename('One'));
    expect(outbox.getSnapshot().save).toEqual({ kind: 'saving', text: 'Saving…' });
    await settle();
    expect(main.project?.title).toBe('One');
    expect(saveText(outbox)).toBe('Saving…');
    main.writeToDisk();
    await settle();
    expect(saveText(outbox)).toBe('Saved');

    outbox.dispatch(rename('Two'));
    await settle();
    main.failWrite('the disk is full');
    await settle();
    expect(outbox.getSnapshot().save).toEqual({ kind: 'error', text: 'Not saved: the disk is full' });

    outbox.dispatch(rename('Three'));
    await settle();
    expect(saveText(outbox)).toBe('Not saved: the disk is full');
    main.writeToDisk();
    await settle();
    expect(saveText(outbox)).toBe('Saved');
  });

  it('reads Saved only once every acknowledged change is on disk', async () => {
    const { main, outbox } = setup();
    outbox.dispatch(rename('One'));
    await settle();
    outbox.dispatch(rename('Two'));
    await settle();
    main.writeToDisk(1);
    await settle();
    expect(saveText(outbox)).toBe('Saving…');
    main.writeToDisk();
    await settle();
    expect(saveText(outbox)).toBe('Saved');
  });

  it('a freshly loaded project takes the main side’s save status', async () => {
    const main = new FakeWorkbench(sampleProject());
    main.failWrite('permission denied');
    const outbox = new ChangeOutbox(main.api, { notify: () => undefined, author: () => '' });
    outbox.load(main.project);
    expect(saveText(outbox)).toBe('Saved');
    await settle();
    expect(saveText(outbox)).toBe('Not saved: permission denied');
  });

  it('flush resolves at once with nothing to send, and otherwise once the main side has acknowledged every change', async () => {
    const { main, outbox } = setup();
    let flushed = false;
    await outbox.flush();
    main.holdReplies = true;
    outbox.dispatch(rename('One'));
    outbox.dispatch(rename('Two'));
    void outbox.flush().then(() => (flushed = true));
    main.deliver();
    await settle();
    expect(flushed).toBe(false);
    main.deliver();
    await settle();
    expect(flushed).toBe(true);
    expect(main.project?.title).toBe('Two');
  });
});
