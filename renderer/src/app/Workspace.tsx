/** An open project: articles on the left, the reader in the centre, claims and the claim panel on the right. */
import { forwardRef, memo, useCallback, useMemo, useRef, useState } from 'react';
import type { Project } from '../../../shared/operations';
import { ArticleList } from '../articles/ArticleList';
import { ClaimList } from '../claims/ClaimList';
import { ClaimPanel } from '../claims/ClaimPanel';
import { ClaimPanelWarmUp } from '../claims/ClaimPanelWarmUp';
import { draftClaim } from '../claims/markClaim';
import { shortcut } from '../platform/shortcutLabel';
import { ArticleReader } from '../reader/ArticleReader';
import { FindBar } from '../reader/FindBar';
import { toggleCaretMode, useCaretModeOn } from '../reader/caretMode';
import { placeClaims } from '../reader/placeClaims';
import type { PlacedSpan } from '../reader/claimLayers';
import { MarkClaimButton, SelectionHint } from '../reader/SelectionControls';
import { SuggestionList } from '../suggestions/SuggestionList';
import { shownSuggestions, type ShownSuggestion } from '../suggestions/shownSuggestions';
import { useSuggestions } from '../suggestions/useSuggestions';
import { useCheckedBeforeMarks } from '../suggestions/useCheckedBeforeMarks';
import { articleClaims, currentArticle } from '../store/selectors';
import { useSession } from './context';
import { dispatchWithUndo } from './undoToast';
import { useScrollToTopOn } from './useScrollToTopOn';
import { useLatest } from '../virtual/useLatest';

const NO_SPANS: PlacedSpan[] = [];
const NO_SUGGESTIONS: ShownSuggestion[] = [];

interface WorkspaceProps {
  project: Project;
  articleId: string | null;
  claimId: string | null;
  focusRequest: number;
  onMarkClaim: () => void;
  onOpenClaim: (claimId: string) => void;
  onAddArticle: () => void;
  onFiles: (files: File[]) => void;
}

/**
 * Memoized (with its handlers stable in App): a change of the save state alone does not render the workspace,
 * and a reply that changes only the history renders the parts that read it.
 */
