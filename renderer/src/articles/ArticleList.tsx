/** The project's articles (side list) and the Add article button with its hidden file input. */
import { forwardRef, memo, useMemo } from 'react';
import type { Article, Claim } from '../../../shared/model';
import { useSession } from '../app/context';
import { shortcut } from '../platform/shortcutLabel';
import { ARTICLE_FILE_ACCEPT } from './importArticleFiles';
import { ImportProgressPanel } from './ImportProgressPanel';
import { pasteArticleFromClipboard } from './pasteArticle';
import { usePasteArticle } from './usePasteArticle';
import './articles.css';

interface ArticleListProps {
  articles: readonly Article[];
  claims: readonly Claim[];
  selectedArticleId: string | null;
  onSelect: (articleId: string) => void;
  onAdd: () => void;
  onFiles: (files: File[]) => void;
}

// Memoized: the workspace renders again for changes that leave the articles alone (a reply, a selection), and an
// input rendered again is written again (its name and type), which makes Chromium repaint every claim highlight.
export const ArticleList = memo(forwardRef<HTMLInputElement, ArticleListProps>(function ArticleList(
  { articles, claims, selectedArticleId, onSelect, onAdd, onFiles },
  fileInputRef,
) {
  const session = useSession();
  usePasteArticle(true);
  // One pass over the claims per change of them (not one per article on every render).
  const counts = useMemo(() => {
    const byArticle = new Map<string, number>();
    for (const claim of claims) byArticle.set(claim.articleId, (byArticle.get(claim.articleId) ?? 0) + 1);
    return byArticle;
  }, [claims]);
  return (
    <nav className="sidebar" aria-label="Project articles">
      <div className="sidebar-head">
        <h2 className="sidebar-title">Articles</h2>
        <button type="button" className="button button-small" onClick={onAdd} title={`Add articles from web pages (.html), PDF, Word (.docx), Markdown or text files (${shortcut('Ctrl+Shift+A')})`}>
          Add article
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={() => void pasteArticleFromClipboard(session)}
          title={`Paste the clipboard (a web page selection or text) as a new article (${shortcut('Ctrl+Shift+V')})`}
        >
          Paste article
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
      <ImportProgressPanel />
      <ul className="article-list" aria-label="Articles">
          {articles.map((article) => {
            const count = counts.get(article.id) ?? 0;
            const selected = article.id === selectedArticleId;
            return (
              <li key={article.id}>
                <button
                  type="button"
                  className={`article-item${selected ? ' is-selected' : ''}`}
                  aria-current={selected ? 'page' : undefined}
                  onClick={() => onSelect(article.id)}
                >
                  <span className="article-item-title" dir="auto">{article.metadata.title || article.metadata.fileName || 'Untitled article'}</span>
                  <span className="article-item-meta" dir="auto">
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
}));
