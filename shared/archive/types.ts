/**
 * What the fact-check archive keeps: published fact-checks (metadata of a ClaimReview, never the
 * article) and the claims with a verdict in the user's projects; and what a "Checked before" search
 * returns.
 */

/** A ClaimReview's reviewRating, as published. */
export interface PublishedRating {
  alternateName?: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
}

/** A published fact-check, from a ClaimReview. */
export interface PublishedFactCheck {
  claimReviewed: string;
  rating: PublishedRating;
  /** The fact-check's page (http/https only). */
  url?: string;
  /** The fact-checking organisation (the ClaimReview's author). */
  publisher?: string;
  datePublished?: string;
  /** Who made the claim (itemReviewed.author.name). */
  claimAuthor?: string;
  /** Where the claim appeared (itemReviewed.appearance urls). */
  appearances?: string[];
}

/** A claim with a verdict in one of the user's projects. */
export interface ProjectFactCheck {
  projectId: string;
  /** The project's title when the claim was last recorded. */
  projectTitle: string;
  claimId: string;
  statement: string;
  /** The verdict's label (or, on a conclusion-only scale, its conclusion). */
  verdict: string;
  claimant?: string;
  /** When the verdict was last set (YYYY-MM-DD), when the history says. */
  date?: string;
}

/** One earlier fact-check found for a claim, best first in a result. */
export interface CheckedBeforeMatch {
  statement: string;
  verdict: string;
  /** "project": a claim in one of your projects; "archive": an imported published fact-check. */
  source: 'project' | 'archive';
  /** The project's title (source "project"). */
  project?: string;
  url?: string;
  publisher?: string;
  /** YYYY-MM-DD where known. */
  date?: string;
  /** 0..1: how likely this is the same claim. */
  score: number;
  /** The tool's judgement: the same claim (however worded), not merely the same topic. */
  sameClaim: boolean;
}

export interface CheckedBeforeResult {
  matches: CheckedBeforeMatch[];
}
