/** Reading ClaimReview back: what the archive import keeps of a feed, for the tests of that reader and of the export. */
import { expect } from 'vitest';
import { readClaimReviewFeed } from '../../../../shared/archive/claimReviewFeed';
import type { PublishedFactCheck } from '../../../../shared/archive/types';

/** The fact-checks a ClaimReview feed reads as, after checking that the reader refused none of its items. */
export function readEveryCheck(feed: unknown): PublishedFactCheck[] {
  const { items, invalid } = readClaimReviewFeed(feed);
  expect(invalid, 'items read as invalid').toBe(0);
  return items;
}

/** A published fact-check rated in words and on the 1–5 scale (the scale of the app's own ClaimReview export). */
export function publishedCheck(claimReviewed: string, [alternateName, ratingValue]: [string, number], fields: Omit<PublishedFactCheck, 'claimReviewed' | 'rating'>): PublishedFactCheck {
  return { claimReviewed, rating: { alternateName, ratingValue, bestRating: 5, worstRating: 1 }, ...fields };
}
