/**
 * One row of the claim list: quote, verdict chip, state and flags. Memoized: when the list's window
 * moves or one claim changes, only the rows whose claim, place or selection changed render again.
 */
import { memo } from 'react';
import { CLAIM_STATE_LABELS } from '../../../shared/labels';
import type { ClaimRowBaseProps } from '../virtual/claimRowProps';
import { rowStyle } from '../virtual/useVirtualList';
import { truncate } from './claimLabels';
import { VerdictChip } from './VerdictChip';

interface ClaimRowProps extends ClaimRowBaseProps {
  /** Who edited the claim on another copy, if someone did. */
  editedElsewhereBy: string | undefined;
  onSelect: (claimId: string) => void;
}

export const ClaimRow = memo(function ClaimRow({ claim, index, setSize, top, selected, tabStop, level, editedElsewhereBy, measure, onSelect }: ClaimRowProps) {
  return (
    <li ref={measure} data-index={index} aria-setsize={setSize} aria-posinset={index + 1} className={`claim-item${selected ? ' is-selected' : ''}`} style={rowStyle(top)}>
      <button
        type="button"
        className="claim-item-button"
        aria-current={selected ? 'true' : undefined}
        tabIndex={tabStop ? 0 : -1}
        onClick={() => onSelect(claim.id)}
        onFocus={() => {
          if (!selected) onSelect(claim.id);
        }}
        data-index={index}
      >
        <span className="claim-item-quote" dir="auto">“{truncate(claim.target.quote.exact, 140)}”</span>
        <span className="claim-item-meta">
          <VerdictChip level={level} />
          <span className="claim-item-state">{CLAIM_STATE_LABELS[claim.state]}</span>
          {claim.anchor?.status === 'orphaned' && <span className="claim-item-flag is-orphaned">Orphaned</span>}
          {claim.anchor?.status === 'changed' && claim.anchor.proposed && !claim.anchor.decision && <span className="claim-item-flag is-changed">Wording changed</span>}
          {claim.needsRecheck && <span className="claim-item-flag is-recheck">Needs re-check</span>}
          {editedElsewhereBy !== undefined && <span className="claim-item-flag is-elsewhere">Edited elsewhere by {editedElsewhereBy}</span>}
        </span>
      </button>
    </li>
  );
});
