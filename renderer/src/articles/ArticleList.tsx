/** The project's articles (side list) and the Add article button with its hidden file input. */
import { forwardRef } from 'react';
import type { Article, Claim } from '../../../shared/model';
import { shortcut } from '../platform/shortcutLabel';
import { ARTICLE_FILE_ACCEPT } from './importArticleFiles';

interface ArticleListProps {
  articles: readonly Article[];
  claims: readonly Claim[];
  selectedArticleId: string | null;
  onSelect: (articleId: string) => void;
  onAdd: () => void;
  onFiles: (files: File[]) => void;
}

export const ArticleList = forwardRef<HTMLInputElement, ArticleListProps>(function ArticleList(
  { articles, claims, selectedArticleId, onSelect, onAdd, onFiles },
  fileInputRef,
) {
  return (
    <nav className="sidebar" aria-label="Project articles">
      <div className="sidebar-head">
        <h2 className="sidebar-title">Articles</h2>
        <button type="button" className="button button-small" onClick={onAdd} title={`Add article from a .txt or .md file (${shortcut('Ctrl+Shift+A')})`}>
          Add article
        </button>
        <input
          ref={fileInputRef}
          type="file"
          aria-label="Article file"
          multiple
          accept={ARTICLE_FILE_ACCEPT}
          className="visually-hidden"
          tabIndex={-1}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            event.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </div>
      <ul className="article-list" aria-label="Articles">
          {articles.map((article) => {
            const count = claims.filter((claim) => claim.articleId === article.id).length;
            const selected = article.id === selectedArticleId;
            return (
              <li key={article.id}>
                <button
                  type="button"
                  className={`article-item${selected ? ' is-selected' : ''}`}
                  aria-current={selected ? 'page' : undefined}
                  onClick={() => onSelect(article.id)}
                >
                  <span className="article-item-title">{article.metadata.title || article.metadata.fileName || 'Untitled article'}</span>
                  <span className="article-item-meta">
                    {[article.metadata.siteName, count === 1 ? '1 claim' : `${count} claims`].filter(Boolean).join(' · ')}
                  </span>
                </button>
              </li>
            );
          })}
      </ul>
      {articles.length === 0 && <p className="sidebar-empty">No articles yet.</p>}
    </nav>
  );
});
