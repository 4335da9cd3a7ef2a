/**
 * schema.org ClaimReview JSON-LD, one per claim with a verdict, following Google's fact-check
 * markup rules: required claimReviewed, reviewRating (with alternateName) and url (the claim's
 * Fact-check URL, else the project's "Published at" + `#claim-<claim id>`); recommended author (the
 * project's organisation), datePublished, itemReviewed (a Claim with author = the claimant,
 * appearance = the article, datePublished) and numeric ratingValue / bestRating / worstRating from
 * the scale's numeric mapping. Problems that Google would flag come back as warnings, worded for the
 * window (each with a code, so the command line can add its own flags to the advice).
 */
import type { Project } from '../operations';
import { checkExternalUrl } from '../urlCheck';
import { jsonForEmbedding } from './escape';
import { buildReportData, shortDate, verdictLabel, type ExportOptions, type ReportClaim, type ReportData } from './reportData';

/** ClaimReview's recommended longest claimReviewed (Google's fact-check guidelines: at most 75 characters). */
export const CLAIM_REVIEWED_MAX = 75;

export type ExportWarningCode = 'no-url' | 'bad-url' | 'no-organisation' | 'no-verdict' | 'long-claim' | 'no-appearance';

export interface ExportWarning {
  code?: ExportWarningCode;
  /** Claim number in the report, when the warning is about one claim. */
  claim?: number;
  message: string;
}

export interface ClaimReviewResult {
  items: Record<string, unknown>[];
  warnings: ExportWarning[];
}

export function buildClaimReviews(project: Project, options: ExportOptions = {}): ClaimReviewResult {
  return claimReviewsFromData(buildReportData(project, options));
}

export function renderClaimReview(project: Project, options: ExportOptions = {}): { text: string; warnings: ExportWarning[] } {
  const { items, warnings } = buildClaimReviews(project, options);
  return { text: jsonForEmbedding(items), warnings };
}

export function claimReviewsFromData(data: ReportData): ClaimReviewResult {
  const warnings: ExportWarning[] = [];
  const numeric = data.scale.levels.map((l) => l.rating).filter((r): r is number => typeof r === 'number');
  const best = numeric.length ? Math.max(...numeric) : undefined;
  const worst = numeric.length ? Math.min(...numeric) : undefined;
  const base = data.url ? checkExternalUrl(data.url) : null;
  if (base && !base.ok) warnings.push({ code: 'bad-url', message: `“Published at” is not a public http(s) URL: ${base.reason}` });
  if (!data.organisation) {
    warnings.push({ code: 'no-organisation', message: 'No organisation is named for author (recommended): set Organisation under Publication.' });
  }

  const items: Record<string, unknown>[] = [];
  const withoutUrl: number[] = [];
  for (const item of data.claims) {
    if (!verdictLabel(item, data.scale)) {
      warnings.push({ code: 'no-verdict', claim: item.number, message: `Claim ${item.number} has no verdict yet, so it has no ClaimReview.` });
      continue;
    }
    if (!item.factCheckUrl) withoutUrl.push(item.number);
    items.push(claimReviewOf(item, data, best, worst, warnings));
  }
  if (withoutUrl.length > 0) {
    const which = withoutUrl.length === 1 ? `Claim ${withoutUrl[0]} has` : `Claims ${withoutUrl.join(', ')} have`;
    warnings.unshift({
      code: 'no-url',
      message: `${which} no fact-check URL, which Google requires: set “Published at” under Publication, or the claim’s Fact-check URL.`,
    });
  }
  return { items, warnings };
}

function claimReviewOf(
  item: ReportClaim,
  data: ReportData,
  best: number | undefined,
  worst: number | undefined,
  warnings: ExportWarning[],
): Record<string, unknown> {
  const { claim, article, level } = item;
  const label = verdictLabel(item, data.scale)!;
  const claimReviewed = (claim.statement.trim() || claim.target.quote.exact).replace(/\s+/g, ' ').trim();
  if (claimReviewed.length > CLAIM_REVIEWED_MAX) {
    warnings.push({
      code: 'long-claim',
      claim: item.number,
      message: `Claim ${item.number}: claimReviewed is ${claimReviewed.length} characters; Google recommends at most ${CLAIM_REVIEWED_MAX}.`,
    });
  }
  const review: Record<string, unknown> = { '@context': 'https://schema.org', '@type': 'ClaimReview' };
  if (item.factCheckUrl) review.url = item.factCheckUrl;
  review.claimReviewed = claimReviewed;

  const itemReviewed: Record<string, unknown> = { '@type': 'Claim' };
  if (claim.claimant.trim()) itemReviewed.author = { '@type': 'Organization', name: claim.claimant.trim() };
  const published = shortDate(article.metadata.publishedAt);
  if (published) itemReviewed.datePublished = published;
  const appearance: Record<string, unknown> = { '@type': 'CreativeWork' };
  const articleUrl = article.metadata.url ? checkExternalUrl(article.metadata.url) : null;
  if (articleUrl?.ok) appearance.url = articleUrl.url;
  if (article.metadata.title) appearance.headline = article.metadata.title;
  if (published) appearance.datePublished = published;
  itemReviewed.appearance = appearance;
  if (!articleUrl?.ok) warnings.push({ code: 'no-appearance', claim: item.number, message: `Claim ${item.number}: the article has no public URL for itemReviewed.appearance (recommended).` });
  review.itemReviewed = itemReviewed;

  if (data.organisation) review.author = { '@type': 'Organization', name: data.organisation };
  review.datePublished = shortDate(item.reviewedAt ?? data.generatedAt);

  const rating: Record<string, unknown> = { '@type': 'Rating', alternateName: label };
  if (level && typeof level.rating === 'number' && best !== undefined && worst !== undefined) {
    rating.ratingValue = level.rating;
    rating.bestRating = best;
    rating.worstRating = worst;
  }
  review.reviewRating = rating;
  return review;
}
