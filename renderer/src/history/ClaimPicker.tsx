/**
 * Choosing the one claim whose changes the History shows, at any project size: a search box over
 * the claims that have changes, and the first matches as buttons (type to narrow the rest), instead
 * of a drop-down holding every claim of the project.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { Claim } from '../../../shared/model';
import { truncate } from '../claims/claimLabels';

const SHOWN = 20;

interface ClaimPickerProps {
  /** The claims with changes, in the order they are offered. */
  claims: readonly Claim[];
  chosen: string | null;
  onChoose: (claimId: string) => void;
}

const nameOf = (claim: Claim) => claim.statement || claim.target.quote.exact || 'Claim';

export function ClaimPicker({ claims, chosen, onChoose }: ClaimPickerProps) {
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim().toLocaleLowerCase());
  const matches = useMemo(() => (query ? claims.filter((claim) => nameOf(claim).toLocaleLowerCase().includes(query)) : claims), [claims, query]);
  const shown = matches.slice(0, SHOWN);
  return (
    <div className="history-claim-picker">
      <input
        type="search"
        className="field-input"
        aria-label="Find a claim"
        placeholder="Find a claim by its words…"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <p className="history-picker-count" role="status">
        {matches.length === 0
          ? 'No claim with changes matches.'
          : matches.length > shown.length
            ? `${shown.length} of ${matches.length} claims with changes; type to narrow.`
            : `${matches.length} ${matches.length === 1 ? 'claim' : 'claims'} with changes.`}
      </p>
      {shown.length > 0 && (
        <ul className="history-picker-list" aria-label="Claims with changes">
          {shown.map((claim) => (
            <li key={claim.id}>
              <button type="button" className="history-picker-choice" dir="auto" aria-pressed={claim.id === chosen} onClick={() => onChoose(claim.id)}>
                {truncate(nameOf(claim), 90)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
