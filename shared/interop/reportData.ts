/**
 * What every report shows, gathered once from a project: claims numbered in reading order, each
 * with its article, rating level, sources (withheld ones left out), who approved it (and any
 * override), its corrections and where its fact-check is published; the summary by verdict; the
 * articles that have claims; the public source list; the scale, methodology note and corrections log.
 */
import { claimsForArticle, claimsInReadingOrder, levelById, linksForClaim, sourceById } from '../claims';
import type { Article, Claim, ClaimSourceLink, Correction, RatingLevel, RatingScale, Source } from '../model';
import type { Project } from '../operations';
import { checkExternalUrl } from '../urlCheck';
import { CLAIM_STATE_LABELS } from '../labels';
import { approvalLine, reviewRecords, type ApprovalRecord } from '../workflow/reviewRecord';
import type { PageSize } from './pageSize';

export interface ExportOptions {
  /** Keep only approved claims. */
  approvedOnly?: boolean;
  /** When the export was made (ISO); defaults to now. */
  generatedAt?: string;
  /** Overrides the project's "Published at": where the report is published; each claim is at `#claim-<claim id>`. */
  url?: string;
  /** Overrides the project's organisation (ClaimReview `author`). */
  organisation?: string;
  /** The paper a printed report is laid out for (HTML and PDF); A4 when not given. */
  pageSize?: PageSize;
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
  /** Who approved it and when (with the override, if checks were skipped), while it is approved. */
  approval: ApprovalRecord | undefined;
  /** The id of its card in the HTML report: `claim-<claim id>`. */
  anchorId: string;
  /** Where its fact-check is published: its own Fact-check URL, else "Published at" + `#claim-<claim id>`; undefined when neither is a public http(s) URL. */
  factCheckUrl: string | undefined;
  /** Its corrections, oldest first. */
  corrections: Correction[];
}

export interface ReportArticle {
  article: Article;
  claims: ReportClaim[];
}

export interface ReportCorrection {
  date: string;
  text: string;
  author: string;
  /** The corrected claim's number in the report. */
  claimNumber: number;
}

export interface ReportData {
  title: string;
  generatedAt: string;
  organisation: string | undefined;
  /** Where the report is published (the project's "Published at", or the override), as given. */
  url: string | undefined;
  pageSize: PageSize;
  methodology: string | undefined;
  scale: RatingScale;
  /** The articles that have reported claims (articles without claims are left out). */
  articles: ReportArticle[];
  claims: ReportClaim[];
  /** Count of claims per level of the scale, then "No verdict" (level undefined). */
  summary: { level: RatingLevel | undefined; count: number }[];
  /** Every source a reported claim relies on, once, in first-use order (withheld ones left out). */
  sources: Source[];
  withheldSourceCount: number;
  /** Dated corrections of the reported claims, oldest first (the corrections log; no section when empty). */
  corrections: ReportCorrection[];
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
  const reviews = reviewRecords(project);
  const organisation = nonEmpty(options.organisation) ?? nonEmpty(project.publication?.organisation);
  const url = nonEmpty(options.url) ?? nonEmpty(project.publication?.publishedAt);
  const correctionsByClaim = new Map<string, Correction[]>();
  for (const correction of project.corrections ?? []) {
    correctionsByClaim.set(correction.claimId, [...(correctionsByClaim.get(correction.claimId) ?? []), correction]);
  }

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
      const record = reviews.get(claim.id);
      const step = record?.approval ?? record?.request;
      const item: ReportClaim = {
        number: claims.length + 1,
        claim,
        article,
        level: levelById(project.ratingScale, claim.verdict.levelId),
        sources,
        withheldCount,
        reviewer: step?.by.trim() ? step.by : undefined,
        reviewedAt: step?.at.trim() ? step.at : undefined,
        approval: record?.approval,
        anchorId: claimAnchorId(claim.id),
        factCheckUrl: factCheckUrlOf(claim, url),
        corrections: correctionsByClaim.get(claim.id) ?? [],
      };
      claims.push(item);
      reported.push(item);
    }
    if (reported.length > 0) articles.push({ article, claims: reported });
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
    organisation,
    url,
    pageSize: options.pageSize ?? 'a4',
    methodology: project.methodology?.trim() ? project.methodology : undefined,
    scale: project.ratingScale,
    articles,
    claims,
    summary,
    sources: usedSources,
    withheldSourceCount: withheldIds.size,
    corrections: claims
      .flatMap((item) => item.corrections.map((c) => ({ date: c.at, text: c.text, author: c.author, claimNumber: item.number })))
      .sort((a, b) => a.date.localeCompare(b.date) || a.claimNumber - b.claimNumber),
  };
}

const nonEmpty = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

/** The id of a claim's card in the HTML report, and the fragment of its published address. */
export function claimAnchorId(claimId: string): string {
  return `claim-${claimId}`;
}

/** The claim's own Fact-check URL when it is a public http(s) URL, else the report's address with the claim's anchor. */
export function factCheckUrlOf(claim: Pick<Claim, 'id' | 'factCheckUrl'>, reportUrl: string | undefined): string | undefined {
  const own = claim.factCheckUrl?.trim() ? checkExternalUrl(claim.factCheckUrl) : null;
  if (own?.ok) return own.url;
  const base = reportUrl ? checkExternalUrl(reportUrl) : null;
  if (!base?.ok) return undefined;
  return `${base.url.split('#')[0]}#${encodeURIComponent(claimAnchorId(claim.id))}`;
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

/** "Approved by Bo Lindqvist, 28 Nov 2026", or the claim's review state. */
export function reviewText(item: Pick<ReportClaim, 'claim' | 'approval'>): string {
  if (item.claim.state === 'approved') return approvalLine(item.approval);
  return CLAIM_STATE_LABELS[item.claim.state];
}
