/** The workbench stamps and signs every new entry, and on a shared project takes the role from the member list. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateIdentity } from '../../../../../electron/services/sync/identity';
import { verifyEntrySignature } from '../../../../../electron/services/sync/signatures';
import { createWorkbench } from '../../../../../electron/services/workbench';
import { serializeProject } from '../../../../../shared/projectFile';
import { signedPart } from '../../../../../shared/sync/entryStamp';
import { compareHlc, parseHlc } from '../../../../../shared/sync/hlc';
import { sampleProject } from '../../../shared/helpers';
import { tempDir } from '../helpers';

async function setup() {
  const dir = await tempDir();
  const dataDir = path.join(dir, 'data');
  const file = path.join(dir, 'p.factcheck.json');
  await fs.writeFile(file, serializeProject(sampleProject()));
  const workbench = createWorkbench({ dataDir, mode: 'browser', version: 't', resourcesDir: path.join(dir, 'none') });
  // Every change is recorded with its author: the user has said who they are.
  await workbench.updateSettings({ userName: 'Stamp Tester' });
  return { dataDir, file, workbench };
}

describe('stamped entries', () => {
  it('creates the identity at start and signs every new entry with key id, device and a rising clock', async () => {
    const { dataDir, file, workbench } = await setup();
    const { project } = await workbench.openProject({ path: file });
    const { entries } = await workbench.applyChanges({
      projectId: project.id,
      baseSeq: 0,
      changes: [
        { kind: 'do', op: { type: 'editClaim', claimId: 'c1', changes: { statement: 'one' } } },
        { kind: 'do', op: { type: 'editClaim', claimId: 'c1', changes: { statement: 'two' } } },
        { kind: 'undo' },
      ],
    });
    const identity = await loadOrCreateIdentity(dataDir);
    for (const entry of entries) {
      expect(entry).toMatchObject({ keyId: identity.keyId, device: identity.deviceId });
      expect(verifyEntrySignature({ ...signedPart(entry), signature: entry.signature! }, identity.publicKey)).toEqual({ ok: true });
    }
    expect(compareHlc(parseHlc(entries[0].hlc!), parseHlc(entries[1].hlc!))).toBe(-1);
    expect(entries[2]).toMatchObject({ kind: 'undo', ofId: entries[1].id, of: 1 });
    // A changed entry no longer verifies.
    const changed = { ...signedPart(entries[0]), op: { type: 'editClaim', claimId: 'c1', changes: { statement: 'three' } }, signature: entries[0].signature! };
    expect(verifyEntrySignature(changed, identity.publicKey)).toMatchObject({ ok: false, reason: 'bad-signature' });
    await workbench.dispose();
  });

  it('on a shared project, takes the role from the member list, not from Settings', async () => {
    const { dataDir, file, workbench } = await setup();
    await workbench.updateSettings({ userName: 'Ana', role: 'editor' });
    const identity = await loadOrCreateIdentity(dataDir);
    const { project } = await workbench.openProject({ path: file });
    const me = { name: 'Ana', publicKey: identity.publicKey, keyId: identity.keyId };
    // Adding someone else first is refused: the first member is the person sharing, as owner.
    await expect(
      workbench.applyChanges({ projectId: project.id, baseSeq: 0, changes: [{ kind: 'do', op: { type: 'setMember', member: { ...me, keyId: 'someone-else', role: 'owner' } } }] }),
    ).rejects.toThrow(/first member of a project must be its owner/);
    await workbench.applyChanges({
      projectId: project.id,
      baseSeq: 0,
      changes: [
        { kind: 'do', op: { type: 'setMember', member: { ...me, role: 'owner' } } },
        { kind: 'do', op: { type: 'setMember', member: { ...me, role: 'checker' } } },
      ],
    });
    await expect(
      workbench.applyChanges({ projectId: project.id, baseSeq: 2, changes: [{ kind: 'do', op: { type: 'changeState', claimId: 'c1', state: 'approved', action: 'approve' } }] }),
    ).rejects.toThrow(/Only an editor may approve/);
    await workbench.dispose();
  });
});
