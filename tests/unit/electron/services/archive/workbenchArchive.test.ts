import { mkdirSync, promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveService } from '../../../../../electron/services/archive/archiveService';
import { archiveDirOf, PROJECTS_FILE, PUBLISHED_FILE } from '../../../../../electron/services/archive/archiveFiles';
import { createWorkbench, type Workbench } from '../../../../../electron/services/workbench';
import { serializeProject } from '../../../../../shared/projectFile';
import { doOp, emptyProject, sampleArticle, sampleClaim, tempDir } from '../helpers';

const open: Workbench[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.dispose();
});

function workbenchIn(dataDir: string): Workbench {
  // Every change is recorded with its author: the user has said who they are.
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ userName: 'Archive Tester', role: 'checker' }));
  const workbench = createWorkbench({ dataDir, mode: 'browser', version: '9.9.9', resourcesDir: path.join(dataDir, 'none'), archiveDebounceMs: 10 });
  open.push(workbench);
  return workbench;
}

const FEED = {
  dataFeedElement: [
    {
      item: [
        {
          '@type': 'ClaimReview',
          claimReviewed: 'Officials said at least 75 people were killed in the strikes',
          url: 'https://checks.example/strikes',
          author: { name: 'Harbour Check' },
          datePublished: '2026-01-05',
          reviewRating: { alternateName: 'Half true' },
        },
      ],
    },
  ],
};

/** A project with one claim that has the first verdict of the default scale. */
async function projectWithVerdict(workbench: Workbench, title: string) {
  const { project } = await workbench.createProject({ title });
  const article = sampleArticle();
  const claim = sampleClaim(article);
  const level = project.ratingScale.levels[0]!;
  await workbench.applyChanges({
    projectId: project.id,
    baseSeq: 0,
    changes: [doOp({ type: 'addArticle', article }), doOp({ type: 'addClaim', claim }), doOp({ type: 'setVerdict', claimId: claim.id, levelId: level.id })],
  });
  return { project, claim, level };
}

describe('the fact-check archive in the workbench', () => {
  it('offers a verdict given in a project as checked before, but not for the claim itself', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    const workbench = workbenchIn(dataDir);
    const { claim, level } = await projectWithVerdict(workbench, 'Strikes desk');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const { matches } = await workbench.checkedBefore({ text: 'At least seventy-five people were killed in the strikes' });
    expect(matches[0]).toMatchObject({ statement: claim.statement, verdict: level.label, source: 'project', project: 'Strikes desk', sameClaim: true });
    expect(matches[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const self = await workbench.checkedBefore({ text: claim.statement, claimId: claim.id });
    expect(self.matches.filter((m) => m.source === 'project')).toHaveLength(0);
  });

  it("leaves out the open project's own claims when asked to (the suggestions' marks), not another project's", async () => {
    const dataDir = path.join(await tempDir(), 'data');
    const workbench = workbenchIn(dataDir);
    const { claim } = await projectWithVerdict(workbench, 'Strikes desk');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const text = 'At least seventy-five people were killed in the strikes';
    expect((await workbench.checkedBefore({ text })).matches.filter((m) => m.source === 'project')).toHaveLength(1);
    expect((await workbench.checkedBefore({ text, otherProjectsOnly: true })).matches.filter((m) => m.source === 'project')).toHaveLength(0);

    // Another project open: the first one's verdict is an earlier fact-check again.
    await workbench.createProject({ title: 'Next desk' });
    const fromNext = await workbench.checkedBefore({ text, otherProjectsOnly: true });
    expect(fromNext.matches.filter((m) => m.source === 'project')).toMatchObject([{ statement: claim.statement, project: 'Strikes desk' }]);
  });

  it('removes a claim from the archive when its verdict is cleared', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    const workbench = workbenchIn(dataDir);
    const { project, claim } = await projectWithVerdict(workbench, 'Strikes desk');
    await workbench.applyChanges({ projectId: project.id, baseSeq: 3, changes: [doOp({ type: 'setVerdict', claimId: claim.id, levelId: null })] });
    await workbench.dispose();
    const fresh = new ArchiveService(dataDir);
    expect((await fresh.checkedBefore(claim.statement)).matches).toHaveLength(0);
  });

  it('keeps project verdicts and imported fact-checks on disk, found by a new process without rebuilding', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    const workbench = workbenchIn(dataDir);
    const { claim } = await projectWithVerdict(workbench, 'Strikes desk');
    await workbench.dispose();
    const importer = new ArchiveService(dataDir);
    expect(await importer.importValue(FEED)).toEqual({ imported: 1, skipped: 0, invalid: 0 });
    for (const file of [PUBLISHED_FILE, PROJECTS_FILE]) await expect(fs.stat(path.join(archiveDirOf(dataDir), file))).resolves.toBeTruthy();

    const later = new ArchiveService(dataDir);
    const { matches } = await later.checkedBefore(claim.statement);
    expect(matches.map((m) => m.source).sort()).toEqual(['archive', 'project']);
    expect(matches.find((m) => m.source === 'archive')).toMatchObject({ publisher: 'Harbour Check', verdict: 'Half true', url: 'https://checks.example/strikes', date: '2026-01-05' });
  });

  it('sees an import made by another process while it is running', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    const workbench = workbenchIn(dataDir);
    expect((await workbench.checkedBefore({ text: 'at least 75 people were killed in the strikes' })).matches).toHaveLength(0);
    await new ArchiveService(dataDir).importValue(FEED);
    const { matches } = await workbench.checkedBefore({ text: 'at least 75 people were killed in the strikes' });
    expect(matches[0]).toMatchObject({ source: 'archive', sameClaim: true });
  });

  it('reads verdicts of project files in the projects folder that were never opened here', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    const base = emptyProject('Copied in', 'project-copied');
    const article = sampleArticle();
    const claim = { ...sampleClaim(article), verdict: { levelId: base.ratingScale.levels[1]!.id, rationale: '', conclusion: '' } };
    await fs.mkdir(path.join(dataDir, 'projects'), { recursive: true });
    await fs.writeFile(path.join(dataDir, 'projects', 'copied.factcheck.json'), serializeProject({ ...base, articles: [article], claims: [claim] }));
    const { matches } = await new ArchiveService(dataDir).checkedBefore('At least 75 people have been killed in the strikes');
    expect(matches[0]).toMatchObject({ source: 'project', project: 'Copied in', verdict: base.ratingScale.levels[1]!.label });
  });

  it('sets a damaged archive file aside instead of failing', async () => {
    const dataDir = path.join(await tempDir(), 'data');
    await fs.mkdir(archiveDirOf(dataDir), { recursive: true });
    await fs.writeFile(path.join(archiveDirOf(dataDir), PUBLISHED_FILE), '{"format": "factcheck-archive-published", "collection": ');
    const service = new ArchiveService(dataDir);
    expect((await service.checkedBefore('anything at all')).matches).toEqual([]);
    expect(service.problems[0]).toContain('set aside');
    expect(await service.importValue(FEED)).toMatchObject({ imported: 1 });
    const names = await fs.readdir(archiveDirOf(dataDir));
    expect(names.some((n) => n.startsWith(`${PUBLISHED_FILE}.damaged-`))).toBe(true);
  });
});
