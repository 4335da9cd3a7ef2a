import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkbench } from '../../../../electron/services/workbench';
import { assetsDirFor, extensionOf } from '../../../../electron/services/attachments/attachmentStore';
import type { Change } from '../../../../shared/operations';
import { reviewOperation } from '../../../../shared/workflow/rules';
import { sampleArticle, sampleClaim, tempDir } from './helpers';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function setup() {
  const root = await tempDir();
  const dataDir = path.join(root, 'data');
  const workbench = createWorkbench({ dataDir, mode: 'browser', version: '1', resourcesDir: path.join(dataDir, 'none'), storeOptions: { debounceMs: 5, maxDelayMs: 20 } });
  // Every change is recorded with its author: the workbench refuses changes until a name is set.
  await workbench.updateSettings({ userName: 'Test Checker' });
  return { root, dataDir, workbench };
}

describe('attachments', () => {
  it('names the assets folder after the project', () => {
    expect(assetsDirFor('/x/claims.factcheck.json')).toBe(path.join('/x', 'claims.assets'));
    expect(assetsDirFor('/x/other.json')).toBe(path.join('/x', 'other.assets'));
    expect(extensionOf('Report.PDF')).toBe('pdf');
    expect(extensionOf('noext')).toBe('bin');
  });

  it('stores by SHA-256, reads back, extracts text, and survives Save as and moving the folder', async () => {
    const { root, workbench } = await setup();
    const created = await workbench.createProject({ title: 'Att', path: path.join(root, 'one', 'att') });
    const stored = await workbench.storeAttachment({ fileName: 'page.md', dataBase64: base64('# Saved page\n\nUnemployment fell to 5 percent in March.\n') });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.ext).toBe('md');
    const file = path.join(root, 'one', 'att.assets', `${stored.sha256}.md`);
    expect((await fs.readFile(file, 'utf8')).startsWith('# Saved page')).toBe(true);
    const again = await workbench.storeAttachment({ fileName: 'copy.md', dataBase64: base64('# Saved page\n\nUnemployment fell to 5 percent in March.\n') });
    expect(again.sha256).toBe(stored.sha256);

    const article = sampleArticle();
    await workbench.applyChanges({
      projectId: created.project.id,
      baseSeq: 0,
      changes: [
        { kind: 'do', op: { type: 'addArticle', article } },
        { kind: 'do', op: { type: 'addSource', source: { id: 's1', url: 'https://example.org', title: 'T', publisher: 'P', accessedAt: '2026-01-01' } } },
        { kind: 'do', op: { type: 'attachFile', sourceId: 's1', attachment: stored } },
      ],
    });
    expect((await workbench.readAttachment({ sha256: stored.sha256, ext: 'md' })).mediaType).toBe('text/markdown');
    expect((await workbench.attachmentText({ sha256: stored.sha256, ext: 'md', name: 'page.md' })).text).toContain('Unemployment fell to 5 percent');

    // Save as copies the assets to the new place.
    const saved = await workbench.saveProjectAs({ path: path.join(root, 'two', 'copy') });
    await workbench.waitForSave({ seq: 3 });
    expect(await fs.readFile(path.join(root, 'two', 'copy.assets', `${stored.sha256}.md`), 'utf8')).toContain('Saved page');
    await workbench.closeProject({});

    // Move the whole folder, then open by path.
    await fs.rename(path.join(root, 'two'), path.join(root, 'moved'));
    const reopened = await workbench.openProject({ path: path.join(root, 'moved', path.basename(saved.path)) });
    expect(reopened.project.sources[0].attachments).toEqual([stored]);
    expect((await workbench.attachmentText({ sha256: stored.sha256, ext: 'md' })).text).toContain('5 percent');
    await workbench.dispose();
  });

  it('reports a missing or damaged file and unreadable formats clearly', async () => {
    const { root, workbench } = await setup();
    await workbench.createProject({ title: 'Att', path: path.join(root, 'p') });
    const png = await workbench.storeAttachment({ fileName: 'shot.png', dataBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]).toString('base64') });
    const text = await workbench.attachmentText({ sha256: png.sha256, ext: 'png' });
    expect(text.text).toBe('');
    expect(text.problem).toBeTruthy();
    await fs.writeFile(path.join(root, 'p.assets', `${png.sha256}.png`), 'tampered');
    await expect(workbench.readAttachment({ sha256: png.sha256, ext: 'png' })).rejects.toThrow(/damaged/);
    await expect(workbench.readAttachment({ sha256: 'b'.repeat(64), ext: 'png' })).rejects.toThrow(/missing/);
    await workbench.dispose();
  });
});

