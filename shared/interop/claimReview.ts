/**
 * schema.org ClaimReview JSON-LD, one per claim with a verdict, following Google's fact-check
 * markup rules: required claimReviewed, reviewRating (with alternateName) and url; recommended
 * author (the organisation), datePublished, itemReviewed (a Claim with author = the claimant,
 * appearance = the article, datePublished) and numeric ratingValue / bestRating / worstRating from
 * the scale's numeric mapping. Problems that Google would flag come back as warnings.
 */
import type { Project } from '../operations';
import { checkExternalUrl } from '../urlCheck';
import { buildReportData, shortDate, verdictLabel, type ExportOptions, type ReportClaim, type ReportData } from './reportData';

export const CLAIM_REVIEWED_MAX = 75;

export interface ExportWarning {
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
  return { text: `${JSON.stringify(items, null, 2)}\n`, warnings };
}

export function claimReviewsFromData(data: ReportData): ClaimReviewResult {
  const warnings: ExportWarning[] = [];
  const numeric = data.scale.levels.map((l) => l.rating).filter((r): r is number => typeof r === 'number');
  const best = numeric.length ? Math.max(...numeric) : undefined;
  const worst = numeric.length ? Math.min(...numeric) : undefined;
  const base = data.url ? checkExternalUrl(data.url) : null;
  if (!base) warnings.push({ message: 'No fact-check url: Google requires the URL of the page that publishes the fact-check (pass --url, or fill Fact-check URL in the Export dialog).' });
  else if (!base.ok) warnings.push({ message: `The fact-check url is not a public http(s) URL: ${base.reason}` });
  if (!data.organisation) warnings.push({ message: 'No organisation named for author (recommended): pass --organisation, or fill Organisation in the Export dialog.' });

  const items: Record<string, unknown>[] = [];
  for (const item of data.claims) {
    if (!verdictLabel(item, data.scale)) {
      warnings.push({ claim: item.number, message: `Claim ${item.number} has no verdict yet, so it has no ClaimReview.` });
      continue;
    }
    items.push(claimReviewOf(item, data, base && base.ok ? base.url : undefined, best, worst, warnings));
  }
  return { items, warnings };
}

function claimReviewOf(
  item: ReportClaim,
  data: ReportData,
  baseUrl: string | undefined,
  best: number | undefined,
  worst: number | undefined,
  warnings: ExportWarning[],
): Record<string, unknown> {
  const { claim, article, level } = item;
  const label = verdictLabel(item, data.scale)!;
  const claimReviewed = (claim.statement.trim() || claim.target.quote.exact).replace(/\s+/g, ' ').trim();
  if (claimReviewed.length > CLAIM_REVIEWED_MAX) {
    warnings.push({
      claim: item.number,
      message: `Claim ${item.number}: claimReviewed is ${claimReviewed.length} characters; Google recommends at most ${CLAIM_REVIEWED_MAX}.`,
    });
  }
  const review: Record<string, unknown> = { '@context': 'https://schema.org', '@type': 'ClaimReview' };
  if (baseUrl) review.url = `${baseUrl.split('#')[0]}#claim-${item.number}`;
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
  if (!articleUrl?.ok) warnings.push({ claim: item.number, message: `Claim ${item.number}: the article has no public URL for itemReviewed.appearance (recommended).` });
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
