/**
 * What a save puts on disk, byte for byte: the store writes in pieces and keeps the text of items it
 * wrote before, yet the file must be exactly what one JSON.stringify per line of the layout makes from
 * the latest project, also when a change arrives while a write is under way.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Adapter } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { openProjectStore } from '../../../../electron/services/projectStore';
import type { Change, Project } from '../../../../shared/operations';
import { serializeProject } from '../../../../shared/projectFile';
import { doOp, emptyProject, meta, sampleArticle, sampleClaim, tempDir } from './helpers';

const LONG_LISTS = ['history', 'articles', 'claims', 'sources', 'links', 'comments'];

/** The file's layout made the plain way: each top-level value, and each item of a long list, by one JSON.stringify. */
function stringifiedLayout(project: Project): string {
  const lines = Object.entries(project)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const items = LONG_LISTS.includes(key) && Array.isArray(value) && value.length > 0 ? (value as unknown[]) : null;
      const text = items ? `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]` : JSON.stringify(value);
      return `  ${JSON.stringify(key)}: ${text}`;
    });
  return lines.length > 0 ? `{\n${lines.join(',\n')}\n}\n` : '{}\n';
}

/** An adapter whose next write waits until `release` is called (a save caught in the middle). */
function holdable() {
  let gate: Promise<void> | null = null;
  let release = () => {};
  let started = () => {};
  const hold = () => {
    gate = new Promise((resolve) => (release = resolve));
    return new Promise<void>((resolve) => (started = resolve));
  };
  const wrapAdapter = (adapter: Adapter<Project>): Adapter<Project> => ({
    read: () => adapter.read(),
    write: async (data) => {
      const waiting = gate;
      gate = null;
      if (waiting) {
        started();
        await waiting;
      }
      await adapter.write(data);
    },
  });
  return { hold, release: () => release(), wrapAdapter };
}

const claimIds = ['claim-1', 'claim-2', 'claim-3'];
const changeArb: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ claimId: fc.constantFrom(...claimIds), claimant: fc.string({ maxLength: 12 }) }).map(({ claimId, claimant }) =>
    doOp({ type: 'editClaim', claimId, changes: { claimant } }),
  ),
  fc.string({ minLength: 1, maxLength: 12 }).map((title) => doOp({ type: 'renameProject', title })),
  fc.constant<Change>({ kind: 'undo' }),
);

describe('the bytes a save writes', () => {
  it('equal the stringified layout of the latest project after every save, from the first one after opening on', async () => {
    const dir = await tempDir();
    const article = sampleArticle();
    const start = [doOp({ type: 'addArticle', article }), ...claimIds.map((id) => doOp({ type: 'addClaim', claim: sampleClaim(article, id) }))];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(changeArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), async (saves) => {
        const file = path.join(dir, `bytes-${Math.random().toString(36).slice(2)}.factcheck.json`);
        const created = await openProjectStore(file, { create: emptyProject(), lock: false });
        created.apply(0, start, meta);
        await created.close();
        // Reopened: the first save after opening reuses the texts the file had.
        const store = await openProjectStore(file, { lock: false, debounceMs: 3_600_000, maxDelayMs: 3_600_000 });
        for (const changes of saves) {
          for (const change of changes) {
            try {
              store.apply(store.project.history.length, [change], meta);
            } catch {
              // Nothing to undo: the change is refused and the project stays as it was.
            }
          }
          expect((await store.flush()).state).toBe('saved');
          expect(await fs.readFile(file, 'utf8')).toBe(stringifiedLayout(store.project));
        }
        await store.close();
      }),
      { numRuns: 12 },
    );
  });

  it('end with the latest project on disk when a change arrives during a write', async () => {
    const file = path.join(await tempDir(), 'interrupted.factcheck.json');
    const gate = holdable();
    const store = await openProjectStore(file, { create: emptyProject(), wrapAdapter: gate.wrapAdapter, debounceMs: 3_600_000, maxDelayMs: 3_600_000 });
    const article = sampleArticle();
    store.apply(0, [doOp({ type: 'addArticle', article }), doOp({ type: 'addClaim', claim: sampleClaim(article) })], meta);
    const started = gate.hold();
    const first = store.flush();
    await started;
    // The write in flight holds the project as it was; this change comes after it.
    store.apply(2, [doOp({ type: 'editClaim', claimId: 'claim-1', changes: { claimant: 'Late speaker' } })], meta);
    gate.release();
    await first;
    expect(store.status()).toEqual({ state: 'saved', savedSeq: 3 });
    const text = await fs.readFile(file, 'utf8');
    expect(text).toContain('Late speaker');
    expect(text).toBe(stringifiedLayout(store.project));
    expect(text).toBe(serializeProject(store.project));
    await store.close();
  });
});
