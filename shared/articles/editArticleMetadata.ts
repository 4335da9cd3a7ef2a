/** Reducer, inverse and label of editArticleMetadata. */
import type { Article, ArticleMetadata } from '../model';
import { OperationError, type LeafOperation, type Project } from '../operations';
import type { ArticleMetadataChanges } from './metadataOperationSchema';

export type ArticleMetadataOperation = Extract<LeafOperation, { type: 'editArticleMetadata' }>;

export function isArticleMetadataOperation(op: LeafOperation): op is ArticleMetadataOperation {
  return op.type === 'editArticleMetadata';
}

const FIELDS = ['title', 'byline', 'siteName', 'publishedAt', 'modifiedAt', 'url', 'language', 'direction'] as const;

function articleIndex(project: Project, articleId: string): number {
  const index = project.articles.findIndex((a) => a.id === articleId);
  if (index < 0) throw new OperationError(`No article "${articleId}"`);
  return index;
}

export function applyArticleMetadataOperation(project: Project, op: ArticleMetadataOperation): Project {
  const index = articleIndex(project, op.articleId);
  const article = project.articles[index];
  const metadata: Record<string, unknown> = { ...article.metadata };
  for (const field of FIELDS) {
    const value = op.changes[field];
    if (value === undefined) continue;
    if (field === 'title') metadata.title = value;
    else if (value === '') delete metadata[field];
    else metadata[field] = value;
  }
  const next: Article = { ...article, metadata: metadata as ArticleMetadata };
  const articles = project.articles.slice();
  articles[index] = next;
  return { ...project, articles };
}

export function invertArticleMetadataOperation(project: Project, op: ArticleMetadataOperation): ArticleMetadataOperation {
  const article = project.articles[articleIndex(project, op.articleId)];
  const changes: ArticleMetadataChanges = {};
  for (const field of FIELDS) {
    if (op.changes[field] === undefined) continue;
    (changes as Record<string, string>)[field] = (article.metadata[field] as string | undefined) ?? '';
  }
  return { type: 'editArticleMetadata', articleId: op.articleId, changes };
}

export function describeArticleMetadataOperation(op: ArticleMetadataOperation): string {
  const keys = Object.keys(op.changes);
  if (keys.length === 1 && keys[0] === 'title') return 'Rename article';
  return 'Edit article details';
}
