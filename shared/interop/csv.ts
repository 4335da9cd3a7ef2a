/**
 * One CSV row per claim (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or
 * line break, quotes doubled). Cells that a spreadsheet would run as a formula (starting with
 * = + - @, tab or carriage return) are neutralised with a leading apostrophe.
 */
import type { Project } from '../operations';
import { articleLabel, buildReportData, shortDate, verdictLabel, type ExportOptions } from './reportData';

export interface CsvOptions extends ExportOptions {
  /** Start with a UTF-8 byte order mark, so spreadsheet apps read the file as UTF-8. */
  bom?: boolean;
}

export const CSV_COLUMNS = [
  'number',
  'claim_id',
  'article_title',
  'article_url',
  'quote',
  'statement',
  'claimant',
  'verdict',
  'rating',
  'conclusion',
  'state',
  'reviewer',
  'reviewed_at',
  'source_urls',
  'created_at',
  'article_published_at',
  'tags',
] as const;

/** Makes a cell safe to open in a spreadsheet: formula-starting text gets a leading apostrophe. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting of one field. */
export function quoteCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(values: readonly string[]): string {
  return values.map((v) => quoteCsvField(neutraliseCell(v))).join(',');
}

export function renderCsv(project: Project, options: CsvOptions = {}): string {
  const data = buildReportData(project, options);
  const rows = [CSV_COLUMNS.join(',')];
  for (const item of data.claims) {
    const { claim, article } = item;
    rows.push(
      csvRow([
        String(item.number),
        claim.id,
        articleLabel(article),
        article.metadata.url ?? '',
        claim.target.quote.exact,
        claim.statement,
        claim.claimant,
        verdictLabel(item, data.scale) ?? '',
        item.level?.rating === null || item.level?.rating === undefined ? '' : String(item.level.rating),
        claim.verdict.conclusion,
        claim.state,
        item.reviewer ?? '',
        shortDate(item.reviewedAt),
        // A source cited twice by one claim (two excerpts) is listed once.
        [...new Set(item.sources.map((s) => s.source.url).filter(Boolean))].join(' '),
        shortDate(claim.createdAt),
        shortDate(article.metadata.publishedAt),
        (claim.tags ?? []).join('; '),
      ]),
    );
  }
  return `${options.bom ? '\uFEFF' : ''}${rows.join('\r\n')}\r\n`;
}
