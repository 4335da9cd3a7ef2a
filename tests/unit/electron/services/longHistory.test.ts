/**
 * A project with a long history, generated as a file: it opens, undo reaches the last change and
 * redoes it, the History sees every entry, and a merge replays them all. (Its speed is a bench:
 * npm run bench:history.)
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProjectStore } from '../../../../electron/services/projectStore';
import { entriesForClaim, undoTarget } from '../../../../shared/history';
import type { HistoryEntry } from '../../../../shared/operations';
import { formatHlc } from '../../../../shared/sync/hlc';
import { mergeEntries } from '../../../../shared/sync/merge';
import { writeLongHistoryProject } from '../../../support/largeHistory';
import { tempDir } from './helpers';

const ENTRIES = 10_000;
/** One of the generated history's two people. */
const ANA = 'k-ana-0000000001';

describe('a project with a long history', () => {
  it('opens, undoes and redoes, lists every entry, merges, and saves what it opened', { timeout: 120_000 }, async () => {
    const file = path.join(await tempDir(), 'long.factcheck.json');
    const written = await writeLongHistoryProject(file, { articles: 2, claimsPerArticle: 20, historyEntries: ENTRIES });
    const store = await openProjectStore(file, { lock: false, debounceMs: 0, maxDelayMs: 0 });
    try {
      expect(store.project.history).toHaveLength(ENTRIES);
      expect(store.project.claims).toEqual(written.claims);

      // Undo takes back the person's own last change (stamped entries: never someone else's).
      const last = undoTarget(written.history, ANA)!;
      expect(last.seq).toBeGreaterThan(ENTRIES - 3);
      const claimId = (last.op as { claimId?: string }).claimId ?? (last.op as { comment: { claimId: string } }).comment?.claimId;
      const before = store.project;
      // Stamped like the app's entries (a later clock than every generated one), so a merge keeps their order.
      const meta = (n: number) => () => ({
        author: 'Ana Checker',
        at: '2026-11-28T12:00:00.000Z',
        id: `test-${n}`,
        keyId: ANA,
        device: 'device-ana-laptop',
        hlc: formatHlc({ wallMs: Date.UTC(2026, 10, 28, 12), counter: n }),
      });
      const [undone] = store.apply(ENTRIES, [{ kind: 'undo' }], meta(1));
      expect(undone).toMatchObject({ kind: 'undo', of: last.seq, op: last.inverse });
      const state = (p: typeof before) => ({ claims: p.claims, comments: p.comments });
      expect(state(store.project)).not.toEqual(state(before));
      store.apply(ENTRIES + 1, [{ kind: 'redo' }], meta(2));
      expect(state(store.project)).toEqual(state(before));

      // The History: every entry, and a claim's own filter finds its entries among them.
      expect(entriesForClaim(store.project, null)).toHaveLength(ENTRIES + 2);
      const ofClaim = entriesForClaim(store.project, claimId!);
      expect(ofClaim.length).toBeGreaterThan(ENTRIES / 50);
      expect(ofClaim.at(-1)!.kind).toBe('redo');

      // A merge replays every entry and places the one received last (latest clock).
      const received: HistoryEntry = {
        seq: 0,
        id: 'from-elsewhere',
        at: '2027-01-01T00:00:00.000Z',
        author: 'Colleague',
        keyId: 'k-colleague-00000003',
        device: 'device-colleague',
        hlc: formatHlc({ wallMs: Date.UTC(2027, 0, 1), counter: 0 }),
        kind: 'do',
        op: { type: 'renameProject', title: 'Merged title' },
        inverse: { type: 'renameProject', title: store.project.title },
      };
      const merged = store.merge([received]);
      expect((store.project.conflicts ?? []).map((c) => (c as { reason?: string }).reason)).toEqual([]);
      expect(merged).toMatchObject({ added: 1, conflicts: 0 });
      expect(store.project.history).toHaveLength(ENTRIES + 3);
      expect(new Set(store.project.history.map((e) => e.id)).size).toBe(ENTRIES + 3);
      expect(store.project.history.at(-1)).toMatchObject({ id: 'from-elsewhere', seq: ENTRIES + 2 });
      expect(store.project.title).toBe('Merged title');
      expect(store.project.claims).toEqual(before.claims);

      const merged2 = mergeEntries(store.project, [received]);
      expect(merged2).toMatchObject({ added: 0, present: 1 });
      expect((await store.flush()).state).toBe('saved');
    } finally {
      await store.close();
    }
    const reopened = await openProjectStore(file, { lock: false });
    expect(reopened.project.history).toHaveLength(ENTRIES + 3);
    expect(reopened.project.title).toBe('Merged title');
    await reopened.close();
  });
});
