/** The contract's mergeCopy call: merges another copy into the open project and says what it did; refuses what is not a copy. */
import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../../../../electron/services/workbench';
import { serializeProject } from '../../../../../shared/projectFile';
import { mergeSummary } from '../../../../../shared/sync/mergeSummary';
import { sampleProject } from '../../../shared/helpers';
import { edit, person, read, twoCopies, type Person } from '../../cli/teamHelpers';

let dir: string;
let alice: Person;
let bob: Person;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'merge-call-'));
  alice = await person(dir, 'Alice');
  bob = await person(dir, 'Bob');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('mergeCopy (contract call)', () => {
  it('merges the copy into the open project, saves it, and returns the counts with the merged project', async () => {
    const { a, b } = await twoCopies(dir, 'call', alice, bob);
    await edit(bob, b, [{ type: 'editClaim', claimId: 'c2', changes: { statement: 'from Bob’s copy' } }]);
    const workbench = createWorkbench({ dataDir: alice.dataDir, mode: 'browser', version: 't', resourcesDir: path.join(dir, 'none') });
    try {
      await workbench.openProject({ path: a });
      const merged = await workbench.mergeCopy({ path: b });
      expect(mergeSummary(merged)).toBe('merged: 1 new, 2 already present, 0 conflicts');
      expect(merged.problems).toEqual([]);
      expect(merged.opened.path).toBe(a);
      expect(merged.opened.project.claims.find((c) => c.id === 'c2')!.statement).toBe('from Bob’s copy');
      expect((await read(a)).claims.find((c) => c.id === 'c2')!.statement).toBe('from Bob’s copy');

      await expect(workbench.mergeCopy({ path: a })).rejects.toMatchObject({ code: 'invalid-arguments', message: expect.stringMatching(/open project itself/) });
      await expect(workbench.mergeCopy({ path: path.join(dir, 'missing.factcheck.json') })).rejects.toMatchObject({ code: 'io-error', message: expect.stringMatching(/There is no file at/) });
      const stranger = path.join(dir, 'stranger.factcheck.json');
      await fs.writeFile(stranger, serializeProject({ ...sampleProject(), id: 'p-other' }));
      await expect(workbench.mergeCopy({ path: stranger })).rejects.toMatchObject({ code: 'operation-failed', message: expect.stringMatching(/copy of another project/) });
    } finally {
      await workbench.dispose();
    }
  });

  it('needs an open project', async () => {
    const workbench = createWorkbench({ dataDir: alice.dataDir, mode: 'browser', version: 't', resourcesDir: path.join(dir, 'none') });
    try {
      await expect(workbench.mergeCopy({ path: path.join(dir, 'x.factcheck.json') })).rejects.toMatchObject({ code: 'no-project' });
    } finally {
      await workbench.dispose();
    }
  });
});
