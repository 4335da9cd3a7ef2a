/**
 * The process the crash harness kills (`node crashChild.js <data-dir> <project> <seed> <article-pool> [idle-after]`,
 * bundled by crashRun.ts): the workbench services, as browser mode runs them, opening (or creating)
 * the project and applying edits through the contract without pause — renames, and now and then a
 * large article. It prints `ready <seq>` once open, `ack <seq>` each time waitForSave reports the
 * history up to seq on disk, and with `idle-after` n, `idle <seq>` after n edits are saved, then stays idle.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createWorkbench } from '../../../electron/services/workbench';
import type { Article, ArticleVersion } from '../../../shared/model';

const [dataDir, projectPath, seedText, poolFile, idleAfterText] = process.argv.slice(2) as [string, string, string, string, string | undefined];
let seed = Number(seedText) >>> 0 || 1;
const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const idleAfter = idleAfterText === undefined ? Infinity : Number(idleAfterText);

// Big writes, but bounded: a project stops growing past this size (later edits are renames).
const MAX_PROJECT_BYTES = 24 * 1024 * 1024;
const POOL_SIZES = [1, 4_000, 40_000];

// The harness reading our output may be gone; we are killed anyway.
process.stdout.on('error', () => process.exit(0));

const workbench = createWorkbench({ dataDir, mode: 'browser', version: '0.0.0-crash', resourcesDir: path.join(dataDir, 'none') });

/**
 * Large articles made once through the contract's import and kept for later children: importing
 * starts the intake worker (a DOM library, seconds of CPU) that would otherwise dominate every kill.
 */
async function articlePool(): Promise<ArticleVersion[]> {
  const kept = await fs.readFile(poolFile, 'utf8').then((text) => JSON.parse(text) as ArticleVersion[], () => null);
  if (kept) return kept;
  const made: ArticleVersion[] = [];
  for (const repeat of POOL_SIZES) {
    const paragraph = `Paragraph ${repeat} of a long article that makes the save large. `.repeat(repeat);
    made.push(await workbench.importArticle({ fileName: `a${repeat}.md`, dataBase64: Buffer.from(`# Article ${repeat}\n\n${paragraph}\n`).toString('base64') }));
  }
  const temp = `${poolFile}.${process.pid}`;
  await fs.writeFile(temp, JSON.stringify(made));
  await fs.rename(temp, poolFile);
  return made;
}

// Every change is recorded with its author.
await workbench.updateSettings({ userName: 'Crash Tester' });
const exists = await fs.stat(projectPath).then(() => true, () => false);
const opened = exists
  ? await workbench.openProject({ path: projectPath })
  : await workbench.createProject({ title: 'Crash test', path: projectPath });
let seq = opened.project.history.length;
let articles = opened.project.articles.length;
process.stdout.write(`ready ${seq}\n`);

let pool: ArticleVersion[] | null = null;
for (let i = 0; i < idleAfter; i++) {
  const size = (await fs.stat(projectPath)).size;
  let op;
  if (random() < 0.15 && size < MAX_PROJECT_BYTES) {
    pool ??= await articlePool();
    const version = pool[Math.floor(random() * pool.length)]!;
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
// Idle: every edit saved and acknowledged, nothing more to do until the harness kills us.
const status = await workbench.waitForSave({ seq });
if (status.state === 'saved') process.stdout.write(`ack ${status.savedSeq}\nidle ${status.savedSeq}\n`);
setInterval(() => undefined, 60_000);
