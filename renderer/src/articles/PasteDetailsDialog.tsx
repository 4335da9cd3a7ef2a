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
import { DialogFooter } from '../dialogs/DialogFooter';
import { TextField } from '../dialogs/TextField';
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
        <TextField
          id="paste-url"
          label="Article URL"
          autoFocus
          type="url"
          mono
          placeholder="https://… where it was published"
          value={url}
          hint={
            tried && urlProblem
              ? undefined
              : existing
                ? `Already in the project as “${existing.metadata.title || 'Untitled article'}”: the paste becomes its newer version and its claims are re-anchored.`
                : 'Where the text was published, so the report can cite it. Leave empty only if it has no address.'
          }
          warning={tried ? urlProblem : null}
          onChange={(event) => setUrl(event.target.value)}
        />
        <TextField id="paste-title" label="Article title" dir="auto" value={title} warning={tried ? titleProblem : null} onChange={(event) => setTitle(event.target.value)} />
        <DialogFooter problem={null} onCancel={onClose} submitLabel="Add pasted article" />
      </form>
    </Dialog>
  );
}
