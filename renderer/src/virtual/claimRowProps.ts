/** What a windowed row showing one claim is given (the claim list's and the Overview's rows). */
import type { Claim, RatingLevel } from '../../../shared/model';

export interface ClaimRowBaseProps {
  claim: Claim;
  /** Its place in the whole list, and the list's length (aria-posinset / aria-setsize). */
  index: number;
  setSize: number;
  /** Where the window places it. */
  top: number;
  selected: boolean;
  tabStop: boolean;
  level: RatingLevel | undefined;
  measure: (element: HTMLElement | null) => void;
}
