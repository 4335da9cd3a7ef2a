/** The claim statement's length as ClaimReview will publish it, and a hint once it passes the recommended 75 characters. */
import { CLAIM_REVIEWED_MAX } from '../../../shared/interop/claimReview';
import './statementLength.css';

export function StatementLength({ text }: { text: string }) {
  // Counted as the export writes claimReviewed: whitespace runs become one space.
  const length = text.replace(/\s+/g, ' ').trim().length;
  const over = length > CLAIM_REVIEWED_MAX;
  return (
    <p className={`field-hint statement-length${over ? ' statement-length-over' : ''}`} aria-live="polite">
      {length} / {CLAIM_REVIEWED_MAX} characters
      {over ? ` — ClaimReview recommends at most ${CLAIM_REVIEWED_MAX}; search results cut longer claims. Shorten it if you can.` : ''}
    </p>
  );
}
