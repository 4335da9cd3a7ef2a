/** Adding the claims of an annotation file (W3C or Hypothesis JSON) to a project file on disk. */
import { promises as fs } from 'node:fs';
import { WorkbenchError } from '../../../shared/api';
import { newId } from '../../../shared/ids';
import { parseAnnotationFile, planImport, type ImportPlan } from '../../../shared/interop/importAnnotations';
import type { Project } from '../../../shared/operations';
import { readProblem } from '../fsErrors';
import { openProjectStore } from '../projectStore';

export interface ImportSummary {
  plan: ImportPlan;
  articleTitle: string | undefined;
}

/** Reads and parses an annotation file; errors say what is wrong with it. */
export async function readAnnotationFile(file: string) {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new WorkbenchError('io-error', `${file}: ${readProblem(err, 'annotation file')}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new WorkbenchError('unsupported-file', `${file} is not JSON (${(err as Error).message}). Give a W3C Web Annotation or Hypothesis JSON file.`);
  }
  try {
    return parseAnnotationFile(json);
  } catch (err) {
    throw new WorkbenchError('unsupported-file', `${file}: ${(err as Error).message}`);
  }
}

/** Plans the import against the project as it is (for previews and tests). */
export function planFor(project: Project, annotations: ReturnType<typeof parseAnnotationFile>, author: string, articleId?: string): ImportPlan {
  return planImport(project, annotations, { newId, now: new Date().toISOString(), author, articleId });
}

/** Imports into the project file (takes its lock; applies one undoable step; flushes). */
export async function importAnnotationsIntoProjectFile(
  projectFile: string,
  annotationFile: string,
  options: { author: string; articleId?: string },
): Promise<ImportSummary> {
  const annotations = await readAnnotationFile(annotationFile);
  const store = await openProjectStore(projectFile);
  try {
    if (options.articleId && !store.project.articles.some((a) => a.id === options.articleId)) {
      throw new WorkbenchError('operation-failed', `The project has no article with id "${options.articleId}".`);
    }
    const plan = planFor(store.project, annotations, options.author, options.articleId);
    if (plan.ops.length > 0) {
      store.apply(store.project.history.length, [{ kind: 'do', op: { type: 'batch', label: 'Import annotations', ops: plan.ops } }], () => ({
        author: options.author,
        at: new Date().toISOString(),
        id: newId('h'),
      }));
    }
    const status = await store.close();
    if (status.state === 'error') throw new WorkbenchError('io-error', `Could not save ${projectFile}: ${status.error ?? 'unknown error'}`);
    return { plan, articleTitle: plan.article?.metadata.title };
  } catch (err) {
    await store.close({ force: true }).catch(() => undefined);
    throw err;
  }
}
