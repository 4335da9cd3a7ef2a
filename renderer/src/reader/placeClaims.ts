/**
 * Where each claim is drawn in the current text: an orphaned claim nowhere; a changed claim awaiting
 * review on its proposed (new-wording) span; otherwise where its selectors anchor exactly or as
 * moved — never on text that merely resembles it.
 */
import { anchor } from '../../../shared/anchoring';
import { isPendingChange } from '../../../shared/claims';
import type { Claim, ClaimTarget } from '../../../shared/model';
import type { PlacedSpan } from './claimLayers';

export function isOrphaned(claim: Claim): boolean {
  return claim.anchor?.status === 'orphaned';
}

// Targets are immutable: an operation on a claim that leaves its target alone keeps the same object,
// so after an edit only the changed claims are anchored again (not all 5,000).
const anchored = new WeakMap<ClaimTarget, { text: string; start: number; end: number } | { text: string; start: -1; end: -1 }>();

export interface Placed {
  start: number;
  end: number;
}

function place(text: string, target: ClaimTarget): Placed | null {
  const cached = anchored.get(target);
  if (cached && cached.text === text) return cached.start < 0 ? null : cached;
  const found = anchor(text, target);
  const result = found.status === 'exact' || found.status === 'moved' ? { text, start: found.start, end: found.end } : { text, start: -1 as const, end: -1 as const };
  anchored.set(target, result);
  return result.start < 0 ? null : result;
}

/** Where one claim is drawn in `text` (null: nowhere). The same object for the same target and text. */
export function placeClaim(text: string, claim: Claim): Placed | null {
  if (isOrphaned(claim)) return null;
  return place(text, isPendingChange(claim) ? claim.anchor!.proposed! : claim.target);
}

export function placeClaims(text: string, claims: readonly Claim[]): PlacedSpan[] {
  const placed: PlacedSpan[] = [];
  for (const claim of claims) {
    const found = placeClaim(text, claim);
    if (found) placed.push({ id: claim.id, start: found.start, end: found.end });
  }
  return placed;
}
