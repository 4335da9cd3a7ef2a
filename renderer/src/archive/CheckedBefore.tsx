/**
 * The claim panel's "Checked before" region: earlier fact-checks of the claim's statement and quote
 * (imported published fact-checks and verdicts in the user's projects), asked again a moment after
 * the statement changes; each with its verdict, publisher or project, date and link, and "Use as source".
 */
import { useEffect, useState } from 'react';
import type { CheckedBeforeMatch } from '../../../shared/api';
import type { Claim } from '../../../shared/model';
import type { Project } from '../../../shared/operations';
import { checkExternalUrl } from '../../../shared/urlCheck';
import { useApi, useSession } from '../app/context';
import { isSourceOfClaim, sourceFromMatchOperation } from './sourceFromMatch';

/** Pause after the statement last changed before the archive is asked. */
export const CHECKED_BEFORE_DEBOUNCE_MS = 350;
const LIMIT = 5;

type Lookup = { state: 'idle' | 'loading' } | { state: 'done'; matches: CheckedBeforeMatch[] } | { state: 'error'; message: string };

interface CheckedBeforeProps {
  project: Project;
  claim: Claim;
}

export function CheckedBefore({ project, claim }: CheckedBeforeProps) {
  const api = useApi();
  const session = useSession();
  const text = claim.statement.trim();
  const quote = claim.target.quote.exact.trim();
  // A claim with words to look up starts as searching, so the panel opens with it (a state set after the
  // first render would write the page once more, and every write repaints the reader's highlights).
  const [lookup, setLookup] = useState<Lookup>(() => (text || quote ? { state: 'loading' } : { state: 'idle' }));

  useEffect(() => {
    if (!text && !quote) {
      setLookup({ state: 'done', matches: [] });
      return;
    }
    let current = true;
    setLookup((previous) => (previous.state === 'done' || previous.state === 'loading' ? previous : { state: 'loading' }));
    const timer = setTimeout(() => {
      api
        .checkedBefore({ text: text.slice(0, 5000), quote: quote.slice(0, 5000), claimId: claim.id, limit: LIMIT })
        .then((result) => current && setLookup({ state: 'done', matches: result.matches }))
        .catch((error: unknown) => current && setLookup({ state: 'error', message: error instanceof Error ? error.message : String(error) }));
    }, CHECKED_BEFORE_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, claim.id, text, quote]);

  const open = (url: string) => {
    api
      .openExternal({ url })
      .then((result) => {
        if (!result.opened) session.notify(`The fact-check was not opened: ${result.reason ?? url}`);
      })
      .catch((error: unknown) => session.notify(`The fact-check was not opened: ${error instanceof Error ? error.message : String(error)}`));
  };

  const addAsSource = (match: CheckedBeforeMatch) => {
    const op = sourceFromMatchOperation(project, claim.id, match);
    if (op) session.dispatch(op);
  };

  const matches = lookup.state === 'done' ? lookup.matches : [];
  return (
    <section className="checked-before" aria-label="Checked before">
      <h3 className="panel-section-title">Checked before</h3>
      {lookup.state === 'error' && <p className="panel-empty">The fact-check archive could not be searched: {lookup.message}</p>}
      {lookup.state === 'loading' && <p className="panel-empty">Searching earlier fact-checks…</p>}
      {lookup.state === 'done' && matches.length === 0 && (
        <p className="panel-empty">No earlier fact-check of this claim in your projects or imported fact-checks.</p>
      )}
      {matches.length > 0 && (
        <ol className="checked-before-list">
          {matches.map((match) => {
            const link = match.url ? checkExternalUrl(match.url) : null;
            const already = isSourceOfClaim(project, claim.id, match);
            const where = match.source === 'project' ? `Your project “${match.project ?? ''}”` : (match.publisher ?? 'Published fact-check');
            return (
              <li key={`${match.source}|${match.url ?? match.project ?? ''}|${match.statement}`} className={`checked-before-item${match.sameClaim ? ' is-same' : ''}`}>
                <div className="checked-before-head">
                  <span className="checked-before-verdict">{match.verdict || 'No rating'}</span>
                  <span className="checked-before-kind">{match.sameClaim ? 'Same claim' : 'Related'}</span>
                </div>
                <p className="checked-before-statement" dir="auto">
                  {match.statement}
                </p>
                <p className="checked-before-meta">
                  <span>{where}</span>
                  {match.date && <time dateTime={match.date}>{match.date}</time>}
                </p>
                <div className="checked-before-actions">
                  {link?.ok && (
                    <a
                      href={link.url}
                      className="checked-before-link"
                      onClick={(event) => {
                        event.preventDefault();
                        open(link.url);
                      }}
                    >
                      Open fact-check<span className="visually-hidden">: {match.statement}</span>
                    </a>
                  )}
                  {match.url && (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={already || claim.state === 'approved'}
                      onClick={() => addAsSource(match)}
                    >
                      {already ? 'Added as source' : 'Use as source'}
                      <span className="visually-hidden">: {match.statement}</span>
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
