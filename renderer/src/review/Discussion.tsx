/** A claim's discussion thread (Markdown, no raw HTML, images as text, links through the URL check) and the Comment box. */
import { useId } from 'react';
import type { Claim } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { newId } from '../../../shared/ids';
import { RationalePreview } from '../claims/RationalePreview';
import { useSession, useSettings } from '../app/context';
import { setCommentDraft, useCommentDraft } from './commentDrafts';

const MAX_COMMENT = 20_000;

export function Discussion({ project, claim }: { project: Project; claim: Claim }) {
  const session = useSession();
  const settings = useSettings();
  const draft = useCommentDraft(claim.id);
  const hintId = useId();
  const comments = (project.comments ?? []).filter((c) => c.claimId === claim.id);

  const post = () => {
    const text = draft.trim();
    if (!text) return;
    const ok = session.dispatch({
      type: 'postComment',
      comment: { id: newId('m'), claimId: claim.id, author: settings?.userName ?? '', at: new Date().toISOString(), text },
    });
    if (ok) setCommentDraft(claim.id, '');
  };

  return (
    <section className="discussion" aria-label="Discussion">
      <h3 className="panel-section-title">Discussion</h3>
      {comments.length === 0 ? (
        <p className="panel-empty">No comments yet.</p>
      ) : (
        <ol className="comment-list" aria-label="Comments">
          {comments.map((comment) => (
            <li key={comment.id} className="comment">
              <div className="comment-head">
                <span className="comment-author">{comment.author || 'Unknown'}</span>
                <time className="comment-time" dateTime={comment.at}>
                  {new Date(comment.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
              </div>
              <div className="comment-body">
                <RationalePreview markdown={comment.text.length > MAX_COMMENT * 5 ? `${comment.text.slice(0, MAX_COMMENT * 5)}…` : comment.text} />
              </div>
            </li>
          ))}
        </ol>
      )}
      <div className="field">
        <label className="field-label" htmlFor={`comment-${claim.id}`}>
          Comment
        </label>
        <textarea
          id={`comment-${claim.id}`}
          className="field-input field-textarea"
          rows={3}
          value={draft}
          maxLength={MAX_COMMENT * 5}
          aria-describedby={hintId}
          placeholder="Markdown. A comment written here also goes with Request changes."
          onChange={(event) => setCommentDraft(claim.id, event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              post();
            }
          }}
        />
        <p id={hintId} className="field-hint">
          Ctrl+Enter posts. Visible to everyone who opens this project.
        </p>
      </div>
      <div className="discussion-actions">
        <button type="button" className="button button-small" disabled={!draft.trim()} onClick={post}>
          Post comment
        </button>
      </div>
    </section>
  );
}
