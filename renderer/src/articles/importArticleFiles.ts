/**
 * Adds files as articles: each file's bytes go (base64) to importArticle on the main side, which
 * returns a sanitized snapshot; the snapshot becomes an addArticle operation. Files are imported
 * one after another; a failure names the file and the reason and does not stop the others.
 */
import { newId } from '../../../shared/ids';
import { errorMessage, workbench } from '../platform/workbench';
import { session } from '../store/projectSession';

export const ARTICLE_FILE_ACCEPT = '.txt,.md,.markdown,text/plain,text/markdown';

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export async function importArticleFiles(files: readonly File[]): Promise<void> {
  if (!session.getSnapshot().project) {
    session.notify('Create or open a project first, then add articles to it.');
    return;
  }
  for (const file of files) {
    session.startImporting(file.name);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const version = await workbench().importArticle({ fileName: file.name, dataBase64: bytesToBase64(bytes) });
      const id = newId('a');
      if (session.dispatch({ type: 'addArticle', article: { ...version, id, previousVersions: [] } })) session.selectArticle(id);
    } catch (error) {
      const message = errorMessage(error);
      session.notify(message.includes(file.name) ? message : `Could not add “${file.name}”: ${message}`);
    } finally {
      session.doneImporting(file.name);
    }
  }
}