export const Workspace = memo(forwardRef<HTMLInputElement, WorkspaceProps>(function Workspace(
  { project, articleId, claimId, focusRequest, onMarkClaim, onOpenClaim, onAddArticle, onFiles },
  fileInputRef,
) {
  const session = useSession();
  const article = currentArticle(project, articleId);
  const claims = articleClaims(project, article?.id ?? null);
  const selectedClaim = claims.find((claim) => claim.id === claimId) ?? null;
  const caretOn = useCaretModeOn();
  // Handlers that keep their identity, so the memoized lists and the reader skip renders that change nothing for them.
  const selectArticle = useCallback((id: string) => session.selectArticle(id), [session]);
  const selectClaim = useCallback((id: string) => session.selectClaim(id), [session]);
  const removeArticle = useLatest(() => {
    if (!article) return;
    const articleId = article.id;
    dispatchWithUndo(session, { type: 'removeArticle', articleId }, 'Article removed', () => session.selectArticle(articleId));
  });
  // A focus request (Enter on a claim) moves the focus to the claim's statement once: a claim opened after it
  // (a click or an arrow key in the list) leaves the focus where it is.
  const focusTaken = useRef(focusRequest);
  const takeFocus = useCallback(() => (focusTaken.current = focusRequest), [focusRequest]);
  // Another claim opens at its top (its state bar, quote and statement), not where the last one was scrolled to.
  const panelScroller = useScrollToTopOn<HTMLDivElement>(selectedClaim?.id);

  const [suggestionsOn, setSuggestionsOn] = useState(false);
  const [activeSuggestion, setActiveSuggestion] = useState<string | null>(null);
  const [hoveredSuggestion, setHoveredSuggestion] = useState<string | null>(null);
  const suggestionState = useSuggestions(article?.text ?? null, suggestionsOn);
  // Only while suggestions are on (they leave out sentences that hold a claim): no work per edit otherwise.
  const claimSpans = useMemo(() => (article && suggestionsOn ? placeClaims(article.text, claims) : NO_SPANS), [article, claims, suggestionsOn]);
  const dismissed = project.dismissedSuggestions;
  const suggestions = useMemo(
    () => (article && suggestionState.status === 'ready' ? shownSuggestions(suggestionState.suggestions, article, { dismissedSuggestions: dismissed }, claimSpans) : NO_SUGGESTIONS),
    [article, suggestionState, dismissed, claimSpans],
  );
  const suggestionTexts = useMemo(() => suggestions.map((s) => s.text), [suggestions]);
  const checkedBefore = useCheckedBeforeMarks(suggestionTexts, suggestionsOn);
  const activeId = suggestions.some((s) => s.id === activeSuggestion) ? activeSuggestion : null;
  const hoveredId = suggestions.some((s) => s.id === hoveredSuggestion) ? hoveredSuggestion : null;

  /** After accepting or dismissing one, the next suggestion (or the previous, at the end) is selected. */
  const selectAfter = (suggestion: ShownSuggestion) => {
    const at = suggestions.findIndex((s) => s.id === suggestion.id);
    const next = suggestions[at + 1] ?? suggestions[at - 1];
    setActiveSuggestion(next?.id ?? null);
  };
  const acceptSuggestion = (suggestion: ShownSuggestion) => {
    if (!article) return;
    const claim = draftClaim(article, suggestion.start, suggestion.end, session.authorName());
    if (!session.dispatch({ type: 'addClaim', claim })) return;
    selectAfter(suggestion);
    session.selectClaim(claim.id);
  };
  const dismissSuggestion = (suggestion: ShownSuggestion) => {
    if (!article) return;
    if (session.dispatch({ type: 'dismissSuggestion', suggestion: { articleId: article.id, text: suggestion.text } })) selectAfter(suggestion);
  };
  const suggestionCount =
    suggestionState.status === 'ready'
      ? `${suggestions.length} ${suggestions.length === 1 ? 'suggestion' : 'suggestions'}`
      : suggestionState.status === 'loading'
        ? 'Finding suggestions…'
        : suggestionState.status === 'failed'
          ? `Suggestions could not be loaded: ${suggestionState.message}`
          : '';

  return (
    <div className="workspace">
      <ArticleList
        ref={fileInputRef}
        articles={project.articles}
        claims={project.claims}
        selectedArticleId={article?.id ?? null}
        onSelect={selectArticle}
        onAdd={onAddArticle}
        onFiles={onFiles}
      />

      <main className="reader-column">
        <div className="reader-toolbar">
          <MarkClaimButton articleId={article?.id ?? null} onMark={onMarkClaim} />
          <button
            type="button"
            className="button button-quiet"
            aria-pressed={caretOn}
            disabled={!article}
            onClick={() => {
              toggleCaretMode();
              if (caretOn) document.querySelector<HTMLElement>('.reader')?.focus();
            }}
            title="Move a caret through the article with the arrow keys and select with Shift (F7)"
          >
            Select text with keyboard
          </button>
          <button
            type="button"
            className={`button suggestion-toggle${suggestionsOn ? ' is-on' : ''}`}
            aria-pressed={suggestionsOn}
            disabled={!article}
            onClick={() => setSuggestionsOn((on) => !on)}
            title="Suggest the sentences worth checking (s / Shift+S move between them in the article)"
          >
            Suggestions
          </button>
          {suggestionsOn && article && (
            <span className="suggestion-count" role="status">
              {suggestionCount}
            </span>
          )}
          <SelectionHint articleId={article?.id ?? null} />
          <FindBar article={article} />
        </div>
        {article ? (
          <ArticleReader
            key={article.id}
            article={article}
            claims={claims}
            levels={project.ratingScale.levels}
            selectedClaimId={selectedClaim?.id ?? null}
            onSelectClaim={selectClaim}
            onRemoveArticle={removeArticle}
            onOpenClaim={onOpenClaim}
            onMarkClaim={onMarkClaim}
            suggestions={suggestions}
            activeSuggestionId={activeId}
            hoveredSuggestionId={hoveredId}
            onSelectSuggestion={setActiveSuggestion}
            onHoverSuggestion={setHoveredSuggestion}
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
        {suggestionsOn && article && suggestionState.status === 'ready' && (
          <section className="suggestions-panel" aria-labelledby="suggestions-title">
            <div className="claims-head">
              <h2 className="claims-title" id="suggestions-title">
                Worth checking
              </h2>
              <span className="claims-count">{suggestions.length}</span>
            </div>
            <SuggestionList
              suggestions={suggestions}
              activeId={activeId}
              hoveredId={hoveredId}
              onSelect={setActiveSuggestion}
              onAccept={acceptSuggestion}
              onDismiss={dismissSuggestion}
              checkedBefore={checkedBefore}
            />
          </section>
        )}
        <div className="claims-head">
          <h2 className="claims-title">Claims</h2>
          <span className="claims-count">{claims.length}</span>
        </div>
        <div className="claims-list-wrap">
          <ClaimList
            claims={claims}
            scale={project.ratingScale}
            selectedClaimId={selectedClaim?.id ?? null}
            onSelect={selectClaim}
            onOpen={onOpenClaim}
          />
        </div>
        <div className="claim-panel-wrap" ref={panelScroller.ref} onScroll={panelScroller.onScroll}>
          {selectedClaim ? (
            <ClaimPanel
              key={selectedClaim.id}
              project={project}
              claim={selectedClaim}
              focusStatement={focusRequest !== focusTaken.current}
              onStatementFocused={takeFocus}
            />
          ) : (
            <>
              <p className="claim-panel-hint">Select a passage in the article and press Mark claim ({shortcut('Ctrl+M')}).</p>
              <ClaimPanelWarmUp project={project} claim={claims[0]} />
            </>
          )}
        </div>
      </aside>
    </div>
  );
}));
