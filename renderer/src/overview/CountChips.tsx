/**
 * The overview's counts by state and by verdict, each a toggle that filters the claims by that
 * state or verdict (checked while it filters; the state and verdict menus show the same choice).
 */
import type { ClaimState, RatingLevel } from '../../../shared/model';
import { CLAIM_STATE_LABELS } from '../../../shared/labels';
import type { OverviewCounts } from '../../../shared/workflow/overview';

interface CountChipsProps {
  states: readonly ClaimState[];
  levels: readonly RatingLevel[];
  counts: OverviewCounts;
  state: string;
  verdict: string;
  onState: (state: ClaimState | '') => void;
  onVerdict: (verdict: string) => void;
}

function Chip({ label, count, checked, swatch, onToggle }: { label: string; count: number; checked: boolean; swatch?: string; onToggle: () => void }) {
  return (
    <label className={`count-chip${checked ? ' is-checked' : ''}`}>
      <input type="checkbox" className="chip-input" checked={checked} onChange={onToggle} />
      {swatch && <span className="count-swatch" style={{ background: swatch }} aria-hidden="true" />}
      <span className="count-chip-label">{label}</span>
      <span className="count-chip-number">{count}</span>
    </label>
  );
}

export function CountChips({ states, levels, counts, state, verdict, onState, onVerdict }: CountChipsProps) {
  return (
    <div className="overview-counts">
      <div className="count-group" role="group" aria-label="By state">
        {states.map((s) => (
          <Chip key={s} label={CLAIM_STATE_LABELS[s]} count={counts.byState[s]} checked={state === s} onToggle={() => onState(state === s ? '' : s)} />
        ))}
      </div>
      <div className="count-group" role="group" aria-label="By verdict">
        {levels.map((level) => (
          <Chip
            key={level.id}
            label={level.label}
            count={counts.byVerdict[level.id] ?? 0}
            swatch={level.color}
            checked={verdict === level.id}
            onToggle={() => onVerdict(verdict === level.id ? '' : level.id)}
          />
        ))}
        <Chip label="No verdict" count={counts.byVerdict.none ?? 0} checked={verdict === 'none'} onToggle={() => onVerdict(verdict === 'none' ? '' : 'none')} />
      </div>
    </div>
  );
}
