/**
 * The top of the claim panel, which stays in view while the panel scrolls: the claim's verdict,
 * page, review state and the review steps (ReviewBar). Other review controls go inside it, so they
 * stay in reach too.
 */
import type { ReactNode } from 'react';
import type { RatingLevel } from '../../../shared/model';
import { VerdictChip } from './VerdictChip';

interface ClaimStateBarProps {
  level: RatingLevel | undefined;
  page: number | undefined;
  children: ReactNode;
}

export function ClaimStateBar({ level, page, children }: ClaimStateBarProps) {
  return (
    <div className="claim-state-bar">
      <div className="claim-panel-head">
        <span className="panel-eyebrow">Claim</span>
        {page !== undefined && (
          <span className="claim-page" title="Page in the PDF">
            p. {page}
          </span>
        )}
        <VerdictChip level={level} />
      </div>
      {children}
    </div>
  );
}
