/**
 * The session follows the main side's change feed: a merge shows in the open window without a
 * reload, the sync status line follows, and a claim someone else changed is marked with their name
 * until the user has looked at it.
 */
import { describe, expect, it } from 'vitest';
import { ProjectSession } from '../../../../renderer/src/store/projectSession';
import { sampleProject } from '../../shared/helpers';
import { FakeWorkbench, settle } from './fakeWorkbench';

async function started() {
  const main = new FakeWorkbench(sampleProject());
  main.identity = { name: 'Ana Checker', publicKey: 'ed25519:x', keyId: 'k-ana', deviceId: 'd-ana' };
  const session = new ProjectSession(main.api);
  await session.start();
  await settle();
  return { main, session };
}

describe('ProjectSession: the change feed', () => {
  it('shows a merged change in the open window without reloading, and marks the claim with who changed it', async () => {
    const { main, session } = await started();
    const reloadsBefore = main.calls.filter((call) => call === 'getOpenProject').length;
    main.remoteChange({ type: 'editClaim', claimId: 'c1', changes: { statement: 'Edited by the editor' } }, 'Ed Editor');
    await settle();

    const state = session.getSnapshot();
    expect(state.project?.claims.find((claim) => claim.id === 'c1')?.statement).toBe('Edited by the editor');
    expect(main.calls.filter((call) => call === 'getOpenProject')).toHaveLength(reloadsBefore);
    expect(session.notices.getSnapshot()).toEqual([]);
    expect(session.editedElsewhere.getSnapshot().get('c1')?.author).toBe('Ed Editor');
    expect(session.editedElsewhere.getSnapshot().has('c2')).toBe(false);

    // Looking at the claim and moving on clears the marker; the user's own changes never set one.
    session.selectClaim('c1');
    session.selectClaim('c2');
    expect(session.editedElsewhere.getSnapshot().has('c1')).toBe(false);
    session.dispatch({ type: 'editClaim', claimId: 'c3', changes: { statement: 'Mine' } });
    await settle();
    main.remoteChange({ type: 'setMethodology', text: 'Project-wide' }, 'Ed Editor');
    await settle();
    expect(session.getSnapshot().project?.methodology).toBe('Project-wide');
    expect(session.editedElsewhere.getSnapshot().size).toBe(0);
    session.dispose();
  });

  it("follows the feed from the opened project's counter: the project just drawn is not replaced by a second copy of it", async () => {
    const main = new FakeWorkbench(sampleProject());
    const session = new ProjectSession(main.api);
    const changeSeq = (await main.api.getOpenProject({}))?.changeSeq ?? 0;
    await session.start();
    const drawn = session.getSnapshot().project;
    await settle();
    // From 0 the poll answered at once with the whole project, and the window took it in place of the one it had.
    // From the counter, a first call that answers at once (the sync status), then one that waits for news.
    expect(main.feedAsked).toEqual([changeSeq, changeSeq]);
    expect(changeSeq).toBeGreaterThan(0);
    expect(session.getSnapshot().project).toBe(drawn);
    // What happens after the open still arrives.
    main.remoteChange({ type: 'editClaim', claimId: 'c1', changes: { statement: 'Edited by the editor' } }, 'Ed Editor');
    await settle();
    expect(session.getSnapshot().project?.claims.find((claim) => claim.id === 'c1')?.statement).toBe('Edited by the editor');
    expect(main.feedAsked).toEqual([changeSeq, changeSeq, changeSeq + 1]);
    session.dispose();
  });

  it('a merge that deletes the selected claim clears the selection', async () => {
    const { main, session } = await started();
    session.selectClaim('c2');
    main.remoteChange({ type: 'deleteClaim', claimId: 'c2' }, 'Ed Editor');
    await settle();
    expect(session.getSnapshot().project?.claims.some((claim) => claim.id === 'c2')).toBe(false);
    expect(session.getSnapshot().claimId).toBeNull();
    session.dispose();
  });

  it('shows the sync status as it was when the project opened, before any news', async () => {
    const main = new FakeWorkbench(sampleProject());
    main.syncStatus = { target: '/sync', state: 'synced', waiting: 0, conflicts: 0, text: 'Synced' };
    const session = new ProjectSession(main.api);
    await session.start();
    await settle();
    expect(session.syncStatus.getSnapshot()?.text).toBe('Synced');
    session.dispose();
  });

  it('follows the sync status the feed reports', async () => {
    const { main, session } = await started();
    expect(session.syncStatus.getSnapshot()).toBeNull();
    main.syncStatus = { target: '/sync', state: 'offline', waiting: 2, conflicts: 0, text: 'Offline — 2 changes waiting' };
    main.noteForeign();
    await settle();
    expect(session.syncStatus.getSnapshot()?.text).toBe('Offline — 2 changes waiting');
    main.syncStatus = { target: '/sync', state: 'conflicts', waiting: 0, conflicts: 1, text: 'Conflicts (1)' };
    main.noteForeign();
    await settle();
    expect(session.syncStatus.getSnapshot()?.text).toBe('Conflicts (1)');
    session.dispose();
  });
});
