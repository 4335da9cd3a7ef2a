/**
 * The process the crash harness kills (`node --import tsx crashChild.ts <data-dir> <project> <seed>`):
 * the workbench services, as browser mode runs them, opening (or creating) the project and applying
 * edits through the contract without pause — renames, and now and then a large article. It prints
 * `ready <seq>` once open and `ack <seq>` each time waitForSave reports the history up to seq on disk.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createWorkbench } from '../../../electron/services/workbench';
import type { Article } from '../../../shared/model';

const [dataDir, projectPath, seedText] = process.argv.slice(2) as [string, string, string];
let seed = Number(seedText) >>> 0 || 1;
const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);

// Big writes, but bounded: a project stops growing past this size (later edits are renames).
const MAX_PROJECT_BYTES = 24 * 1024 * 1024;

// The harness reading our output may be gone; we are killed anyway.
process.stdout.on('error', () => process.exit(0));

const workbench = createWorkbench({ dataDir, mode: 'browser', version: '0.0.0-crash', resourcesDir: path.join(dataDir, 'none') });
// Every change is recorded with its author.
await workbench.updateSettings({ userName: 'Crash Tester' });
const exists = await fs.stat(projectPath).then(() => true, () => false);
const opened = exists
  ? await workbench.openProject({ path: projectPath })
  : await workbench.createProject({ title: 'Crash test', path: projectPath });
let seq = opened.project.history.length;
let articles = opened.project.articles.length;
process.stdout.write(`ready ${seq}\n`);

for (let i = 0; ; i++) {
  const size = (await fs.stat(projectPath)).size;
  let op;
  if (random() < 0.15 && size < MAX_PROJECT_BYTES) {
    const paragraph = `Paragraph ${i} of a long article that makes the save large. `.repeat(1 + Math.floor(random() * 40000));
    const version = await workbench.importArticle({ fileName: `a${i}.md`, dataBase64: Buffer.from(`# Article ${i}\n\n${paragraph}\n`).toString('base64') });
    const article: Article = { ...version, id: `article-${seq}-${articles++}`, previousVersions: [] };
    op = { type: 'addArticle' as const, article };
  } else {
    op = { type: 'renameProject' as const, title: `Crash test ${seq}` };
  }
  const result = await workbench.applyChanges({ projectId: opened.project.id, baseSeq: seq, changes: [{ kind: 'do', op }] });
  seq = result.seq;
  if (random() < 0.4) {
    const status = await workbench.waitForSave({ seq });
    if (status.state === 'saved') process.stdout.write(`ack ${status.savedSeq}\n`);
  }
}
