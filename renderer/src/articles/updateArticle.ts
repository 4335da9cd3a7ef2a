/**
 * Updating an article to a newer version: every claim is re-anchored against the new text (one
 * shared diff) and the whole update — new text, old text kept in previousVersions, each claim's
 * result — is ONE operation, so one undo restores everything. The summary of the last update is
 * kept here for the reader's re-anchoring review.
 */
import { useSyncExternalStore } from 'react';
import { planArticleUpdate, type UpdateSummary } from '../../../shared/anchoring';
import type { ArticleVersion } from '../../../shared/model';
import { errorMessage, workbench } from '../platform/workbench';
import { session } from '../store/projectSession';
import { bytesToBase64 } from './importArticleFiles';

export interface LastUpdate {
  articleId: string;
  summary: UpdateSummary;
  /** The history length right after the update (the review hides once the update is undone). */
  historyLength: number;
}

let last: LastUpdate | null = null;
const listeners = new Set<() => void>();

function setLast(next: LastUpdate | null): void {
  last = next;
  for (const listener of listeners) listener();
}

export function useLastUpdate(): LastUpdate | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => last,
  );
}

export function dismissUpdateSummary(): void {
  setLast(null);
}

/** Re-anchors the article's claims against `version` and applies the update. Returns the summary, or null when refused. */
export function startArticleUpdate(articleId: string, version: ArticleVersion): UpdateSummary | null {
  const { project } = session.getSnapshot();
  if (!project) return null;
  if (!project.articles.some((a) => a.id === articleId)) {
    session.notify('That article is no longer in the project.');
    return null;
  }
  const plan = planArticleUpdate(project, articleId, version, new Date().toISOString());
  if (!session.dispatch(plan.op)) return null;
  session.selectArticle(articleId);
  setLast({ articleId, summary: plan.summary, historyLength: session.getSnapshot().project?.history.length ?? 0 });
  return plan.summary;
}

/** "Update article…": imports the picked file (same intake as Add article) and updates the article with it. */
export async function updateArticleFromFile(articleId: string, file: File): Promise<void> {
  session.startImporting(file.name);
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const version = await workbench().importArticle({ fileName: file.name, dataBase64: bytesToBase64(bytes) });
    startArticleUpdate(articleId, version);
  } catch (error) {
    const message = errorMessage(error);
    session.notify(message.includes(file.name) ? message : `Could not update the article from “${file.name}”: ${message}`);
  } finally {
    session.doneImporting(file.name);
  }
}
