/**
 * The claims of the current article in reading order: quote, verdict chip and state. Keyboard:
 * j / k or ArrowDown / ArrowUp move (and select), Enter opens the claim in the panel.
 */
import { useRef, type KeyboardEvent } from 'react';
import { levelById } from '../../../shared/claims';
import type { Claim, RatingScale } from '../../../shared/model';
import { CLAIM_STATE_LABELS } from '../../../shared/labels';
import { truncate } from './claimLabels';
import { VerdictChip } from './VerdictChip';

interface ClaimListProps {
  claims: readonly Claim[];
  scale: RatingScale;
  selectedClaimId: string | null;
  onSelect: (claimId: string) => void;
  onOpen: (claimId: string) => void;
}

export function ClaimList({ claims, scale, selectedClaimId, onSelect, onOpen }: ClaimListProps) {
  const listRef = useRef<HTMLUListElement>(null);

  const focusItem = (index: number) => {
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('.claim-item-button');
    buttons?.[index]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const current = claims.findIndex((claim) => claim.id === selectedClaimId);
    let next = -1;
    if (event.key === 'ArrowDown' || event.key === 'j') next = Math.min(claims.length - 1, current + 1);
    else if (event.key === 'ArrowUp' || event.key === 'k') next = Math.max(0, current < 0 ? 0 : current - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = claims.length - 1;
    else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      onOpen(claims[current].id);
      return;
    } else return;
    event.preventDefault();
    if (next < 0 || next >= claims.length) return;
    onSelect(claims[next].id);
    focusItem(next);
  };

  if (claims.length === 0) {
    return (
      <div className="claim-list-empty">
        <ul className="claim-list" aria-label="Claims" />
        <p>No claims in this article yet.</p>
      </div>
    );
  }

  const focusable = claims.some((claim) => claim.id === selectedClaimId) ? selectedClaimId : claims[0].id;
  return (
    <ul className="claim-list" aria-label="Claims" ref={listRef} onKeyDown={onKeyDown}>
      {claims.map((claim, index) => {
        const selected = claim.id === selectedClaimId;
        return (
          <li key={claim.id} className={`claim-item${selected ? ' is-selected' : ''}`}>
            <button
              type="button"
              className="claim-item-button"
              aria-current={selected ? 'true' : undefined}
              tabIndex={claim.id === focusable ? 0 : -1}
              onClick={() => onSelect(claim.id)}
              onFocus={() => {
                if (!selected) onSelect(claim.id);
              }}
              data-index={index}
            >
              <span className="claim-item-quote" dir="auto">“{truncate(claim.target.quote.exact, 140)}”</span>
              <span className="claim-item-meta">
                <VerdictChip level={levelById(scale, claim.verdict.levelId)} />
                <span className="claim-item-state">{CLAIM_STATE_LABELS[claim.state]}</span>
                {claim.anchor?.status === 'orphaned' && <span className="claim-item-flag is-orphaned">Orphaned</span>}
                {claim.anchor?.status === 'changed' && claim.anchor.proposed && !claim.anchor.decision && <span className="claim-item-flag is-changed">Wording changed</span>}
                {claim.needsRecheck && <span className="claim-item-flag is-recheck">Needs re-check</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
