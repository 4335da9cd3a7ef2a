/**
 * The open path of the contract with a history tail: a client that asks (the window) gets the last
 * entries and the history's length and pages in the rest; a client that does not ask (the CLI, a
 * raw HTTP client) gets the whole project, as before.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbench } from '../../../../electron/services/workbench';
import { dispatchCall, HISTORY_PAGE_MAX, type OpenProject } from '../../../../shared/api';
import { writeLongHistoryProject } from '../../../support/largeHistory';
import { tempDir } from './helpers';

const ENTRIES = 1200;

async function setup() {
  const dir = await tempDir();
  const file = path.join(dir, 'long.factcheck.json');
  const written = await writeLongHistoryProject(file, { articles: 1, claimsPerArticle: 10, historyEntries: ENTRIES });
  const workbench = createWorkbench({ dataDir: path.join(dir, 'data'), mode: 'browser', version: '9.9.9', resourcesDir: path.join(dir, 'none') });
  return { file, written, workbench };
}

describe('opening a long history through the contract', () => {
  it('sends the last entries and the length when asked, the whole history otherwise', async () => {
    const { file, written, workbench } = await setup();
    try {
      const tail = await workbench.openProject({ path: file, historyTail: 50 });
      expect(tail.historyTotal).toBe(ENTRIES);
      expect(tail.project.history).toEqual(written.history.slice(ENTRIES - 50));
      expect({ ...tail.project, history: [] }).toEqual({ ...written, history: [] });

      const whole = await workbench.getOpenProject({});
      expect(whole?.historyTotal).toBeUndefined();
      expect(whole?.project).toEqual(written);
      // A tail longer than the history: the whole history, no total.
      const short = (await workbench.getOpenProject({ historyTail: ENTRIES })) as OpenProject;
      expect(short.historyTotal).toBeUndefined();
      expect(short.project.history).toHaveLength(ENTRIES);
    } finally {
      await workbench.dispose();
    }
  });

  it('pages the history in order, and refuses a page of a project that is not open', async () => {
    const { file, written, workbench } = await setup();
    try {
      await workbench.openProject({ path: file, historyTail: 10 });
      const pages = [];
      for (let from = 0; from < ENTRIES; from += 500) pages.push(await workbench.historyPage({ projectId: written.id, from, count: 500 }));
      expect(pages.map((page) => page.total)).toEqual([ENTRIES, ENTRIES, ENTRIES]);
      expect(pages.flatMap((page) => page.entries)).toEqual(written.history);
      expect((await workbench.historyPage({ projectId: written.id, from: ENTRIES, count: 10 })).entries).toEqual([]);
      await expect(workbench.historyPage({ projectId: 'another', from: 0, count: 10 })).rejects.toMatchObject({ code: 'out-of-sync' });
      // The contract bounds a page (what a binding checks before the call).
      const tooMany = await dispatchCall(workbench, 'historyPage', { projectId: written.id, from: 0, count: HISTORY_PAGE_MAX + 1 });
      expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    } finally {
      await workbench.dispose();
    }
  });

  it("carries the change feed's counter: a poll from it waits for news instead of sending the whole project again", async () => {
    const { file, workbench } = await setup();
    const other = path.join(path.dirname(file), 'other.factcheck.json');
    const second = await writeLongHistoryProject(other, { articles: 1, claimsPerArticle: 2, historyEntries: 5 });
    try {
      const tail = await workbench.openProject({ path: file, historyTail: 50 });
      const fromZero = await workbench.waitForChanges({ sinceSeq: 0, timeoutMs: 0 });
      expect(fromZero.project?.history).toHaveLength(ENTRIES);
      const quiet = await workbench.waitForChanges({ sinceSeq: tail.changeSeq!, timeoutMs: 50 });
      expect(quiet.project).toBeUndefined();
      expect((await workbench.getOpenProject({}))?.changeSeq).toBe(tail.changeSeq);
      // Another project opened: a poll from the first reply's counter hears of it, and the second reply counts it.
      const polling = workbench.waitForChanges({ sinceSeq: tail.changeSeq!, timeoutMs: 5000 });
      const next = await workbench.openProject({ path: other });
      const news = await polling;
      expect(news.project?.history).toEqual(second.history);
      expect(next.changeSeq).toBeGreaterThanOrEqual(news.seq);
    } finally {
      await workbench.dispose();
    }
  });
});
