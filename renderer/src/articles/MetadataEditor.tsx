/** A small form to correct an article's metadata by hand (one editArticleMetadata operation, undoable). */
import { useState, type FormEvent } from 'react';
import type { Article } from '../../../shared/model';
import type { ArticleMetadataChanges } from '../../../shared/operations';
import { useSession } from '../app/context';

type Field = Exclude<keyof ArticleMetadataChanges, 'direction'>;

const FIELDS: { key: Field; label: string; placeholder?: string }[] = [
  { key: 'title', label: 'Article title' },
  { key: 'byline', label: 'Byline' },
  { key: 'siteName', label: 'Site name' },
  { key: 'publishedAt', label: 'Published', placeholder: 'YYYY-MM-DD' },
  { key: 'modifiedAt', label: 'Modified', placeholder: 'YYYY-MM-DD' },
  { key: 'url', label: 'Article URL', placeholder: 'https://…' },
  { key: 'language', label: 'Language', placeholder: 'e.g. en, es, ar' },
];

export function MetadataEditor({ article, onClose }: { article: Article; onClose: () => void }) {
  const session = useSession();
  const initial = (key: Field) => (article.metadata[key] as string | undefined) ?? '';
  const [values, setValues] = useState<Record<Field, string>>(() => Object.fromEntries(FIELDS.map(({ key }) => [key, initial(key)])) as Record<Field, string>);
  const [direction, setDirection] = useState<'ltr' | 'rtl' | ''>(article.metadata.direction ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes: ArticleMetadataChanges = {};
    for (const { key } of FIELDS) {
      const value = values[key].trim();
      if (value !== initial(key)) changes[key] = value;
    }
    if (direction !== (article.metadata.direction ?? '')) changes.direction = direction;
    if (Object.keys(changes).length > 0) session.dispatch({ type: 'editArticleMetadata', articleId: article.id, changes });
    onClose();
  };

  return (
    <form className="metadata-editor" aria-label="Article details" onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      {FIELDS.map(({ key, label, placeholder }) => (
        <FieldRow key={key} id={`meta-${key}`} label={label}>
          <input
            id={`meta-${key}`}
            value={values[key]}
            placeholder={placeholder}
            dir="auto"
            onChange={(event) => setValues((old) => ({ ...old, [key]: event.target.value }))}
          />
        </FieldRow>
      ))}
      <FieldRow id="meta-direction" label="Text direction">
        <select id="meta-direction" value={direction} onChange={(event) => setDirection(event.target.value as 'ltr' | 'rtl' | '')}>
          <option value="">Automatic</option>
          <option value="ltr">Left to right</option>
          <option value="rtl">Right to left</option>
        </select>
      </FieldRow>
      <div className="metadata-editor-actions">
        <button type="button" className="button button-small" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-small button-primary">
          Save details
        </button>
      </div>
    </form>
  );
}

function FieldRow({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {children}
    </>
  );
}
