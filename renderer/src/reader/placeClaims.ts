/**
 * Where each claim is drawn in the current text: an orphaned claim nowhere; a changed claim awaiting
 * review on its proposed (new-wording) span; otherwise where its selectors anchor exactly or as
 * moved — never on text that merely resembles it.
 */
import { anchor } from '../../../shared/anchoring';
import { isPendingChange } from '../../../shared/claims';
import type { Claim } from '../../../shared/model';
import type { PlacedSpan } from './claimLayers';

export function isOrphaned(claim: Claim): boolean {
  return claim.anchor?.status === 'orphaned';
}

export function placeClaims(text: string, claims: readonly Claim[]): PlacedSpan[] {
  const placed: PlacedSpan[] = [];
  for (const claim of claims) {
    if (isOrphaned(claim)) continue;
    const target = isPendingChange(claim) ? claim.anchor!.proposed! : claim.target;
    const found = anchor(text, target);
    if (found.status === 'exact' || found.status === 'moved') placed.push({ id: claim.id, start: found.start, end: found.end });
  }
  return placed;
}
