/**
 * One change as the main side records it: the reducer (commitChange, which validates the operation
 * and keeps every rule the loader checks) plus what only Node can check — that the article texts an
 * operation brings match their SHA-256 (shared/ has no cryptography; the loader would otherwise have
 * to repair them on the next open).
 */
import { commitChange } from '../../shared/history';
import { leavesOf, OperationError, type Change, type ChangeMeta, type HistoryEntry, type Project } from '../../shared/operations';
import { sha256Hex } from './intake/sha256';

export function commitOnMainSide(project: Project, change: Change, meta: ChangeMeta): { project: Project; entry: HistoryEntry } {
  checkTextHashes(change);
  return commitChange(project, change, meta);
}

function checkTextHashes(change: Change): void {
  if (change.kind !== 'do') return;
  const leaves = change.op?.type === 'batch' && !Array.isArray(change.op.ops) ? [] : leavesOf(change.op);
  for (const leaf of leaves) {
    const versions: unknown[] =
      leaf?.type === 'addArticle'
        ? [leaf.article, ...(Array.isArray(leaf.article?.previousVersions) ? leaf.article.previousVersions : [])]
        : leaf?.type === 'updateArticle'
          ? [leaf.version]
          : [];
    for (const version of versions) {
      const { text, textSha256 } = (version ?? {}) as { text?: unknown; textSha256?: unknown };
      if (typeof text === 'string' && typeof textSha256 === 'string' && sha256Hex(text) !== textSha256) {
        throw new OperationError('The article’s text does not match its SHA-256 (textSha256); import the article again.');
      }
    }
  }
}
