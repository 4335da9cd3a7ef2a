/**
 * What every report shows, gathered once from a project: claims numbered in reading order, each
 * with its article, rating level, sources (withheld ones left out) and review details; the summary
 * by verdict; the public source list; the scale, methodology note and corrections log.
 */
import { claimsForArticle, claimsInReadingOrder, levelById, linksForClaim, sourceById } from '../claims';
import type { Article, Claim, ClaimSourceLink, ClaimState, RatingLevel, RatingScale, Source } from '../model';
import type { Project } from '../operations';
import { optionalArray, optionalBoolean, optionalName, optionalString } from './optionalFields';

export interface ExportOptions {
  /** Keep only approved claims. */
  approvedOnly?: boolean;
  /** When the export was made (ISO); defaults to now. */
  generatedAt?: string;
  /** Where the published fact-check lives (ClaimReview `url`); per claim `#claim-N` is appended. */
  url?: string;
  /** The publishing organisation (ClaimReview `author`), when the project does not name one. */
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
  corrections: Correction[];
}

export const STATE_LABELS: Record<ClaimState, string> = {
  draft: 'Draft',
  researching: 'Researching',
  readyForReview: 'Ready for review',
  changesRequested: 'Changes requested',
  approved: 'Approved',
};

export function stateLabel(state: string): string {
  return (STATE_LABELS as Record<string, string>)[state] ?? state;
}

/** A source the checker marked "withheld for source safety" never appears in a report. */
export function isWithheld(source: Source): boolean {
  return optionalBoolean(source, 'withheld');
}

export function buildReportData(project: Project, options: ExportOptions = {}): ReportData {
  const generatedAt = options.generatedAt ?? new Date().toISOString();
  const articles: ReportArticle[] = [];
  const claims: ReportClaim[] = [];
  const usedSources: Source[] = [];
  const withheldIds = new Set<string>();
  const reviews = optionalArray(project, 'reviews');
  const reviewSteps = reviewStepsFromHistory(project);

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
      const review = lastReviewOf(reviews, claim.id) ?? reviewSteps.get(claim.id);
      const item: ReportClaim = {
        number: claims.length + 1,
        claim,
        article,
        level: levelById(project.ratingScale, claim.verdict.levelId),
        sources,
        withheldCount,
        reviewer: optionalName(claim, 'reviewer', 'reviewedBy') ?? optionalName(review, 'reviewer', 'author', 'by'),
        reviewedAt: optionalString(claim, 'reviewedAt') ?? optionalString(review, 'at', 'reviewedAt', 'date'),
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
    organisation:
      optionalName(project, 'organisation', 'organization', 'publisher') ??
      optionalName(settingsOf(project), 'organisation', 'organization', 'publisher') ??
      options.organisation,
    url: options.url ?? optionalString(project, 'reportUrl', 'publishedUrl', 'url') ?? optionalString(settingsOf(project), 'reportUrl', 'publishedUrl', 'url'),
    methodology:
      optionalString(project, 'methodology', 'methodologyNote') ??
      optionalString(settingsOf(project), 'methodology', 'methodologyNote'),
    scale: project.ratingScale,
    articles,
    claims,
    summary,
    sources: usedSources,
    withheldSourceCount: withheldIds.size,
    corrections: correctionsOf(project),
  };
}

function settingsOf(project: Project): unknown {
  const p = project as unknown as Record<string, unknown>;
  return p.settings ?? p.publication;
}

/**
 * Who approved (or asked for changes to) each claim, and when: the author of the last history entry
 * that moved the claim into 'approved' or 'changesRequested', while it is still in that state.
 */
function reviewStepsFromHistory(project: Project): Map<string, { reviewer: string; at: string }> {
  const out = new Map<string, { reviewer: string; at: string }>();
  for (const entry of project.history ?? []) {
    const ops = entry.op.type === 'batch' ? entry.op.ops : [entry.op];
    for (const op of ops) {
      const target = op as { type: string; claimId?: string; state?: string; changes?: { state?: string } };
      const state = target.type === 'changeState' ? target.state : target.type === 'editClaim' ? target.changes?.state : undefined;
      if (!state || !target.claimId) continue;
      if (state === 'approved' || state === 'changesRequested') out.set(target.claimId, { reviewer: entry.author, at: entry.at });
      else out.delete(target.claimId);
    }
  }
  for (const claim of project.claims) {
    if (claim.state !== 'approved' && claim.state !== 'changesRequested') out.delete(claim.id);
  }
  return out;
}

function lastReviewOf(reviews: unknown[], claimId: string): unknown {
  let found: unknown;
  for (const review of reviews) {
    if (optionalString(review, 'claimId') === claimId) found = review;
  }
  return found;
}

function correctionsOf(project: Project): Correction[] {
  const out: Correction[] = [];
  for (const entry of [...optionalArray(project, 'corrections'), ...optionalArray(settingsOf(project), 'corrections')]) {
    const text = optionalString(entry, 'text', 'description', 'note', 'summary');
    if (!text) continue;
    out.push({ date: optionalString(entry, 'date', 'at', 'correctedAt', 'createdAt') ?? '', text });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
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
