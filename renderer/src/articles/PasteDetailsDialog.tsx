/**
 * "Paste article": where the pasted text comes from, asked before it is added — its address (URL)
 * and title — so the article keeps its provenance like an imported page does. An address already
 * in the project makes the paste a newer version of that article (its claims are re-anchored).
 */
import { useState } from 'react';
import type { ArticleVersion } from '../../../shared/model';
import { checkExternalUrl } from '../../../shared/urlCheck';
import { useSession, useSessionState } from '../app/context';
import { Dialog } from '../dialogs/Dialog';
import { addImportedVersion } from './importArticleFiles';
import { suggestedTitle } from './pendingPaste';

export function PasteDetailsDialog({ version, onClose }: { version: ArticleVersion; onClose: () => void }) {
  const session = useSession();
  const { project } = useSessionState();
  const [url, setUrl] = useState(version.metadata.url ?? '');
  const [title, setTitle] = useState(() => suggestedTitle(version));
  const [tried, setTried] = useState(false);
  const trimmedUrl = url.trim();
  const checked = trimmedUrl ? checkExternalUrl(trimmedUrl) : null;
  const urlProblem = trimmedUrl && checked && !checked.ok ? checked.reason : null;
  const titleProblem = title.trim() ? null : 'Give the article a title.';
  const existing = checked?.ok ? project?.articles.find((article) => article.metadata.url === checked.url) : undefined;
  const preview = version.text.slice(0, 280);

  return (
    <Dialog label="Paste article" onClose={onClose} wide>
      <form
        className="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (urlProblem || titleProblem) return;
          const metadata = { ...version.metadata, title: title.trim() };
          if (checked?.ok) metadata.url = checked.url;
          else delete metadata.url;
          addImportedVersion(session, { ...version, metadata }, 'paste');
          onClose();
        }}
      >
        <p className="paste-preview" dir="auto">
          {preview}
          {version.text.length > preview.length ? '…' : ''}
        </p>
        <p className="field-hint paste-facts">
          {version.metadata.wordCount.toLocaleString()} words · {version.blocks.length} {version.blocks.length === 1 ? 'block' : 'blocks'}
        </p>
        <div className="field">
          <label className="field-label" htmlFor="paste-url">
            Article URL
          </label>
          <input
            id="paste-url"
            data-autofocus
            type="url"
            className="field-input field-mono"
            placeholder="https://… where it was published"
            value={url}
            aria-invalid={Boolean(tried && urlProblem)}
            aria-describedby="paste-url-hint"
            onChange={(event) => setUrl(event.target.value)}
          />
          <p id="paste-url-hint" className={tried && urlProblem ? 'field-warning' : 'field-hint'}>
            {tried && urlProblem
              ? urlProblem
              : existing
                ? `Already in the project as “${existing.metadata.title || 'Untitled article'}”: the paste becomes its newer version and its claims are re-anchored.`
                : 'Where the text was published, so the report can cite it. Leave empty only if it has no address.'}
          </p>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="paste-title">
            Article title
          </label>
          <input
            id="paste-title"
            className="field-input"
            dir="auto"
            value={title}
            aria-invalid={Boolean(tried && titleProblem)}
            onChange={(event) => setTitle(event.target.value)}
          />
          {tried && titleProblem && <p className="field-warning">{titleProblem}</p>}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Add pasted article
          </button>
        </div>
      </form>
    </Dialog>
  );
}
