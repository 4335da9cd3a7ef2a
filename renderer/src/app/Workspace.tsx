/** An open project: articles on the left, the reader in the centre, claims and the claim panel on the right. */
import { forwardRef } from 'react';
import type { Project } from '../../../shared/operations';
import { ArticleList } from '../articles/ArticleList';
import { ClaimList } from '../claims/ClaimList';
import { ClaimPanel } from '../claims/ClaimPanel';
import { shortcut } from '../platform/shortcutLabel';
import { ArticleReader } from '../reader/ArticleReader';
import type { ReaderSelection } from '../reader/readerSelection';
import { articleClaims, currentArticle } from '../store/selectors';
import { useSession } from './context';

interface WorkspaceProps {
  project: Project;
  articleId: string | null;
  claimId: string | null;
  readerSelection: ReaderSelection | null;
  focusRequest: number;
  onMarkClaim: () => void;
  onOpenClaim: (claimId: string) => void;
  onAddArticle: () => void;
  onFiles: (files: File[]) => void;
}

export const Workspace = forwardRef<HTMLInputElement, WorkspaceProps>(function Workspace(
  { project, articleId, claimId, readerSelection, focusRequest, onMarkClaim, onOpenClaim, onAddArticle, onFiles },
  fileInputRef,
) {
  const session = useSession();
  const article = currentArticle(project, articleId);
  const claims = articleClaims(project, article?.id ?? null);
  const selectedClaim = claims.find((claim) => claim.id === claimId) ?? null;
  const canMark = Boolean(article && readerSelection && readerSelection.articleId === article.id);

  return (
    <div className="workspace">
      <ArticleList
        ref={fileInputRef}
        articles={project.articles}
        claims={project.claims}
        selectedArticleId={article?.id ?? null}
        onSelect={(id) => session.selectArticle(id)}
        onAdd={onAddArticle}
        onFiles={onFiles}
      />

      <main className="reader-column">
        <div className="reader-toolbar">
          <button
            type="button"
            className="button button-primary"
            disabled={!canMark}
            onMouseDown={(event) => event.preventDefault()}
            onClick={onMarkClaim}
            title={`Mark claim (${shortcut('Ctrl+M')})`}
          >
            Mark claim
          </button>
          <span className="reader-toolbar-hint">
            {canMark && readerSelection
              ? `${readerSelection.end - readerSelection.start} characters selected`
              : article
                ? 'Select a passage to mark it as a claim'
                : ''}
          </span>
        </div>
        {article ? (
          <ArticleReader
            key={article.id}
            article={article}
            claims={claims}
            levels={project.ratingScale.levels}
            selectedClaimId={selectedClaim?.id ?? null}
            onSelectClaim={(id) => session.selectClaim(id)}
            onRemoveArticle={() => session.dispatch({ type: 'removeArticle', articleId: article.id })}
            onOpenClaim={onOpenClaim}
            onMarkClaim={onMarkClaim}
          />
        ) : (
          <section className="reader reader-empty" aria-label="Article">
            <div className="drop-zone">
              <p className="drop-zone-title">Add an article to start</p>
              <p>Add an article to start: drop a web page (.html), PDF, Word (.docx), Markdown or text file here, use Add article, or Paste article.</p>
            </div>
          </section>
        )}
      </main>

      <aside className={`claims-column${selectedClaim ? ' has-claim' : ''}`} aria-label="Claims and verdicts">
        <div className="claims-head">
          <h2 className="claims-title">Claims</h2>
          <span className="claims-count">{claims.length}</span>
        </div>
        <div className="claims-list-wrap">
          <ClaimList
            claims={claims}
            scale={project.ratingScale}
            selectedClaimId={selectedClaim?.id ?? null}
            onSelect={(id) => session.selectClaim(id)}
            onOpen={onOpenClaim}
          />
        </div>
        <div className="claim-panel-wrap">
          {selectedClaim ? (
            <ClaimPanel key={selectedClaim.id} project={project} claim={selectedClaim} focusRequest={focusRequest} />
          ) : (
            <p className="claim-panel-hint">Select a passage in the article and press Mark claim ({shortcut('Ctrl+M')}).</p>
          )}
        </div>
      </aside>
    </div>
  );
});