describe('review rules on the main side', () => {
  it('refuses approval by a checker, stamps authors on comments and history', async () => {
    const { root, workbench } = await setup();
    await workbench.updateSettings({ userName: 'A', role: 'checker' });
    const created = await workbench.createProject({ title: 'R', path: path.join(root, 'r') });
    const article = sampleArticle();
    const claim = sampleClaim(article);
    let seq = (
      await workbench.applyChanges({
        projectId: created.project.id,
        baseSeq: 0,
        changes: [
          { kind: 'do', op: { type: 'addArticle', article } },
          { kind: 'do', op: { type: 'addClaim', claim } },
          { kind: 'do', op: reviewOperation(claim.id, 'submit') },
        ],
      })
    ).seq;
    await expect(workbench.applyChanges({ projectId: created.project.id, baseSeq: seq, changes: [{ kind: 'do', op: reviewOperation(claim.id, 'approve') }] })).rejects.toThrow(
      /Only an editor may approve/,
    );
    await workbench.updateSettings({ userName: 'B', role: 'editor' });
    const result = await workbench.applyChanges({
      projectId: created.project.id,
      baseSeq: seq,
      changes: [{ kind: 'do', op: reviewOperation(claim.id, 'requestChanges', { id: 'm1', claimId: claim.id, author: 'someone else', at: 'now', text: 'Source?' }) }],
    });
    seq = result.seq;
    expect(result.entries[0].author).toBe('B');
    const open = await workbench.getOpenProject({});
    expect(open?.project.comments?.[0]).toMatchObject({ author: 'B', text: 'Source?' });
    expect(open?.project.claims[0].state).toBe('changesRequested');
    await workbench.dispose();
  });

  it('holds the gate below the UI: approved claims not added, re-anchored or un-approved by a checker, even by undo', async () => {
    const { root, workbench } = await setup();
    await workbench.updateSettings({ userName: 'Cleo', role: 'checker' });
    const created = await workbench.createProject({ title: 'Gate', path: path.join(root, 'gate') });
    const projectId = created.project.id;
    const article = sampleArticle();
    const claim = sampleClaim(article);
    const send = async (changes: Change[]) => {
      const open = await workbench.getOpenProject({});
      return workbench.applyChanges({ projectId, baseSeq: open!.project.history.length, changes });
    };
    await send([{ kind: 'do', op: { type: 'addArticle', article } }]);
    // A claim cannot arrive already approved, whoever sends it.
    await expect(send([{ kind: 'do', op: { type: 'addClaim', claim: { ...claim, state: 'approved' } } }])).rejects.toThrow(/cannot be added as approved/);
    await send([
      { kind: 'do', op: { type: 'addClaim', claim } },
      { kind: 'do', op: { type: 'addSource', source: { id: 's1', url: 'https://example.org/r', title: 'Record', publisher: 'Office', accessedAt: '2026-11-28' } } },
      { kind: 'do', op: { type: 'linkSource', link: { id: 'l1', claimId: claim.id, sourceId: 's1', stance: 'refutes', excerpt: '' } } },
    ]);

    // The editor: no approval without a verdict, nor from Draft without an override and its reason.
    await workbench.updateSettings({ userName: 'Bo Lindqvist', role: 'editor' });
    await expect(send([{ kind: 'do', op: reviewOperation(claim.id, 'approve') }])).rejects.toThrow(/without a verdict/);
    await send([{ kind: 'do', op: { type: 'setVerdict', claimId: claim.id, levelId: 'false', rationale: 'The record says 61.' } }]);
    await expect(send([{ kind: 'do', op: reviewOperation(claim.id, 'approve') }])).rejects.toThrow(/only once the claim is Ready for review/);
    const override = { reason: 'Breaking news; the desk chief checked the record.', skipped: ['readyForReview' as const] };
    const approved = await send([{ kind: 'do', op: reviewOperation(claim.id, 'approve', undefined, override) }]);
    expect(approved.entries[0]).toMatchObject({ author: 'Bo Lindqvist', op: { type: 'changeState', action: 'approve', override } });

    // The checker can neither re-anchor the approved claim nor take the approval back with undo.
    await workbench.updateSettings({ userName: 'Cleo', role: 'checker' });
    const reanchor: Change = { kind: 'do', op: { type: 'reanchorClaim', claim: { claimId: claim.id, target: claim.target, anchor: null, needsRecheck: false } } };
    await expect(send([reanchor])).rejects.toThrow(/approved and locked/);
    await expect(send([{ kind: 'undo' }])).rejects.toThrow('Only an editor may undo an approval. Switch your role in Settings.');
    expect((await workbench.getOpenProject({}))!.project.claims[0].state).toBe('approved');

    // The editor may undo it; redoing it is again the editor's.
    await workbench.updateSettings({ role: 'editor' });
    await send([{ kind: 'undo' }]);
    await workbench.updateSettings({ role: 'checker' });
    await expect(send([{ kind: 'redo' }])).rejects.toThrow(/Only an editor may redo an approval/);
    expect((await workbench.getOpenProject({}))!.project.claims[0].state).toBe('draft');
    await workbench.dispose();
  });
});
