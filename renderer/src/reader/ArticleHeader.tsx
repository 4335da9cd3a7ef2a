/** The reader's small header: title, byline / site, date, word count, and the source file. */
import type { Article } from '../../../shared/model';

interface ArticleHeaderProps {
  article: Article;
  claimCount: number;
  /** False when the article's first block already is its title. */
  showTitle: boolean;
  onRemove: () => void;
}

function formatDate(value: string | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}

export function ArticleHeader({ article, claimCount, showTitle, onRemove }: ArticleHeaderProps) {
  const { metadata } = article;
  const credits = [metadata.byline, metadata.siteName, formatDate(metadata.publishedAt)].filter(Boolean).join(' · ');
  const facts = [
    `${metadata.wordCount.toLocaleString()} words`,
    claimCount === 1 ? '1 claim' : `${claimCount} claims`,
    metadata.fileName ? `from ${metadata.fileName}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const remove = (
    <button type="button" className="button button-quiet button-small" onClick={onRemove} title="Remove this article and its claims from the project (undoable)">
      Remove article
    </button>
  );
  if (!showTitle) {
    return (
      <header className="reader-header reader-header-compact">
        <div className="reader-header-text">
          {credits && <p className="reader-credits">{credits}</p>}
          <p className="reader-facts">{facts}</p>
        </div>
        {remove}
      </header>
    );
  }
  return (
    <header className="reader-header">
      <div className="reader-header-row">
        <h1 className="reader-title">{metadata.title || 'Untitled article'}</h1>
        {remove}
      </div>
      {credits && <p className="reader-credits">{credits}</p>}
      <p className="reader-facts">{facts}</p>
    </header>
  );
}
