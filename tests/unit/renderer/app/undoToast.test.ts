/**
 * Removals act at once and offer Undo in a toast: the toast undoes exactly that change, or says why
 * not when other changes came after it. Messages do not pile up.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatchWithUndo } from '../../../../renderer/src/app/undoToast';
import { MAX_NOTICES } from '../../../../renderer/src/store/notices';
import { ProjectSession } from '../../../../renderer/src/store/projectSession';
import { sampleProject } from '../../shared/helpers';
import { FakeWorkbench } from '../store/fakeWorkbench';

async function started() {
  const main = new FakeWorkbench(sampleProject(), '/projects/checked.factcheck.json');
  const session = new ProjectSession(main.api);
  await session.start();
  return session;
}

afterEach(() => vi.useRealTimers());

describe('the Undo toast', () => {
  it('deletes at once and brings the claim back with Undo', async () => {
    const session = await started();
    const restored = vi.fn();
    expect(dispatchWithUndo(session, { type: 'deleteClaim', claimId: 'c1' }, 'Claim deleted', restored)).toBe(true);
    expect(session.getSnapshot().project?.claims.map((c) => c.id)).toEqual(['c2', 'c3']);
    const [toast] = session.toasts.getSnapshot();
    expect(toast).toMatchObject({ message: 'Claim deleted', action: { label: 'Undo' } });
    toast!.action!.run();
    expect(session.getSnapshot().project?.claims.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(restored).toHaveBeenCalledOnce();
  });

  it('does not undo a later change in its place', async () => {
    const session = await started();
    dispatchWithUndo(session, { type: 'deleteClaim', claimId: 'c1' }, 'Claim deleted');
    const [toast] = session.toasts.getSnapshot();
    session.dispatch({ type: 'renameProject', title: 'Renamed' });
    toast!.action!.run();
    expect(session.getSnapshot().project?.title).toBe('Renamed');
    expect(session.getSnapshot().project?.claims.map((c) => c.id)).toEqual(['c2', 'c3']);
    expect(session.notices.getSnapshot().map((n) => n.message)).toEqual(['Other changes were made after this one: undo them first, or use History.']);
  });

  it('goes away after a while unless it is hovered or focused; a newer undo toast replaces it', async () => {
    vi.useFakeTimers();
    const session = await started();
    dispatchWithUndo(session, { type: 'deleteClaim', claimId: 'c1' }, 'Claim deleted');
    const [first] = session.toasts.getSnapshot();
    session.toasts.pause(first!.id);
    vi.advanceTimersByTime(60_000);
    expect(session.toasts.getSnapshot()).toHaveLength(1);
    session.toasts.resume(first!.id);
    dispatchWithUndo(session, { type: 'deleteClaim', claimId: 'c2' }, 'Claim deleted');
    expect(session.toasts.getSnapshot().map((t) => t.id)).not.toContain(first!.id);
    vi.advanceTimersByTime(60_000);
    expect(session.toasts.getSnapshot()).toHaveLength(0);
  });
});

describe('messages', () => {
  it('shows a repeated message once and keeps only the newest few', async () => {
    const session = await started();
    for (let i = 0; i < 3; i++) session.notify('Could not save the project');
    expect(session.notices.getSnapshot().map((n) => n.message)).toEqual(['Could not save the project']);
    for (let i = 0; i < 10; i++) session.notify(`Problem ${i}`);
    expect(session.notices.getSnapshot().map((n) => n.message)).toEqual(Array.from({ length: MAX_NOTICES }, (_, i) => `Problem ${10 - MAX_NOTICES + i}`));
  });
});
