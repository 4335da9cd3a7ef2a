/**
 * Adds files as articles: each file's bytes go (base64) to importArticle on the main side, which
 * returns a sanitized snapshot; the snapshot becomes an addArticle operation. Files are imported
 * one after another; a failure names the file and the reason and does not stop the others. A file
 * over the size limit is refused before it is read. A snapshot whose canonical URL is already an
 * article's becomes a new version of that article (startArticleUpdate) instead of a new article.
 */
import { newId } from '../../../shared/ids';
import type { ArticleFormat, ArticleVersion } from '../../../shared/model';
import { errorMessage } from '../platform/errorMessage';
import type { ProjectSession } from '../store/projectSession';
import { beginImport, endImport, isCancelled, whenCancelled } from './importProgress';
import { startArticleUpdate } from './updateArticle';

export const ARTICLE_FILE_ACCEPT = [
  '.html', '.htm', '.pdf', '.docx', '.md', '.markdown', '.txt',
  'text/html', 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/plain', 'text/markdown',
].join(',');

/** Largest article file, of any format (the same limit as the main side's). */
export const MAX_ARTICLE_FILE_BYTES = 50 * 1024 * 1024;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * Base64 of a blob without blocking the window: FileReader encodes it off the main thread (a
 * synchronous btoa of tens of megabytes would freeze the UI for seconds).
 */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

/** Adds a snapshot to the project: a new version of the article with the same canonical URL, else a new article. */
export function addImportedVersion(session: ProjectSession, version: ArticleVersion, format?: ArticleFormat): void {
  const snapshot = format ? { ...version, format } : version;
  const project = session.getSnapshot().project;
  const url = snapshot.metadata.url;
  const existing = url ? project?.articles.find((article) => article.metadata.url === url) : undefined;
  if (existing) {
    // The reader shows the update's re-anchoring summary; older versions are kept read-only.
    startArticleUpdate(session, existing.id, snapshot);
    return;
  }
  const id = newId('a');
  if (session.dispatch({ type: 'addArticle', article: { ...snapshot, id, previousVersions: [] } })) session.selectArticle(id);
}

/**
 * Turns one named payload into an article snapshot on the main side, with progress and Cancel.
 * Returns the snapshot, 'cancelled', or null after telling the user why it failed.
 */
export async function importSnapshot(
  session: ProjectSession,
  name: string,
  data: Blob,
  describeFailure: (message: string) => string,
  index = 1,
  total = 1,
): Promise<ArticleVersion | 'cancelled' | null> {
  const progress = beginImport(name, index, total);
  try {
    const cancelled = whenCancelled(progress);
    const dataBase64 = await Promise.race([blobToBase64(data), cancelled]);
    if (dataBase64 === 'cancelled' || isCancelled(progress)) return 'cancelled';
    // Cancel also stops the main side's worker (its result would be dropped anyway).
    const importId = `import-${progress.id}-${progress.startedAt}`;
    void cancelled.then(() => session.api.cancelImport({ importId }).catch(() => undefined));
    const version = await Promise.race([session.api.importArticle({ fileName: name, dataBase64, importId }), cancelled]);
    if (version === 'cancelled' || isCancelled(progress)) return 'cancelled';
    return version;
  } catch (error) {
    if (isCancelled(progress)) return 'cancelled';
    const message = errorMessage(error);
    session.notify(message.includes(name) ? message : describeFailure(message));
    return null;
  } finally {
    endImport(progress);
  }
}

/** Imports one named payload (a file, or pasted content) as an article; returns false when cancelled. */
export async function importPayload(session: ProjectSession, name: string, data: Blob, index = 1, total = 1, format?: ArticleFormat): Promise<boolean> {
  const version = await importSnapshot(session, name, data, (message) => `Could not add “${name}”: ${message}`, index, total);
  if (version === 'cancelled') return false;
  if (version) addImportedVersion(session, version, format);
  return true;
}

export async function importArticleFiles(session: ProjectSession, files: readonly File[]): Promise<void> {
  if (!session.getSnapshot().project) {
    session.notify('Create or open a project first, then add articles to it.');
    return;
  }
  for (const [i, file] of files.entries()) {
    if (file.size > MAX_ARTICLE_FILE_BYTES) {
      session.notify(`Cannot import "${file.name}": the file is larger than the ${MAX_ARTICLE_FILE_BYTES / (1024 * 1024)} MB limit for articles.`);
      continue;
    }
    const finished = await importPayload(session, file.name, file, i + 1, files.length);
    if (!finished) {
      session.notify(files.length - i > 1 ? `Import cancelled; ${files.length - i - 1} more file(s) not imported.` : 'Import cancelled.');
      return;
    }
  }
}
