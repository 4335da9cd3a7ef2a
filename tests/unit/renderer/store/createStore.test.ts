/** createStore, and the small stores built on it: comment drafts, import progress, the settings. */
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../../renderer/src/store/createStore';
import { commentDraft, setCommentDraft } from '../../../../renderer/src/review/commentDrafts';
import { beginImport, cancelImport, endImport, isCancelled, whenCancelled } from '../../../../renderer/src/articles/importProgress';
import { SettingsStore } from '../../../../renderer/src/store/settings';
import { FakeWorkbench, settle } from './fakeWorkbench';

describe('createStore', () => {
  it('holds a value, tells subscribers of each change, and stops telling those that unsubscribed', () => {
    const store = createStore(1);
    const heard: number[] = [];
    const unsubscribe = store.subscribe(() => heard.push(store.getSnapshot()));
    store.set(2);
    store.set((n) => n * 10);
    expect(store.getSnapshot()).toBe(20);
    unsubscribe();
    store.set(3);
    expect(heard).toEqual([2, 20]);
    expect(store.getSnapshot()).toBe(3);
  });

  it('does not tell anyone when the value stays the same, so React does not re-render', () => {
    const value = { a: 1 };
    const store = createStore(value);
    let calls = 0;
    store.subscribe(() => calls++);
    store.set(value);
    store.set((current) => current);
    expect(calls).toBe(0);
    expect(store.getSnapshot()).toBe(value);
  });

  it('tells every subscriber even when one unsubscribes while being told', () => {
    const store = createStore('a');
    const heard: string[] = [];
    const first = store.subscribe(() => {
      heard.push('first');
      first();
    });
    store.subscribe(() => heard.push('second'));
    store.set('b');
    store.set('c');
    expect(heard).toEqual(['first', 'second', 'second']);
  });
});

describe('comment drafts', () => {
  it('keeps one unsent comment per claim and forgets it when cleared', () => {
    setCommentDraft('c1', 'Needs a second source');
    setCommentDraft('c2', 'Fine');
    expect(commentDraft('c1')).toBe('Needs a second source');
    setCommentDraft('c1', '');
    expect(commentDraft('c1')).toBe('');
    expect(commentDraft('c2')).toBe('Fine');
  });
});

describe('import progress', () => {
  it('Cancel stops the latest running import only, and an ended import is gone', async () => {
    const first = beginImport('first.html', 1, 2);
    const second = beginImport('second.pdf', 2, 2);
    let cancelled = '';
    void whenCancelled(second).then((value) => (cancelled = value));
    cancelImport();
    await settle();
    expect(cancelled).toBe('cancelled');
    expect(isCancelled(second)).toBe(true);
    expect(isCancelled(first)).toBe(false);
    endImport(second);
    endImport(first);
    cancelImport();
    expect(isCancelled(first)).toBe(false);
  });
});

describe('settings', () => {
  it('reads the settings once, however often it is asked, and is the one place the user name is kept', async () => {
    const main = new FakeWorkbench();
    const settings = new SettingsStore(main.api);
    expect(settings.userName()).toBe('');
    await Promise.all([settings.load(), settings.load()]);
    await settings.load();
    expect(main.calls.filter((call) => call === 'getSettings')).toHaveLength(1);
    expect(settings.userName()).toBe('Ana Checker');
    await settings.save({ userName: 'Ana Editor', role: 'editor' });
    expect(settings.getSnapshot()).toEqual({ userName: 'Ana Editor', role: 'editor' });
    expect(main.settings.userName).toBe('Ana Editor');
  });

  it('keeps what was saved when the first read answers after the save', async () => {
    const main = new FakeWorkbench();
    let answer: () => void = () => undefined;
    const slowRead = new Promise<void>((resolve) => (answer = resolve));
    const settings = new SettingsStore({ ...main.api, getSettings: async () => (await slowRead, { userName: 'Older name', role: 'checker' }) });
    const loading = settings.load();
    await settings.save({ userName: 'Newer name' });
    answer();
    await loading;
    expect(settings.userName()).toBe('Newer name');
  });
});
