/**
 * Updating an article to a newer version: every claim is re-anchored against the new text (one
 * shared diff) and the whole update — new text, old text kept in previousVersions, each claim's
 * result — is ONE operation, so one undo restores everything. The summary of the last update is
 * kept here for the reader's re-anchoring review.
 */
import { planArticleUpdate, type UpdateSummary } from '../../../shared/anchoring';
import type { ArticleVersion } from '../../../shared/model';
import { createStore, useStore } from '../store/createStore';
import type { ProjectSession } from '../store/projectSession';
import { importSnapshot } from './importArticleFiles';

export interface LastUpdate {
  articleId: string;
  summary: UpdateSummary;
  /** The history length right after the update (the review hides once the update is undone). */
  historyLength: number;
}

const last = createStore<LastUpdate | null>(null);

export function useLastUpdate(): LastUpdate | null {
  return useStore(last);
}

export function dismissUpdateSummary(): void {
  last.set(null);
}

/** Re-anchors the article's claims against `version` and applies the update. Returns the summary, or null when refused. */
export function startArticleUpdate(session: ProjectSession, articleId: string, version: ArticleVersion): UpdateSummary | null {
  const { project } = session.getSnapshot();
  if (!project) return null;
  if (!project.articles.some((a) => a.id === articleId)) {
    session.notify('That article is no longer in the project.');
    return null;
  }
  const plan = planArticleUpdate(project, articleId, version, new Date().toISOString());
  if (!session.dispatch(plan.op)) return null;
  session.selectArticle(articleId);
  last.set({ articleId, summary: plan.summary, historyLength: session.getSnapshot().project?.history.length ?? 0 });
  return plan.summary;
}

/** "Update article…": imports the picked file (same intake as Add article) and updates the article with it. */
export async function updateArticleFromFile(session: ProjectSession, articleId: string, file: File): Promise<void> {
  const version = await importSnapshot(session, file.name, file, (message) => `Could not update the article from “${file.name}”: ${message}`);
  if (version === 'cancelled') session.notify('Import cancelled.');
  else if (version) startArticleUpdate(session, articleId, version);
}
