/** The reader's small header: title, byline / site, date, word count, and the source file. */
import { memo, useRef, useState } from 'react';
import type { Article } from '../../../shared/model';
import { ARTICLE_FILE_ACCEPT } from '../articles/importArticleFiles';
import { updateArticleFromFile } from '../articles/updateArticle';
import { MetadataEditor } from '../articles/MetadataEditor';
import { useSession } from '../app/context';

interface ArticleHeaderProps {
  article: Article;
  claimCount: number;
  /** False when the article's first block already is its title. */
  showTitle: boolean;
  onRemove: () => void;
}

// One formatter each, made once: toLocaleDateString with options builds a new one on every call, and the header
// renders with every change to the project (a few milliseconds of each Redo).
let dates: Intl.DateTimeFormat | null = null;
let counts: Intl.NumberFormat | null = null;

function formatDate(value: string | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  dates ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  return dates.format(date);
}

function formatCount(value: number): string {
  counts ??= new Intl.NumberFormat();
  return counts.format(value);
}

/** Memoized: the reader renders again with every step of a selection, which changes nothing here. */
export const ArticleHeader = memo(function ArticleHeader({ article, claimCount, showTitle, onRemove }: ArticleHeaderProps) {
  const { metadata } = article;
  const credits = [metadata.byline, metadata.siteName, formatDate(metadata.publishedAt)].filter(Boolean).join(' · ');
  const facts = [
    `${formatCount(metadata.wordCount)} words`,
    claimCount === 1 ? '1 claim' : `${claimCount} claims`,
    metadata.fileName ? `from ${metadata.fileName}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const session = useSession();
  const fileRef = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState(false);
  const editor = editing ? <MetadataEditor key={article.id} article={article} onClose={() => setEditing(false)} /> : null;
  const actions = (
    <span className="reader-header-actions">
      <button
        type="button"
        className="button button-quiet button-small"
        aria-expanded={editing}
        onClick={() => setEditing((open) => !open)}
        title="Correct the title, byline, site, dates, address, language or text direction (undoable)"
      >
        Edit details
      </button>
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={() => fileRef.current?.click()}
        title="Replace this article's text by a newer copy; every claim is re-anchored and shown for review (undoable)"
      >
        Update article…
      </button>
      <input
        ref={fileRef}
        type="file"
        hidden
        aria-label="Newer copy to update from"
        accept={ARTICLE_FILE_ACCEPT}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) void updateArticleFromFile(session, article.id, file);
        }}
      />
      <button type="button" className="button button-quiet button-small" onClick={onRemove} title="Remove this article and its claims from the project (undoable)">
        Remove article
      </button>
    </span>
  );
  // The actions sit on their own line beside the credits, never beside the title, and the details
  // editor takes the header's full width: a long title or an untitled article squeezes neither.
  return (
    <header className={`reader-header${showTitle ? '' : ' reader-header-compact'}`} dir="ltr">
      {showTitle && (
        <h1 className="reader-title" dir="auto">
          {metadata.title || 'Untitled article'}
        </h1>
      )}
      <div className="reader-header-row">
        <div className="reader-header-text">
          {credits && (
            <p className="reader-credits" dir="auto">
              {credits}
            </p>
          )}
          <p className="reader-facts">{facts}</p>
        </div>
        {actions}
      </div>
      {editor}
    </header>
  );
});
