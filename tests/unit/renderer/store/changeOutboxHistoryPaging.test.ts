/**
 * The ChangeOutbox with a long history opened as the window opens it: the reply holds the last
 * entries only, the earlier ones are paged in behind, and nothing the user does meanwhile is lost,
 * sent out of order or undone against half a history.
 */
import { describe, expect, it } from 'vitest';
import { HISTORY_PAGE, ChangeOutbox } from '../../../../renderer/src/store/changeOutbox';
import { undoTarget } from '../../../../shared/history';
import { generateLongHistoryProject } from '../../../support/largeHistory';
import { FakeWorkbench, settle } from './fakeWorkbench';

const TAIL = 200;
const ENTRIES = 2 * HISTORY_PAGE + 1000;

async function setup() {
  const main = new FakeWorkbench(generateLongHistoryProject({ articles: 1, claimsPerArticle: 10, historyEntries: ENTRIES }));
  const notices: string[] = [];
  const reloads: unknown[] = [];
  const rebases: unknown[] = [];
  const outbox = new ChangeOutbox(main.api, {
    notify: (message) => notices.push(message),
    author: () => 'Ana Checker',
    onReloaded: (open) => reloads.push(open),
    onRebased: (previous, next) => rebases.push({ previous, next }),
  });
  let release!: () => void;
  main.slowPages = new Promise((resolve) => (release = resolve));
  const open = (await main.api.getOpenProject({ historyTail: TAIL }))!;
  outbox.load(open.project, open.historyTotal);
  return { main, outbox, notices, reloads, rebases, open, release };
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 100 && !done(); i++) await settle();
};

describe('ChangeOutbox: a long history paged in behind the first paint', () => {
  it('shows the last entries at once and the whole history once its pages are in', async () => {
    const { main, outbox, open, release, notices, rebases } = await setup();
    expect(open.historyTotal).toBe(ENTRIES);
    expect(outbox.getSnapshot().project!.history).toHaveLength(TAIL);
    expect(outbox.getSnapshot().project!.claims).toEqual(main.project!.claims);
    expect(outbox.historyLoading).toBe(true);

    release();
    await until(() => !outbox.historyLoading);
    expect(outbox.historyLoading).toBe(false);
    expect(outbox.getSnapshot().project).toEqual(main.project);
    // Pages of at most HISTORY_PAGE entries, oldest first, and nothing sent, reloaded or marked as made elsewhere.
    expect(main.calls.filter((call) => call === 'historyPage')).toHaveLength(Math.ceil((ENTRIES - TAIL) / HISTORY_PAGE));
    expect(main.applyCalls).toEqual([]);
    expect(notices).toEqual([]);
    expect(rebases).toEqual([]);
  });

  it('applies a change made meanwhile at once and sends it after the whole history, on its full length', async () => {
    const { main, outbox, release } = await setup();
    expect(outbox.dispatch({ type: 'renameProject', title: 'Renamed while loading' })).toBe(true);
    expect(outbox.getSnapshot().project!.title).toBe('Renamed while loading');
    await settle();
    expect(main.applyCalls).toEqual([]);

    release();
    await until(() => main.applyCalls.length > 0 && outbox.getSnapshot().save.kind !== 'saving');
    expect(main.applyCalls).toHaveLength(1);
    expect(main.applyCalls[0]!.baseSeq).toBe(ENTRIES);
    expect(main.project!.title).toBe('Renamed while loading');
    expect(main.project!.history).toHaveLength(ENTRIES + 1);
    expect(outbox.getSnapshot().project).toEqual(main.project);
  });

  it('waits with undo until the history is whole, then undoes what the whole history says', async () => {
    const { main, outbox, release } = await setup();
    expect(outbox.undo()).toBe(false);
    release();
    await until(() => !outbox.historyLoading);
    const target = undoTarget(main.project!.history)!;
    expect(outbox.undo()).toBe(true);
    await until(() => main.applyCalls.length > 0);
    expect(main.project!.history.at(-1)).toMatchObject({ kind: 'undo', of: target.seq });
  });

  it('reloads the whole project, saying why, when a page cannot be had', async () => {
    const { main, outbox, release, notices, reloads } = await setup();
    main.unreachable = null;
    const realPage = main.api.historyPage;
    main.api.historyPage = () => Promise.reject(new Error('the host went away'));
    release();
    await until(() => reloads.length > 0);
    main.api.historyPage = realPage;
    expect(notices.join('\n')).toMatch(/history could not be loaded: the host went away/);
    expect(outbox.historyLoading).toBe(false);
    expect(outbox.getSnapshot().project).toEqual(main.project);
  });
});
