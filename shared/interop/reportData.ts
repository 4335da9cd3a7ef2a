/**
 * What every report shows, gathered once from a project: claims numbered in reading order, each
 * with its article, rating level, sources (withheld ones left out) and who reviewed it; the summary
 * by verdict; the public source list; the scale, methodology note and corrections log.
 */
import { claimsForArticle, claimsInReadingOrder, levelById, linksForClaim, sourceById } from '../claims';
import type { Article, Claim, ClaimSourceLink, RatingLevel, RatingScale, Source } from '../model';
import { claimIdsOf, leavesOf, stateChangeOf, type Project } from '../operations';

export interface ExportOptions {
  /** Keep only approved claims. */
  approvedOnly?: boolean;
  /** When the export was made (ISO); defaults to now. */
  generatedAt?: string;
  /** Where the published fact-check lives (ClaimReview `url`); per claim `#claim-N` is appended. */
  url?: string;
  /** The publishing organisation (ClaimReview `author`). */
  organisation?: string;
}

export interface ReportSource {
  link: ClaimSourceLink;
  source: Source;
}

export interface ReportClaim {
  /** 1-based, in reading order across the project's articles. */
  number: number;
  claim: Claim;
  article: Article;
  level: RatingLevel | undefined;
  /** Sources shown in the report (withheld ones left out). */
  sources: ReportSource[];
  /** How many of this claim's sources are withheld for source safety. */
  withheldCount: number;
  reviewer: string | undefined;
  reviewedAt: string | undefined;
}

export interface ReportArticle {
  article: Article;
  claims: ReportClaim[];
}

export interface Correction {
  date: string;
  text: string;
}

export interface ReportData {
  title: string;
  generatedAt: string;
  organisation: string | undefined;
  url: string | undefined;
  methodology: string | undefined;
  scale: RatingScale;
  articles: ReportArticle[];
  claims: ReportClaim[];
  /** Count of claims per level of the scale, then "No verdict" (level undefined). */
  summary: { level: RatingLevel | undefined; count: number }[];
  /** Every source a reported claim relies on, once, in first-use order (withheld ones left out). */
  sources: Source[];
  withheldSourceCount: number;
  /** Dated corrections after publication; no operation records one yet, so this is empty and the section is not shown. */
  corrections: Correction[];
}

/** A source the checker marked "withheld for source safety" never appears in a report. */
export function isWithheld(source: Source): boolean {
  return source.withheld === true;
}

export function buildReportData(project: Project, options: ExportOptions = {}): ReportData {
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const articles: ReportArticle[] = [];
  const claims: ReportClaim[] = [];
  const usedSources: Source[] = [];
  const withheldIds = new Set<string>();
  const reviews = reviewStepsFromHistory(project);

  for (const article of project.articles) {
    const own = claimsInReadingOrder(claimsForArticle(project, article.id)).filter(
      (claim) => !options.approvedOnly || claim.state === 'approved',
    );
    const reported: ReportClaim[] = [];
    for (const claim of own) {
      const sources: ReportSource[] = [];
      let withheldCount = 0;
      for (const link of linksForClaim(project, claim.id)) {
        const source = sourceById(project, link.sourceId);
        if (!source) continue;
        if (isWithheld(source)) {
          withheldCount++;
          withheldIds.add(source.id);
          continue;
        }
        sources.push({ link, source });
        if (!usedSources.includes(source)) usedSources.push(source);
      }
      const review = reviews.get(claim.id);
      const item: ReportClaim = {
        number: claims.length + 1,
        claim,
        article,
        level: levelById(project.ratingScale, claim.verdict.levelId),
        sources,
        withheldCount,
        reviewer: review?.reviewer.trim() ? review.reviewer : undefined,
        reviewedAt: review?.at.trim() ? review.at : undefined,
      };
      claims.push(item);
      reported.push(item);
    }
    articles.push({ article, claims: reported });
  }

  const summary = [
    ...project.ratingScale.levels.map((level) => ({ level: level as RatingLevel | undefined, count: 0 })),
    { level: undefined, count: 0 },
  ];
  for (const item of claims) {
    const row = summary.find((s) => s.level === item.level) ?? summary[summary.length - 1]!;
    row.count++;
  }

  return {
    title: project.title,
    generatedAt,
    organisation: options.organisation,
    url: options.url,
    methodology: project.methodology?.trim() ? project.methodology : undefined,
    scale: project.ratingScale,
    articles,
    claims,
    summary,
    sources: usedSources,
    withheldSourceCount: withheldIds.size,
    corrections: [],
  };
}

/**
 * Who approved (or asked for changes to) each claim, and when: the author of the last history entry
 * that moved the claim into 'approved' or 'changesRequested', while it is still in that state.
 */
function reviewStepsFromHistory(project: Project): Map<string, { reviewer: string; at: string }> {
  const out = new Map<string, { reviewer: string; at: string }>();
  for (const entry of project.history) {
    for (const op of leavesOf(entry.op)) {
      const change = stateChangeOf(op);
      if (!change) continue;
      for (const claimId of claimIdsOf(op, project)) {
        if (change.to === 'approved' || change.to === 'changesRequested') out.set(claimId, { reviewer: entry.author, at: entry.at });
        else out.delete(claimId);
      }
    }
  }
  for (const claim of project.claims) {
    if (claim.state !== 'approved' && claim.state !== 'changesRequested') out.delete(claim.id);
  }
  return out;
}

/** "2026-03-14T16:06:00.000Z" → "2026-03-14"; other text as it is. */
export function shortDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  return m ? m[1]! : iso;
}

export function articleLabel(article: Article): string {
  return article.metadata.title || article.metadata.fileName || 'Untitled article';
}

/**
 * The verdict's short label: the rating level's label, or for a "conclusion only" scale (no
 * levels) the one-line conclusion; undefined when there is no verdict yet.
 */
export function verdictLabel(item: Pick<ReportClaim, 'level' | 'claim'>, scale: RatingScale): string | undefined {
  if (item.level) return item.level.label;
  const conclusion = item.claim.verdict.conclusion.trim();
  return scale.levels.length === 0 && conclusion ? conclusion : undefined;
}
