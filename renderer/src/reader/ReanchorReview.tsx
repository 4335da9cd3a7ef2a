/**
 * The re-anchoring review shown above the article after an update: the summary (N exact · moved ·
 * changed · orphaned) and every claim still awaiting a decision. A changed claim shows its old and
 * new wording side by side with the differences marked; the checker accepts the new span,
 * re-targets the claim to the passage selected in the reader, or keeps it orphaned with its old
 * quote. Each decision is one undoable operation.
 */
import { acceptProposedSpan, keepOrphaned, retargetClaim } from '../../../shared/anchoring';
import { diffTexts } from '../../../shared/anchoring/textDiff';
import type { Article, Claim, RatingLevel } from '../../../shared/model';
import { dismissUpdateSummary, useLastUpdate } from '../articles/updateArticle';
import { isPendingChange } from '../../../shared/claims';
import { useSession } from '../app/context';
import { useReaderSelection } from './readerSelection';

const CHANGE_LABELS: Record<string, string> = { number: 'number', negation: 'negation', name: 'name', wording: 'wording' };

function MarkedPair({ before, after }: { before: string; after: string }) {
  const diff = diffTexts(before, after);
  return (
    <div className="reanchor-compare">
      <div className="reanchor-side" aria-label="Old wording">
        <span className="reanchor-side-label">Before</span>
        <p dir="auto">
          {diff.runs.map((run, i) =>
            run.kind === 'equal' ? (
              <span key={i}>{before.slice(run.oldStart, run.oldEnd)}</span>
            ) : run.oldEnd > run.oldStart ? (
              <del key={i}>{before.slice(run.oldStart, run.oldEnd)}</del>
            ) : null,
          )}
        </p>
      </div>
      <div className="reanchor-side" aria-label="New wording">
        <span className="reanchor-side-label">Now</span>
        <p dir="auto">
          {diff.runs.map((run, i) =>
            run.kind === 'equal' ? (
              <span key={i}>{after.slice(run.newStart, run.newEnd)}</span>
            ) : run.newEnd > run.newStart ? (
              <ins key={i}>{after.slice(run.newStart, run.newEnd)}</ins>
            ) : null,
          )}
        </p>
      </div>
    </div>
  );
}

interface ReanchorReviewProps {
  article: Article;
  claims: readonly Claim[];
  /** The rating scale's levels: a re-targeted claim with a verdict needs a re-check. */
  levels: readonly RatingLevel[];
  onSelectClaim: (claimId: string) => void;
}

function awaitsDecision(claim: Claim): boolean {
  return isPendingChange(claim) || (claim.anchor?.status === 'orphaned' && !claim.anchor.decision);
}

export function ReanchorReview({ article, claims, levels, onSelectClaim }: ReanchorReviewProps) {
  const session = useSession();
  const last = useLastUpdate();
  const selection = useReaderSelection();
  const pending = claims.filter(awaitsDecision);
  const summary = last && last.articleId === article.id ? last.summary : null;
  if (!summary && pending.length === 0) return null;
  const canRetarget = Boolean(selection && selection.articleId === article.id);

  const decide = (change: Parameters<typeof session.dispatch>[0]) => session.dispatch(change);

  return (
    <section className="reanchor-review" aria-label="Re-anchoring review" dir="ltr">
      <div className="reanchor-head">
        <h2 className="reanchor-title">Article updated — claims re-anchored</h2>
        {summary && (
          <p className="reanchor-summary" data-testid="reanchor-summary">
            {summary.exact} exact · {summary.moved} moved · {summary.changed} changed · {summary.orphaned} orphaned
          </p>
        )}
        {summary && pending.length === 0 && (
          <button type="button" className="button button-small" onClick={dismissUpdateSummary}>
            Done
          </button>
        )}
      </div>
      {pending.length > 0 && (
        <ul className="reanchor-list" aria-label="Awaiting a decision">
          {pending.map((claim) => {
            const changed = isPendingChange(claim);
            const proposed = claim.anchor?.proposed;
            return (
              <li key={claim.id} className="reanchor-item" aria-label={changed ? 'Changed claim' : 'Orphaned claim'}>
                <div className="reanchor-item-head">
                  <button type="button" className="button-link" onClick={() => onSelectClaim(claim.id)}>
                    {claim.statement || claim.target.quote.exact}
                  </button>
                  <span className={`reanchor-badge ${changed ? 'is-changed' : 'is-orphaned'}`}>
                    {changed ? `Changed: ${(claim.anchor?.changes ?? ['wording']).map((k) => CHANGE_LABELS[k] ?? k).join(', ')}` : 'Orphaned — not found in the new text'}
                  </span>
                  {claim.needsRecheck && <span className="reanchor-badge is-recheck">Needs re-check</span>}
                </div>
                {changed && proposed ? (
                  <MarkedPair before={claim.anchor?.oldQuote ?? claim.target.quote.exact} after={proposed.quote.exact} />
                ) : (
                  <p className="reanchor-old-quote">
                    Old quote: <q>{claim.anchor?.oldQuote ?? claim.target.quote.exact}</q>
                  </p>
                )}
                {claim.state === 'approved' ? (
                  <p className="reanchor-old-quote">Approved and locked: reopen the claim to decide on its new place.</p>
                ) : (
                  <div className="reanchor-actions">
                    {changed && (
                      <button type="button" className="button button-small button-primary" onClick={() => decide({ type: 'reanchorClaim', claim: acceptProposedSpan(claim) })}>
                        Accept new span
                      </button>
                    )}
                    <button
                      type="button"
                      className="button button-small"
                      disabled={!canRetarget}
                      onMouseDown={(event) => event.preventDefault()}
                      title={canRetarget ? 'Anchor the claim to the passage selected in the article' : 'Select the new passage in the article first'}
                      onClick={() => {
                        if (!selection) return;
                        if (decide({ type: 'reanchorClaim', claim: retargetClaim(claim, article.text, selection.start, selection.end, { levels }) })) {
                          document.getSelection()?.removeAllRanges();
                        }
                      }}
                    >
                      Re-target to selection
                    </button>
                    <button type="button" className="button button-small" onClick={() => decide({ type: 'reanchorClaim', claim: keepOrphaned(claim) })}>
                      Keep as orphaned
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
