/**
 * A kill during a save leaves `<file>.<hex>.tmp` beside the project, as large as the project:
 * opening the project removes its own leftovers (the project's, the backup's, the assets') and
 * nothing else; in the shared data folder only temp files old enough to be orphans go.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeSharedLeftovers } from '../../../../electron/services/leftoverTemps';
import { openProjectStore } from '../../../../electron/services/projectStore';
import { serializeProject } from '../../../../shared/projectFile';
import { emptyProject, tempDir } from './helpers';

const SHA = 'ab'.repeat(32);

describe('leftover temp files', () => {
  it('opening a project removes the temp files a crash left beside it, and only those', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'claims.factcheck.json');
    await fs.writeFile(project, serializeProject(emptyProject()));
    await fs.mkdir(path.join(dir, 'claims.assets'));
    const ours = [
      'claims.factcheck.json.0123456789ab.tmp',
      'claims.factcheck.json.bak.ba9876543210.tmp',
      `claims.assets/${SHA}.pdf.00112233aabb.tmp`,
    ];
    const notOurs = [
      'claims.factcheck.json.notes.tmp',
      'claims.factcheck.json.0123456789ab.tmp.keep',
      'other.factcheck.json.0123456789ab.tmp',
      'claims.factcheck.json.0123456789AB.tmp',
      'report.html.0123456789ab.tmp',
      `claims.assets/${SHA}.pdf`,
      'claims.assets/readme.txt.0123456789ab.tmp',
    ];
    for (const name of [...ours, ...notOurs]) await fs.writeFile(path.join(dir, name), 'x'.repeat(1000));
    // A lock temp that another process may be using right now stays; an old one goes.
    const freshLockTemp = path.join(dir, 'claims.factcheck.json.lock.aaaaaaaaaaaa.tmp');
    const oldLockTemp = path.join(dir, 'claims.factcheck.json.lock.bbbbbbbbbbbb.tmp');
    await fs.writeFile(freshLockTemp, '{}');
    await fs.writeFile(oldLockTemp, '{}');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await fs.utimes(oldLockTemp, anHourAgo, anHourAgo);

    const store = await openProjectStore(project);
    for (const name of ours) expect(await exists(path.join(dir, name)), name).toBe(false);
    for (const name of notOurs) expect(await exists(path.join(dir, name)), name).toBe(true);
    expect(await exists(freshLockTemp)).toBe(true);
    expect(await exists(oldLockTemp)).toBe(false);
    await store.close();
  });

  it('a project opened without its lock (read only) removes nothing', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'claims.factcheck.json');
    await fs.writeFile(project, serializeProject(emptyProject()));
    const temp = path.join(dir, 'claims.factcheck.json.0123456789ab.tmp');
    await fs.writeFile(temp, 'x');
    const store = await openProjectStore(project, { lock: false });
    expect(await exists(temp)).toBe(true);
    await store.close();
  });

  it('in the shared data folder, only temp files older than ten minutes go', async () => {
    const dir = await tempDir();
    const fresh = path.join(dir, 'settings.json.0123456789ab.tmp');
    const old = path.join(dir, 'recent.json.ba9876543210.tmp');
    const stranger = path.join(dir, 'notes.json.0123456789ab.tmp');
    for (const file of [fresh, old, stranger]) await fs.writeFile(file, '{}');
    const past = new Date(Date.now() - 3_600_000);
    await fs.utimes(old, past, past);
    await fs.utimes(stranger, past, past);
    expect(await removeSharedLeftovers(dir, ['settings.json', 'recent.json'])).toEqual([old]);
    expect(await exists(fresh)).toBe(true);
    expect(await exists(stranger)).toBe(true);
  });
});

function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
