/**
 * The status line before the first sync round of a session has finished: a server that does not
 * answer yet must not make the whole history look unsent — what earlier sessions got
 * acknowledged is on disk, and the count starts from it.
 */
import { createServer, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { commitChange } from '../../../../../shared/history';
import { openProjectStore, type ProjectStore } from '../../../../../electron/services/projectStore';
import { BackgroundSync, transportFor } from '../../../../../electron/services/sync/backgroundSync';
import { loadOrCreateIdentity } from '../../../../../electron/services/sync/identity';
import { EntryStamper } from '../../../../../electron/services/sync/stamper';
import { SyncStateFile } from '../../../../../electron/services/sync/teamSync';
import type { SyncStatus } from '../../../../../shared/api';
import { projectWithClaims, writeProjectFile } from '../../../../support/projectFiles';
import { tempDir } from '../helpers';

/** Undone last first: the silent server goes before the round that waits on it is stopped. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A loopback server that accepts connections and never answers (a server still waking up). */
async function silentServer(): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}/team`;
}

it('counts only the changes no round acknowledged, before the first round ends', async () => {
  const dir = await tempDir();
  const generated = projectWithClaims({ title: 'Team', paragraphs: ['One claim sits here in this text.'], claims: 1 });
  const { project } = commitChange(generated, { kind: 'do', op: { type: 'setMethodology', text: 'Two sources' } }, { id: 'written-offline', at: '2026-11-28T10:00:00.000Z', author: 'Ana' });
  const store: ProjectStore = await openProjectStore(writeProjectFile(dir, 'team', project));
  cleanups.push(async () => void (await store.close()));
  const target = await silentServer();
  const stamper = new EntryStamper(await loadOrCreateIdentity(dir));
  const share = { target, passphrase: 'correct horse battery staple' };
  const stateFile = SyncStateFile.forProject(dir, store.project.id);
  // An earlier session's round got the first entry acknowledged.
  await stateFile.write(transportFor(share, stamper.identity.deviceId).target, { cursor: null, sent: ['generated-batch'], files: [] });

  const seen: SyncStatus[] = [];
  const sync = new BackgroundSync({ store, stamper, share, stateFile, onStatus: (s) => seen.push(s) });
  cleanups.splice(1, 0, () => sync.stop());
  expect(store.project.history).toHaveLength(2);
  sync.start();
  for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(seen.map((s) => s.text)).toEqual(['Offline — 1 changes waiting']);
  expect(sync.status.lastRoundAt).toBeUndefined();
});
