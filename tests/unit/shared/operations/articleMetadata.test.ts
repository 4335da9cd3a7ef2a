/** editArticleMetadata: reducer, inverse, label, schema. */
import { describe, expect, it } from 'vitest';
import { apply } from '../../../../shared/operations';
import { invert } from '../../../../shared/operations';
import { describeOperation } from '../../../../shared/history';
import { OperationError, OperationSchema, type Operation } from '../../../../shared/operations';
import { sampleProject } from '../helpers';

describe('editArticleMetadata', () => {
  const op: Operation = {
    type: 'editArticleMetadata',
    articleId: 'a1',
    changes: { title: 'Corrected title', byline: 'Ana Ruiz', url: 'https://news.example/a', direction: 'rtl', language: 'ar' },
  };

  it('sets the given fields of the article metadata only', () => {
    const p = sampleProject();
    const next = apply(p, op);
    const article = next.articles.find((a) => a.id === 'a1')!;
    expect(article.metadata).toMatchObject({ title: 'Corrected title', byline: 'Ana Ruiz', url: 'https://news.example/a', direction: 'rtl', language: 'ar' });
    expect(article.metadata.wordCount).toBe(p.articles.find((a) => a.id === 'a1')!.metadata.wordCount);
    expect(next.articles.filter((a) => a.id !== 'a1')).toEqual(p.articles.filter((a) => a.id !== 'a1'));
  });

  it('clears an optional field with an empty string', () => {
    const p = apply(sampleProject(), op);
    const cleared = apply(p, { type: 'editArticleMetadata', articleId: 'a1', changes: { byline: '', direction: '' } });
    const metadata = cleared.articles.find((a) => a.id === 'a1')!.metadata;
    expect('byline' in metadata).toBe(false);
    expect('direction' in metadata).toBe(false);
  });

  it('is undone exactly by its inverse, also for fields that were not set', () => {
    const p = sampleProject();
    const inverse = invert(p, op);
    expect(apply(apply(p, op), inverse)).toEqual(p);
  });

  it('validates, is labelled, and refuses an unknown article', () => {
    expect(OperationSchema.safeParse(op).success).toBe(true);
    expect(OperationSchema.safeParse({ ...op, changes: { direction: 'up' } }).success).toBe(false);
    expect(describeOperation(op)).toBe('Edit article details');
    expect(describeOperation({ type: 'editArticleMetadata', articleId: 'a1', changes: { title: 'x' } })).toBe('Rename article');
    expect(() => apply(sampleProject(), { ...op, articleId: 'nope' } as Operation)).toThrow(OperationError);
  });
});
